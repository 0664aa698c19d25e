import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Calendar, CalendarInput } from '../../../lib/sla-types.ts';
import { slaScope } from './sla-keys.ts';

/** Replaces a calendar's name, zone, hours and holidays. */
export function updateCalendar(
  engagementId: string,
  calendarId: string,
  calendar: CalendarInput,
): Promise<Calendar> {
  return apiRequest<Calendar>(`/engagements/${segment(engagementId)}/calendars/${segment(calendarId)}`, {
    method: 'PUT',
    body: calendar,
  });
}

export function useUpdateCalendar(engagementId: string, calendarId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (calendar: CalendarInput) => updateCalendar(engagementId, calendarId, calendar),
    meta: { errorsShownInForm: true },
    // New hours move every due time computed on this calendar, previews included.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: slaScope(engagementId) }),
  });
}
