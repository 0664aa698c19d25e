import { useQueryClient } from '@tanstack/react-query';
import { STREAM_REOPENED, useEngagementEvents } from '../../../lib/engagement-events.ts';
import { matrixScope, referencesKey } from './matrix-keys.ts';

/** A draft saved or signed, a version taking effect; after a dropped stream anything may have moved. */
const MATRIX_EVENTS = ['matrix.updated', STREAM_REOPENED] as const;
/** What the editor names: a renamed team, calendar or schedule shows under its new name. */
const REFERENCE_EVENTS = [
  'calendar.created',
  'calendar.updated',
  'schedule.created',
  'schedule.updated',
] as const;

/**
 * Keeps the matrix screens current while they are open: when the other party's manager signs,
 * the sign-off panel shows it without a reload.
 */
export function useMatrixEvents(engagementId: string) {
  const queryClient = useQueryClient();
  useEngagementEvents([engagementId], MATRIX_EVENTS, () => {
    void queryClient.invalidateQueries({ queryKey: matrixScope(engagementId) });
  });
  useEngagementEvents([engagementId], REFERENCE_EVENTS, (_, event) => {
    const kind = event.type.startsWith('calendar.') ? 'calendars' : 'schedules';
    void queryClient.invalidateQueries({ queryKey: referencesKey(engagementId, kind) });
  });
}
