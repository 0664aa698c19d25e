import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { CommentVisibility, TicketActivity, TicketComment } from '../../../lib/api-types.ts';
import { ticketQueueKey } from '../../../lib/query-keys.ts';
import { ticketKey, ticketListKey } from './ticket-keys.ts';

function ticketPath(engagementId: string, ticketId: string) {
  return `/engagements/${segment(engagementId)}/tickets/${segment(ticketId)}`;
}

/** The comments the caller may see, oldest first. */
export async function listComments(engagementId: string, ticketId: string): Promise<TicketComment[]> {
  const list = await apiRequest<{ items: TicketComment[] }>(`${ticketPath(engagementId, ticketId)}/comments`);
  return list.items;
}

export function commentsQueryOptions(engagementId: string, ticketId: string) {
  return queryOptions({
    queryKey: [...ticketKey(engagementId, ticketId), 'comments'],
    queryFn: () => listComments(engagementId, ticketId),
  });
}

export function useComments(engagementId: string, ticketId: string) {
  return useQuery(commentsQueryOptions(engagementId, ticketId));
}

/** Who changed what, when: the timeline entries the caller may see. */
export async function listActivity(engagementId: string, ticketId: string): Promise<TicketActivity[]> {
  const list = await apiRequest<{ items: TicketActivity[] }>(
    `${ticketPath(engagementId, ticketId)}/activity`,
  );
  return list.items;
}

export function activityQueryOptions(engagementId: string, ticketId: string) {
  return queryOptions({
    queryKey: [...ticketKey(engagementId, ticketId), 'activity'],
    queryFn: () => listActivity(engagementId, ticketId),
  });
}

/** `enabled: false` for the requester portal, which shows comments only. */
export function useActivity(engagementId: string, ticketId: string, enabled = true) {
  return useQuery({ ...activityQueryOptions(engagementId, ticketId), enabled });
}

export interface NewComment {
  body: string;
  visibility?: CommentVisibility;
}

export function addComment(
  engagementId: string,
  ticketId: string,
  comment: NewComment,
): Promise<TicketComment> {
  return apiRequest<TicketComment>(`${ticketPath(engagementId, ticketId)}/comments`, {
    method: 'POST',
    body: comment,
  });
}

export function useAddComment(engagementId: string, ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: NewComment) => addComment(engagementId, ticketId, comment),
    meta: { errorsShownInForm: true },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketKey(engagementId, ticketId) }),
        queryClient.invalidateQueries({ queryKey: ticketListKey(engagementId) }),
        queryClient.invalidateQueries({ queryKey: ticketQueueKey }),
      ]);
    },
  });
}
