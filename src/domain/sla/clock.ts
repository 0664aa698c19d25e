/**
 * SLA clocks: one party's obligation on one ticket, measured in business time on a calendar.
 * Pure: every function takes the instant it works at; nothing reads the clock.
 */
import type { BusinessCalendar } from '../calendars/calendar.ts';

export const CLOCK_KINDS = [
  'first_response',
  'resolution',
  'update',
  'info_request_response',
  'change_approval',
  'incident_join',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_PARTIES = ['internal', 'provider'] as const;
export type ClockParty = (typeof CLOCK_PARTIES)[number];

/** How a stopped clock ended: within target, past it, or no longer owed (e.g. ticket closed). */
export type ClockOutcome = 'met' | 'breached' | 'cancelled';

/** What a reader is shown: running and paused clocks turn `breached` once past their target. */
export type ClockState = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

/** A clock as stored. `elapsedMs` counts closed segments; the open one runs from `runningSince`. */
export interface Clock {
  readonly targetMinutes: number;
  /** Warn at this percentage of the target (default 75). */
  readonly warnPercent: number;
  readonly startedAt: Date;
  readonly runningSince: Date | null;
  readonly elapsedMs: number;
  readonly stoppedAt: Date | null;
  readonly outcome: ClockOutcome | null;
}

/** A clock's figures at one instant. */
export interface ClockReading {
  readonly state: ClockState;
  readonly running: boolean;
  readonly elapsedMs: number;
  /** Target minus elapsed; negative once breached. */
  readonly remainingMs: number;
  /** While running: when the target is (or was) reached. Null when paused or stopped. */
  readonly dueAt: Date | null;
  /** While running: when the warning share is reached. Null when paused or stopped. */
  readonly warnAt: Date | null;
  readonly breached: boolean;
}

const MINUTE_MS = 60_000;

/** A new clock at `at`: running (the party's move) or paused (the ball is elsewhere). */
export function startClock(
  target: { readonly targetMinutes: number; readonly warnPercent?: number },
  at: Date,
  running: boolean,
): Clock {
  checkTarget(target.targetMinutes);
  const warnPercent = target.warnPercent ?? 75;
  if (!(warnPercent > 0 && warnPercent <= 100))
    throw new RangeError(`warn percent ${warnPercent} is not in (0, 100]`);
  return {
    targetMinutes: target.targetMinutes,
    warnPercent,
    startedAt: at,
    runningSince: running ? at : null,
    elapsedMs: 0,
    stoppedAt: null,
    outcome: null,
  };
}

/**
 * The clock's figures at `at`. A clock is breached once its elapsed time reaches the target: the
 * due instant itself is late.
 *
 * `dueAt` and `warnAt` are set only while running, as the instant the running segment brings the
 * elapsed time to the target (or to `warnPercent` of it). They may lie in the past. When the
 * closed segments alone already used the target or the share up (a retarget to less than the time
 * used, then a resume), the exact moment is not known to the clock, and the instant reads as
 * `runningSince`: the segment was late from its first moment.
 *
 * For a stopped clock, `breached` says whether the time used reached the target, so a clock
 * cancelled after its breach still reads as breached; its state is its outcome.
 */
export function readClock(clock: Clock, calendar: BusinessCalendar, at: Date): ClockReading {
  const targetMs = clock.targetMinutes * MINUTE_MS;
  const stopped = clock.outcome !== null;
  const since = stopped ? null : clock.runningSince;
  const elapsedMs = clock.elapsedMs + (since ? segmentMs(calendar, since, at) : 0);
  const breached = elapsedMs >= targetMs;
  const warnMs = Math.round((targetMs * clock.warnPercent) / 100);
  return {
    state: clock.outcome ?? (breached ? 'breached' : since ? 'running' : 'paused'),
    running: since !== null,
    elapsedMs,
    remainingMs: targetMs - elapsedMs,
    dueAt: since ? calendar.addBusinessMs(since, Math.max(0, targetMs - clock.elapsedMs)) : null,
    warnAt: since ? calendar.addBusinessMs(since, Math.max(0, warnMs - clock.elapsedMs)) : null,
    breached,
  };
}

/** Closes the running segment: its business time joins `elapsedMs`. No-op unless running. */
export function pauseClock(clock: Clock, calendar: BusinessCalendar, at: Date): Clock {
  if (clock.outcome !== null || clock.runningSince === null) return clock;
  return {
    ...clock,
    elapsedMs: clock.elapsedMs + segmentMs(calendar, clock.runningSince, at),
    runningSince: null,
  };
}

/** Opens a running segment at `at`. No-op if running or stopped. */
export function resumeClock(clock: Clock, at: Date): Clock {
  if (clock.outcome !== null || clock.runningSince !== null) return clock;
  return { ...clock, runningSince: at };
}

/**
 * Closes the running segment and ends the clock: `cancelled` if `cancel` (nothing is owed any
 * more), else `breached` if the time used reached the target, else `met`. No-op if stopped.
 */
export function stopClock(clock: Clock, calendar: BusinessCalendar, at: Date, cancel = false): Clock {
  if (clock.outcome !== null) return clock;
  const closed = pauseClock(clock, calendar, at);
  const breached = closed.elapsedMs >= closed.targetMinutes * MINUTE_MS;
  return { ...closed, stoppedAt: at, outcome: cancel ? 'cancelled' : breached ? 'breached' : 'met' };
}

/**
 * A new target (priority or kind changed). The time already used stays used: the clock never
 * restarts from zero, so a target cut below the time used breaches at once. No-op if stopped.
 */
export function retargetClock(clock: Clock, targetMinutes: number): Clock {
  checkTarget(targetMinutes);
  if (clock.outcome !== null) return clock;
  return { ...clock, targetMinutes };
}

/** Business time of one running segment; an instant before the segment's start reads as none. */
function segmentMs(calendar: BusinessCalendar, since: Date, at: Date): number {
  return at.getTime() > since.getTime() ? calendar.businessMsBetween(since, at) : 0;
}

function checkTarget(minutes: number): void {
  if (!(Number.isFinite(minutes) && minutes >= 0))
    throw new RangeError(`target ${minutes} min is not a duration`);
}
