import type {
  CommentVisibility,
  Party,
  TicketKind,
  TicketPriority,
  TicketSort,
  TicketStatus,
  WhoseMove,
} from '../../../lib/api-types.ts';

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'New',
  triaged: 'Triaged',
  in_progress: 'In progress',
  waiting_on_internal: 'Waiting on internal',
  waiting_on_provider: 'Waiting on provider',
  waiting_on_requester: 'Waiting on requester',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  triaged: 'cyan',
  in_progress: 'indigo',
  waiting_on_internal: 'orange',
  waiting_on_provider: 'orange',
  waiting_on_requester: 'orange',
  resolved: 'green',
  closed: 'gray',
};

export const KIND_LABELS: Record<TicketKind, string> = {
  incident: 'Incident',
  request: 'Request',
  problem: 'Problem',
  change: 'Change',
  info_request: 'Information request',
  task: 'Task',
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = {
  P1: 'P1 · Critical',
  P2: 'P2 · High',
  P3: 'P3 · Normal',
  P4: 'P4 · Low',
};

export const PRIORITY_COLORS: Record<TicketPriority, string> = {
  P1: 'red',
  P2: 'orange',
  P3: 'blue',
  P4: 'gray',
};

export const SORT_LABELS: Record<TicketSort, string> = {
  updated_desc: 'Recently updated',
  created_desc: 'Newest first',
  priority: 'Priority (P1 first)',
};

/** The private channel of a party: what its private notes are called, and their visibility value. */
export const PRIVATE_VISIBILITY: Record<Party, Exclude<CommentVisibility, 'shared'>> = {
  internal: 'internal_only',
  provider: 'provider_only',
};

export const VISIBILITY_LABELS: Record<CommentVisibility, string> = {
  shared: 'Shared',
  internal_only: 'Internal only',
  provider_only: 'Provider only',
};

/** "Our move" / "Their move" / "Requester", as the viewer's party sees it; null when done. */
export function moveLabel(move: WhoseMove, viewerParty: Party): string | null {
  if (move === null) return null;
  if (move === 'requester') return 'Requester';
  return move === viewerParty ? 'Our move' : 'Their move';
}

export function moveColor(move: WhoseMove, viewerParty: Party): string {
  if (move === 'requester') return 'yellow';
  return move === viewerParty ? 'red' : 'gray';
}
