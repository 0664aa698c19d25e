/**
 * A change request's life: its states, the one table of moves between them per change type,
 * how approvals add up to a decision, and which ticket status each state means.
 * Pure: no I/O, no clock.
 */
import type { TicketStatus } from '../tickets/status.ts';

export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
/** standard: pre-approved by its template; normal: approved before it is scheduled; emergency: goes ahead, approved afterwards. */
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const CHANGE_STATES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'scheduled',
  'in_progress',
  'completed',
  'failed',
  'rolled_back',
] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export const CHANGE_LEVELS = ['low', 'medium', 'high'] as const;
/** Risk and impact are each rated low, medium or high. */
export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

/** Where a change's approval stands: `none` before it is submitted (and again once revised). */
export type ApprovalStatus = 'none' | 'pending' | 'approved' | 'rejected';

export const DECISIONS = ['approve', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];

const DONE = ['completed', 'failed', 'rolled_back'] as const;

/** The moves every type shares after approval. Rejected changes are revised as a new draft. */
const COMMON: Readonly<Partial<Record<ChangeState, readonly ChangeState[]>>> = {
  draft: ['submitted'],
  approved: ['scheduled'],
  rejected: ['draft'],
  scheduled: ['in_progress'],
  in_progress: DONE,
};

const TRANSITIONS: Readonly<
  Record<ChangeType, Readonly<Partial<Record<ChangeState, readonly ChangeState[]>>>>
> = {
  // Submitting a standard change approves it at once: its template was approved beforehand.
  standard: { ...COMMON, submitted: ['approved'] },
  normal: { ...COMMON, submitted: ['approved', 'rejected'] },
  // An emergency change may be scheduled and worked before anyone approves it.
  emergency: { ...COMMON, submitted: ['approved', 'rejected', 'scheduled'] },
};

/** Moves that only a decision makes (POST …/approvals, or a standard change's template). */
const DECIDED: readonly ChangeState[] = ['approved', 'rejected'];

export type ChangeMove = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Whether a change of this type may move from one state to another. */
export function moveChange(type: ChangeType, from: ChangeState, to: ChangeState): ChangeMove {
  const allowed = TRANSITIONS[type][from] ?? [];
  if (allowed.includes(to)) return { ok: true };
  if (allowed.length === 0) {
    return { ok: false, reason: `A ${label(from)} change is finished; it cannot move to ${label(to)}.` };
  }
  return {
    ok: false,
    reason: `A ${label(from)} ${type} change can move to ${allowed.map(label).join(' or ')}; not to ${label(to)}.`,
  };
}

/** Every state the table lets a change of this type reach from `from`. */
export function nextStates(type: ChangeType, from: ChangeState): readonly ChangeState[] {
  return TRANSITIONS[type][from] ?? [];
}

/** The moves a person asks for directly; approval and rejection come from decisions instead. */
export function requestableStates(type: ChangeType, from: ChangeState): ChangeState[] {
  return nextStates(type, from).filter((to) => !DECIDED.includes(to));
}

/** True when reaching `to` is a decision's outcome, never a request. */
export function isDecided(to: ChangeState): boolean {
  return DECIDED.includes(to);
}

export function isFinished(state: ChangeState): boolean {
  return (DONE as readonly ChangeState[]).includes(state);
}

/** States in which a change holds a window in the calendar that a freeze must respect. */
export function isScheduled(state: ChangeState): boolean {
  return state === 'scheduled';
}

/**
 * The decision a set of approvals adds up to: any rejection rejects; approvals reaching the
 * quorum approve. A quorum larger than the approvers still eligible counts as their number,
 * so a manager leaving the engagement cannot strand a change that everyone left approved.
 */
export function decide(
  decisions: readonly Decision[],
  quorum: number,
  eligibleCount: number,
): 'pending' | 'approved' | 'rejected' {
  if (decisions.includes('reject')) return 'rejected';
  const needed = Math.max(1, Math.min(quorum, eligibleCount));
  return decisions.filter((d) => d === 'approve').length >= needed ? 'approved' : 'pending';
}

/**
 * Whether a change waits on approvers now: a normal (or emergency) change just submitted, and an
 * emergency change that went ahead while its approval is still pending.
 */
export function awaitsApproval(type: ChangeType, state: ChangeState, approval: ApprovalStatus): boolean {
  if (approval !== 'pending' || type === 'standard') return false;
  if (state === 'submitted') return true;
  return type === 'emergency' && state !== 'draft' && state !== 'rejected' && state !== 'approved';
}

/**
 * The ticket status a change's state means, or null to leave the ticket where it is. A submitted
 * normal change waits on the internal party's approval; an emergency one is already being worked.
 * A rejected change revised into a draft stays in the owner's hands (in progress). A finished
 * change whose retrospective approval is still pending keeps its ticket open until the decision:
 * resolving the ticket would cancel the approval clock the approvers owe.
 */
export function ticketStatusFor(
  type: ChangeType,
  from: ChangeState | null,
  to: ChangeState,
  approvalPending = false,
): TicketStatus | null {
  switch (to) {
    case 'draft':
      return from === null ? 'new' : null;
    case 'submitted':
      return type === 'emergency' ? 'in_progress' : type === 'normal' ? 'waiting_on_internal' : null;
    case 'approved':
    case 'rejected':
    case 'scheduled':
    case 'in_progress':
      return 'in_progress';
    default:
      return approvalPending ? null : 'resolved';
  }
}

function label(state: ChangeState): string {
  return state.replaceAll('_', ' ');
}
