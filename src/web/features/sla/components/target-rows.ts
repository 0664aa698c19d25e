import type { Party, TicketPriority } from '../../../lib/api-types.ts';
import type { ClockKind, SlaTarget } from '../../../lib/sla-types.ts';

/** A row of the targets grid: one party's clock of one kind, across the priorities. */
export interface TargetRow {
  party: Party;
  kind: ClockKind;
}

/** The clocks DESIGN.md gives each party; other combinations appear once a policy uses them. */
const USUAL_ROWS: readonly TargetRow[] = [
  { party: 'provider', kind: 'first_response' },
  { party: 'provider', kind: 'resolution' },
  { party: 'provider', kind: 'update' },
  { party: 'internal', kind: 'info_request_response' },
  { party: 'internal', kind: 'change_approval' },
  { party: 'internal', kind: 'incident_join' },
];

export function targetRows(targets: readonly SlaTarget[]): TargetRow[] {
  const rows = [...USUAL_ROWS];
  for (const { party, kind } of targets) {
    if (!rows.some((row) => row.party === party && row.kind === kind)) rows.push({ party, kind });
  }
  return rows;
}

export function findTarget(targets: readonly SlaTarget[], row: TargetRow, priority: TicketPriority): number {
  return targets.findIndex(
    (target) => target.party === row.party && target.kind === row.kind && target.priority === priority,
  );
}

/**
 * Sets one cell: minutes null removes the target; a new target takes the calendar of its row's
 * other cells (or `fallbackCalendarId`), since a row usually counts on one calendar.
 */
export function setTarget(
  targets: readonly SlaTarget[],
  row: TargetRow,
  priority: TicketPriority,
  change: { minutes?: number | null; calendarId?: string },
  fallbackCalendarId: string,
): SlaTarget[] {
  const index = findTarget(targets, row, priority);
  const { minutes, calendarId } = change;
  if (minutes === null) return targets.filter((_, i) => i !== index);
  if (index >= 0) {
    return targets.map((target, i) =>
      i === index
        ? { ...target, minutes: minutes ?? target.minutes, calendarId: calendarId ?? target.calendarId }
        : target,
    );
  }
  if (minutes === undefined) return [...targets];
  const sibling = targets.find((target) => target.party === row.party && target.kind === row.kind);
  return [
    ...targets,
    { ...row, priority, minutes, calendarId: calendarId ?? sibling?.calendarId ?? fallbackCalendarId },
  ];
}
