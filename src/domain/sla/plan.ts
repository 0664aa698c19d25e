/**
 * Which SLA clocks a ticket change starts, pauses, resumes, retargets or stops. The SLA service
 * applies the plan inside the transaction of every ticket change; each action carries the short
 * sentence that lands on the ticket's timeline and in the clock ledger.
 *
 * The owner's service clocks are `first_response`, `resolution` and `update`. The other party's
 * clocks on a ticket are obligations: `info_request_response` and `change_approval` (started by a
 * wait, or by an obligation) and `incident_join` (obligations only).
 *
 * - At most one open (running or paused) clock per party and kind on a ticket: a clock that is
 *   already open is never started again, and a kind without a target never starts.
 * - created: the owner's `first_response` and `resolution` start.
 * - responded by the owner: an open `first_response` stops (the reading decides met or
 *   breached); an open `update` stops and the next `update` starts. A reply by the other party
 *   changes no clock.
 * - status set to wait on someone other than the owner (the other party or the requester): the
 *   owner's running service clocks pause. Waiting on the other party also starts that party's
 *   clock of the wait's kind (`info_request_response` unless the cause says `change_approval`).
 * - status set away from a wait on the other party: its open `info_request_response` and
 *   `change_approval` stop; if the ball is now back with the owner, the owner's paused service
 *   clocks resume.
 * - resolved: the owner's `first_response` and `resolution` stop (met or breached); every other
 *   open clock is cancelled, since nothing more is owed on a resolved ticket.
 * - reopened (resolved → work): new `resolution` and `update` clocks start; the ledger keeps the
 *   stopped ones. `first_response` does not come back.
 * - closed: every open clock is cancelled.
 * - retargeted (priority or kind changed): each open clock whose policy target changed is
 *   retargeted (its used time stays used); one that has no target any more is cancelled. A kind
 *   that gains a target does not start: the plan cannot tell "never owed" from "already done".
 * - owner changed: the old owner's service clocks are cancelled and the new owner's
 *   `first_response` and `resolution` start. An owner is never waited on, so the new owner's open
 *   `info_request_response` is cancelled, and if the status now waits on the old owner, its
 *   `info_request_response` starts.
 * - obligation opened / closed: the party's clock of that kind starts running / stops.
 *
 * A service clock starts running when it is the owner's move and paused when the ball is
 * elsewhere. Nothing starts on a resolved or closed ticket.
 */
import { type TicketStatus, whoseMove } from '../tickets/status.ts';
import type { ClockKind, ClockParty } from './clock.ts';

/** The ticket as it is after the event. */
export interface TicketFacts {
  /** Human number, e.g. `LOGI-57`. */
  readonly number: string;
  readonly kind: string;
  readonly priority: string;
  readonly status: TicketStatus;
  readonly ownerParty: ClockParty;
}

/** Kinds of clock a wait starts for the waited-on party. */
export type WaitKind = 'info_request_response' | 'change_approval';

/** Why a ticket now waits on the other party, and which clock that party owes. */
export interface WaitCause {
  readonly kind: WaitKind;
  /** E.g. `info request LOGI-57: "Which VLAN?"`. */
  readonly reason: string;
}

export type TicketEvent =
  | { readonly type: 'created' }
  | {
      readonly type: 'status_changed';
      readonly from: TicketStatus;
      readonly to: TicketStatus;
      readonly cause?: WaitCause;
      /** The actor's name, for the timeline. */
      readonly by?: string;
    }
  /** A shared reply (or first move) by staff of that party. */
  | { readonly type: 'responded'; readonly party: ClockParty }
  /** The policy's targets apply again. */
  | { readonly type: 'retargeted'; readonly changed: readonly ('priority' | 'kind')[] }
  | { readonly type: 'owner_changed'; readonly from: ClockParty; readonly to: ClockParty }
  | {
      readonly type: 'obligation_opened';
      readonly party: ClockParty;
      readonly kind: 'change_approval' | 'incident_join';
      readonly reason: string;
    }
  | {
      readonly type: 'obligation_closed';
      readonly party: ClockParty;
      readonly kind: 'change_approval' | 'incident_join';
      readonly reason: string;
      readonly cancel?: boolean;
    };

