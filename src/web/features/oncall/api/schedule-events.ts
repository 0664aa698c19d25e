import { useQueryClient } from '@tanstack/react-query';
import { STREAM_REOPENED, useEngagementEvents } from '../../../lib/engagement-events.ts';
import { oncallScope } from './oncall-keys.ts';

/** What moves shifts or coverage: schedules, overrides and time off, holiday calendars, the matrix. */
const MOVERS = ['schedule.updated', 'calendar.updated', 'matrix.updated', STREAM_REOPENED] as const;

/**
 * Keeps schedules, shifts, who is on call and coverage current while a page shows them; after a
 * dropped stream anything may have moved, so everything on-call is refetched.
 */
export function useScheduleEvents(engagementId: string) {
  const queryClient = useQueryClient();
  useEngagementEvents([engagementId], MOVERS, () => {
    void queryClient.invalidateQueries({ queryKey: oncallScope(engagementId) });
  });
}
