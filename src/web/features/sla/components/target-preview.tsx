import { Text } from '@mantine/core';
import type { TicketPriority } from '../../../lib/api-types.ts';
import type { SlaTarget } from '../../../lib/sla-types.ts';
import { useDueAfter } from '../api/add-business-time.ts';

const weekdayTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: 'numeric',
  minute: '2-digit',
});
const withDate = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Fri 16:30" within a week of the opening, "Mon 7 Dec 10:30" beyond; in the viewer's zone. */
function formatFrom(iso: string, openedIso: string): string {
  const days = (Date.parse(iso) - Date.parse(openedIso)) / 86_400_000;
  return (days < 6 ? weekdayTime : withDate).format(new Date(iso));
}

interface TargetPreviewProps {
  engagementId: string;
  target: SlaTarget | undefined;
  priority: TicketPriority;
  openedIso: string | null;
}

/** "A P2 opened Fri 16:30 is due Mon 10:30", computed by the server on the target's calendar. */
export function TargetPreview({ engagementId, target, priority, openedIso }: TargetPreviewProps) {
  const due = useDueAfter(engagementId, target?.calendarId ?? null, openedIso, target?.minutes ?? null);
  if (!target) {
    return (
      <Text size="xs" c="dimmed">
        No {priority} target: no clock runs.
      </Text>
    );
  }
  if (!openedIso) return null;
  if (due.isError) {
    return (
      <Text size="xs" c="red">
        Cannot preview: check the calendar.
      </Text>
    );
  }
  return (
    <Text size="xs" c="dimmed" data-testid="target-preview">
      A {priority} opened {weekdayTime.format(new Date(openedIso))} is due{' '}
      <Text span size="xs" fw={600} c="var(--mantine-color-text)">
        {due.data ? formatFrom(due.data, openedIso) : '…'}
      </Text>
    </Text>
  );
}