/** What the policy asks of one party for one kind of clock. */
export interface Target {
  readonly minutes: number;
  readonly calendarId: string;
}

/** A running or paused clock on the ticket, with the target it runs against. */
export interface OpenClock {
  readonly id: string;
  readonly party: ClockParty;
  readonly kind: ClockKind;
  readonly state: 'running' | 'paused';
  readonly target: Target;
}

/** The policy's target for this ticket, or undefined when the party owes no such clock. */
export type TargetOf = (party: ClockParty, kind: ClockKind) => Target | undefined;

export type ClockAction =
  | {
      readonly do: 'start';
      readonly party: ClockParty;
      readonly kind: ClockKind;
      readonly target: Target;
      readonly running: boolean;
      readonly reason: string;
    }
  | { readonly do: 'pause'; readonly clockId: string; readonly reason: string }
  | { readonly do: 'resume'; readonly clockId: string; readonly reason: string }
  | { readonly do: 'stop'; readonly clockId: string; readonly reason: string; readonly cancel?: boolean }
  | { readonly do: 'retarget'; readonly clockId: string; readonly target: Target; readonly reason: string };

const SERVICE_KINDS: readonly ClockKind[] = ['first_response', 'resolution', 'update'];
const WAIT_KINDS: readonly ClockKind[] = ['info_request_response', 'change_approval'];

/** The actions, in order, that bring the ticket's clocks in line with the event. */
export function planClocks(
  ticket: TicketFacts,
  event: TicketEvent,
  open: readonly OpenClock[],
  targetOf: TargetOf,
): ClockAction[] {
  const plan = draft(open, targetOf);
  const owner = ticket.ownerParty;
  const workable = ticket.status !== 'resolved' && ticket.status !== 'closed';
  const startService = (party: ClockParty, kinds: readonly ClockKind[], reason: string) => {
    if (!workable) return;
    const running = whoseMove(ticket.status, party) === party;
    for (const kind of kinds) plan.start(party, kind, running, reason);
  };

  switch (event.type) {
    case 'created':
      startService(owner, ['first_response', 'resolution'], 'ticket created');
      break;

    case 'responded':
      if (event.party !== owner) break;
      plan.stop(plan.find(owner, 'first_response'), `first response by ${owner}`);
      plan.stop(plan.find(owner, 'update'), `update by ${owner}`);
      startService(owner, ['update'], `next update owed by ${owner}`);
      break;

    case 'status_changed':
      if (event.from === event.to) break;
      if (event.to === 'closed') {
        for (const clock of plan.open()) plan.stop(clock, 'ticket closed', true);
      } else if (event.to === 'resolved') {
        for (const clock of plan.open()) {
          const owed =
            clock.party === owner && (clock.kind === 'first_response' || clock.kind === 'resolution');
          plan.stop(clock, 'ticket resolved', !owed);
        }
      } else {
        changeOfHands(plan, owner, event);
        if (event.from === 'resolved') {
          startService(
            owner,
            ['resolution', 'update'],
            `ticket reopened${event.by ? ` by ${event.by}` : ''}`,
          );
        }
      }
      break;

    case 'retargeted': {
      const what = `${event.changed.length ? event.changed.join(' and ') : 'policy'} changed`;
      for (const clock of plan.open()) {
        const target = targetOf(clock.party, clock.kind);
        if (!target) plan.stop(clock, `${what}: no ${label(clock.kind)} target any more`, true);
        else plan.retarget(clock, target, what);
      }
      break;
    }

    case 'owner_changed': {
      if (event.from === event.to) break;
      const reason = `ownership moved to ${event.to}`;
      for (const kind of SERVICE_KINDS) plan.stop(plan.find(event.from, kind), reason, true);
      plan.stop(plan.find(event.to, 'info_request_response'), reason, true);
      startService(event.to, ['first_response', 'resolution'], reason);
      if (whoseMove(ticket.status, event.to) === event.from) {
        plan.start(event.from, 'info_request_response', true, `waiting on ${event.from}: ${reason}`);
      }
      break;
    }

    case 'obligation_opened':
      if (workable) plan.start(event.party, event.kind, true, event.reason);
      break;

    case 'obligation_closed':
      plan.stop(plan.find(event.party, event.kind), event.reason, event.cancel ?? false);
      break;
  }
  return plan.actions;
}

