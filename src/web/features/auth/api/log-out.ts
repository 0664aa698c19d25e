import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export function logOut(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST' });
}

/** Ends the session and forgets everything cached for this user. */
export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSettled: () => queryClient.clear(),
  });
}
