import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Calendar, CalendarInput } from '../../../lib/sla-types.ts';
import { calendarsKey } from './sla-keys.ts';

export function createCalendar(engagementId: string, calendar: CalendarInput): Promise<Calendar> {
  return apiRequest<Calendar>(`/engagements/${segment(engagementId)}/calendars`, {
    method: 'POST',
    body: calendar,
  });
}

export function useCreateCalendar(engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (calendar: CalendarInput) => createCalendar(engagementId, calendar),
    meta: { errorsShownInForm: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarsKey(engagementId) }),
  });
}
