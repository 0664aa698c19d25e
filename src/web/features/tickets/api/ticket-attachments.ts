import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiUpload, apiUrl, segment } from '../../../lib/api-client.ts';
import type { TicketAttachment } from '../../../lib/api-types.ts';
import { ticketKey } from './ticket-keys.ts';

function attachmentsPath(engagementId: string, ticketId: string) {
  return `/engagements/${segment(engagementId)}/tickets/${segment(ticketId)}/attachments`;
}

/** The ticket's attachments. */
export async function listAttachments(engagementId: string, ticketId: string): Promise<TicketAttachment[]> {
  const { items } = await apiRequest<{ items: TicketAttachment[] }>(attachmentsPath(engagementId, ticketId));
  return items;
}

export function attachmentsQueryOptions(engagementId: string, ticketId: string) {
  return queryOptions({
    queryKey: [...ticketKey(engagementId, ticketId), 'attachments'],
    queryFn: () => listAttachments(engagementId, ticketId),
    retry: false,
  });
}

export function useAttachments(engagementId: string, ticketId: string) {
  return useQuery(attachmentsQueryOptions(engagementId, ticketId));
}

/** Where the browser downloads an attachment (served as `Content-Disposition: attachment`). */
export function attachmentUrl(engagementId: string, ticketId: string, attachmentId: string): string {
  return apiUrl(`${attachmentsPath(engagementId, ticketId)}/${segment(attachmentId)}`);
}

export function useUploadAttachment(engagementId: string, ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => apiUpload<TicketAttachment>(attachmentsPath(engagementId, ticketId), file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKey(engagementId, ticketId) }),
  });
}