/** A status change between work and waits: whose clocks pause, resume, start and stop. */
function changeOfHands(
  plan: Draft,
  owner: ClockParty,
  event: Extract<TicketEvent, { type: 'status_changed' }>,
): void {
  const before = event.from === 'resolved' || event.from === 'closed' ? null : whoseMove(event.from, owner);
  const after = whoseMove(event.to, owner);
  const ownersMove = after === owner;
  const setBy = event.by
    ? `status set to ${label(event.to)} by ${event.by}`
    : `status set to ${label(event.to)}`;
  const why = event.cause?.reason ?? (event.by ? `status set by ${event.by}` : null);
  const sentence = ownersMove
    ? `back with ${owner}: ${setBy}`
    : `waiting on ${after}${why ? `: ${why}` : ''}`;

  if (before !== null && before !== 'requester' && before !== owner && before !== after) {
    for (const kind of WAIT_KINDS) plan.stop(plan.find(before, kind), sentence);
  }
  for (const kind of SERVICE_KINDS) {
    const clock = plan.find(owner, kind);
    if (clock?.state === 'running' && !ownersMove) plan.pause(clock, sentence);
    if (clock?.state === 'paused' && ownersMove) plan.resume(clock, sentence);
  }
  if (after !== null && after !== 'requester' && after !== owner && after !== before) {
    plan.start(after, event.cause?.kind ?? 'info_request_response', true, sentence);
  }
}

interface Draft {
  readonly actions: ClockAction[];
  open(): readonly OpenClock[];
  find(party: ClockParty, kind: ClockKind): OpenClock | undefined;
  start(party: ClockParty, kind: ClockKind, running: boolean, reason: string): void;
  pause(clock: OpenClock, reason: string): void;
  resume(clock: OpenClock, reason: string): void;
  stop(clock: OpenClock | undefined, reason: string, cancel?: boolean): void;
  retarget(clock: OpenClock, target: Target, what: string): void;
}

/**
 * The plan being written, over the clocks as they will be after each action so far: a clock
 * stopped earlier in the plan may be started again, and one started is not started twice.
 * Started clocks get a placeholder id no later action names.
 */
function draft(initial: readonly OpenClock[], targetOf: TargetOf): Draft {
  let board = [...initial];
  const actions: ClockAction[] = [];
  const replace = (clock: OpenClock, next: OpenClock | null) => {
    board = board.flatMap((c) => (c.id !== clock.id ? [c] : next ? [next] : []));
  };
  return {
    actions,
    open: () => [...board],
    find: (party, kind) => board.find((c) => c.party === party && c.kind === kind),
    start(party, kind, running, reason) {
      const target = targetOf(party, kind);
      if (!target || board.some((c) => c.party === party && c.kind === kind)) return;
      board.push({
        id: `(new ${party} ${kind})`,
        party,
        kind,
        state: running ? 'running' : 'paused',
        target,
      });
      actions.push({ do: 'start', party, kind, target, running, reason });
    },
    pause(clock, reason) {
      replace(clock, { ...clock, state: 'paused' });
      actions.push({ do: 'pause', clockId: clock.id, reason });
    },
    resume(clock, reason) {
      replace(clock, { ...clock, state: 'running' });
      actions.push({ do: 'resume', clockId: clock.id, reason });
    },
    stop(clock, reason, cancel = false) {
      if (!clock) return;
      replace(clock, null);
      actions.push(
        cancel
          ? { do: 'stop', clockId: clock.id, reason, cancel }
          : { do: 'stop', clockId: clock.id, reason },
      );
    },
    retarget(clock, target, what) {
      const { minutes, calendarId } = clock.target;
      if (target.minutes === minutes && target.calendarId === calendarId) return;
      const changes = [
        ...(target.minutes !== minutes ? [`target ${minutes} → ${target.minutes} min`] : []),
        ...(target.calendarId !== calendarId ? [`calendar ${calendarId} → ${target.calendarId}`] : []),
      ];
      replace(clock, { ...clock, target });
      actions.push({ do: 'retarget', clockId: clock.id, target, reason: `${what}: ${changes.join(', ')}` });
    },
  };
}

function label(value: string): string {
  return value.replaceAll('_', ' ');
}
