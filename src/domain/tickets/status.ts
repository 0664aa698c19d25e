/**
 * A ticket's status, and the one table of moves between statuses. The status also says whose
 * move it is: waiting on the internal team stops the provider's clock and starts theirs.
 */
export const TICKET_STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'waiting_on_internal',
  'waiting_on_provider',
  'waiting_on_requester',
  'resolved',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export type TicketParty = 'internal' | 'provider';

const WAITING = ['waiting_on_internal', 'waiting_on_provider', 'waiting_on_requester'] as const;

/** Allowed moves. Closed is final; a resolved ticket may be reopened into work. */
const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['triaged', 'in_progress', ...WAITING, 'resolved'],
  triaged: ['in_progress', ...WAITING, 'resolved'],
  in_progress: ['triaged', ...WAITING, 'resolved'],
  waiting_on_internal: ['in_progress', 'waiting_on_provider', 'waiting_on_requester', 'resolved'],
  waiting_on_provider: ['in_progress', 'waiting_on_internal', 'waiting_on_requester', 'resolved'],
  waiting_on_requester: ['in_progress', 'waiting_on_internal', 'waiting_on_provider', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

export function allowedNextStatuses(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}

export function canMove(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export type StatusChange =
  | { readonly ok: true; readonly status: TicketStatus }
  | { readonly ok: false; readonly reason: string };

/** The result of asking to move a ticket from one status to another. */
export function changeStatus(from: TicketStatus, to: TicketStatus): StatusChange {
  if (from === to) return { ok: true, status: from };
  if (canMove(from, to)) return { ok: true, status: to };
  const allowed = TRANSITIONS[from];
  return {
    ok: false,
    reason:
      allowed.length === 0
        ? `A ${label(from)} ticket cannot change status.`
        : `A ${label(from)} ticket can move to ${allowed.map(label).join(', ')}; not to ${label(to)}.`,
  };
}

/** Whose move it is: a party, the requester, or nobody once the work is done. */
export type Move = TicketParty | 'requester' | null;

export function whoseMove(status: TicketStatus, ownerParty: TicketParty): Move {
  switch (status) {
    case 'waiting_on_internal':
      return 'internal';
    case 'waiting_on_provider':
      return 'provider';
    case 'waiting_on_requester':
      return 'requester';
    case 'resolved':
    case 'closed':
      return null;
    default:
      return ownerParty;
  }
}

/** Statuses in which it is this party's move, for "Our move" / "Their move" views. */
export function statusesWhereMoveIs(party: TicketParty, ownerParty: TicketParty): TicketStatus[] {
  return TICKET_STATUSES.filter((s) => whoseMove(s, ownerParty) === party);
}

function label(status: TicketStatus): string {
  return status.replaceAll('_', ' ');
}
