import { useQueryClient } from '@tanstack/react-query';
import { useEngagementEvents } from '../../../lib/engagement-events.ts';
import { changesScope } from './change-keys.ts';

/** A change is a ticket: its moves, approvals and edits arrive as ticket events. */
const CHANGE_EVENTS = ['ticket.created', 'ticket.updated', 'sla.warning', 'sla.breached'] as const;

/**
 * Keeps the change screens current while they are open: on a ticket event in the engagement,
 * every change query is marked stale and the ones on screen refetch. The event says nothing
 * about whether the ticket is a change, so the lists cannot be narrower than this.
 */
export function useChangeEvents(engagementId: string) {
  const queryClient = useQueryClient();
  useEngagementEvents([engagementId], CHANGE_EVENTS, () => {
    void queryClient.invalidateQueries({ queryKey: changesScope(engagementId) });
  });
}
