import type { Party, TicketActivity } from '../../../lib/api-types.ts';
import { formatMinutes } from '../../../lib/duration.ts';
import { clockName } from '../../../lib/sla-clock.ts';
import type { ClockKind, LedgerEvent } from '../../../lib/sla-types.ts';

/** What an `sla` timeline entry carries: one line of a clock's ledger. */
interface ClockEntryData {
  clockId: string;
  party: Party;
  kind: ClockKind;
  event: LedgerEvent;
  reason: string;
  targetMinutes: number;
  elapsedMinutes: number;
}

const VERBS: Record<LedgerEvent, string> = {
  started: 'started',
  paused: 'paused',
  resumed: 'resumed',
  retargeted: 'changed target',
  warned: 'reached its warning point',
  breached: 'breached',
  met: 'met',
  stopped: 'stopped',
  cancelled: 'cancelled',
};

const EVENT_COLORS: Partial<Record<LedgerEvent, string>> = {
  warned: 'orange',
  breached: 'red',
  met: 'green',
};

function clockData(activity: TicketActivity): ClockEntryData | null {
  const data = activity.data as Partial<ClockEntryData> | null;
  return data && typeof data === 'object' && data.party && data.kind && data.event
    ? (data as ClockEntryData)
    : null;
}

/**
 * "Provider resolution clock paused — waiting on internal: info request LOGI-57", from an `sla`
 * entry; null when the entry is not one.
 */
export function describeClockEntry(
  activity: TicketActivity,
): { text: string; party: Party; color: string } | null {
  if (activity.kind !== 'sla') return null;
  const data = clockData(activity);
  if (!data) return null;
  const verb =
    data.event === 'retargeted'
      ? `target changed to ${formatMinutes(data.targetMinutes)}`
      : VERBS[data.event];
  const name = clockName(data);
  const text = `${name.charAt(0).toUpperCase()}${name.slice(1)} ${verb ?? data.event}${data.reason ? ` — ${data.reason}` : ''}`;
  return { text, party: data.party, color: EVENT_COLORS[data.event] ?? 'gray' };
}

const humanize = (value: unknown) =>
  typeof value === 'string' ? value.replaceAll('_', ' ') : String(value ?? 'nothing');

const DECISIONS: Record<string, string> = { approve: 'approved', reject: 'rejected' };

/**
 * "Change moved from submitted to approved — reason" from `change_state`, and "approved the
 * change (1 of 2 approvals)" from `change_approval`; null for other entries.
 */
export function describeChangeEntry(activity: TicketActivity): string | null {
  if (activity.kind !== 'change_state' && activity.kind !== 'change_approval') return null;
  const data = (activity.data ?? {}) as Record<string, unknown>;
  const because = typeof data.reason === 'string' && data.reason ? ` — ${data.reason}` : '';
  if (activity.kind === 'change_state') {
    if (data.from === null || data.from === undefined)
      return `Change created as ${humanize(data.to)}${because}`;
    return `Change moved from ${humanize(data.from)} to ${humanize(data.to)}${because}`;
  }
  const decision =
    typeof data.decision === 'string' ? (DECISIONS[data.decision] ?? humanize(data.decision)) : null;
  const count =
    typeof data.approvals === 'number' && typeof data.quorum === 'number'
      ? ` (${data.approvals} of ${data.quorum} needed)`
      : '';
  return decision ? `Change ${decision}${count}${because}` : `Change approval recorded${because}`;
}

/** A question as one line of the timeline: Markdown marks dropped, cut at a readable length. */
function quote(text: unknown): string {
  const plain = String(text ?? '')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `“${plain.length > 140 ? `${plain.slice(0, 139)}…` : plain}”`;
}

/** "asked the internal team: “Which VLAN?”" and "answered: “VLAN 40”"; null for other entries. */
export function describeQuestionEntry(activity: TicketActivity): string | null {
  const data = (activity.data ?? {}) as Record<string, unknown>;
  if (activity.kind === 'info_requested') {
    const team = data.toParty === 'internal' ? 'the internal team' : 'the provider';
    return `asked ${team}: ${quote(data.question)}`;
  }
  if (activity.kind === 'info_request_answered') return `answered: ${quote(data.answer)}`;
  if (activity.kind === 'info_request_withdrawn') return 'withdrew a question';
  return null;
}
