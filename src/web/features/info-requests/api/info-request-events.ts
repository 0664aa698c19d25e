import { useQueryClient } from '@tanstack/react-query';
import { STREAM_REOPENED, useEngagementEvents } from '../../../lib/engagement-events.ts';
import { infoRequestsScope } from './info-request-keys.ts';

/**
 * Asking and answering change the ticket, so ticket events cover them; the `info_request.*`
 * names are listened for as well, should the server publish them.
 */
const QUESTION_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'info_request.created',
  'info_request.answered',
  'info_request.withdrawn',
  STREAM_REOPENED,
] as const;

/** Keeps the questions on screen current as either party asks or answers. */
export function useInfoRequestEvents(engagementIds: readonly string[]) {
  const queryClient = useQueryClient();
  useEngagementEvents(engagementIds, QUESTION_EVENTS, (engagementId) => {
    void queryClient.invalidateQueries({ queryKey: infoRequestsScope(engagementId) });
  });
}
