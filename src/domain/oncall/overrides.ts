/**
 * Overrides flattened into one timeline: where several overlap, the latest-starting one wins
 * (a later entry in the list breaks a tie), and when it ends the one it covered resumes if it is
 * still running. Flattening once at compile time makes "whose override is it at t" a binary
 * search over disjoint spans instead of a scan of every override.
 */
import type { Override } from './schedule.ts';
import { appendShift, lastAtOrBefore, type ShiftMs } from './shift-lists.ts';

export interface OverrideTimeline {
  userAt(instant: number): string | undefined;
  /** The timeline's shifts within [from, to), clipped to it. */
  shiftsWithin(from: number, to: number): ShiftMs[];
}

export function overrideTimelineOf(overrides: readonly Override[]): OverrideTimeline {
  const shifts = flatten(overrides);
  const starts = Float64Array.from(shifts, (shift) => shift.start);
  return {
    userAt(instant) {
      const shift = shifts[lastAtOrBefore(starts, instant)];
      return shift && instant < shift.end ? shift.userId : undefined;
    },
    shiftsWithin(from, to) {
      const within: ShiftMs[] = [];
      for (let i = Math.max(0, lastAtOrBefore(starts, from)); i < shifts.length; i += 1) {
        const { userId, start, end } = shifts[i]!;
        if (start >= to) break;
        appendShift(within, userId, Math.max(start, from), Math.min(end, to));
      }
      return within;
    },
  };
}

function flatten(overrides: readonly Override[]): ShiftMs[] {
  // A stable sort keeps list order among equal starts, so the later entry ends up on top.
  const sorted = overrides
    .map(({ userId, start, end }) => ({ userId, start: start.getTime(), end: end.getTime() }))
    .sort((a, b) => a.start - b.start);
  const shifts: ShiftMs[] = [];
  // Running overrides in order of start: the top of the stack is the latest-starting one.
  const running: ShiftMs[] = [];
  let cursor = -Infinity;
  const emitUntil = (limit: number) => {
    for (;;) {
      while (running.length > 0 && running.at(-1)!.end <= cursor) running.pop();
      const top = running.at(-1);
      if (!top || cursor >= limit) return;
      const end = Math.min(top.end, limit);
      appendShift(shifts, top.userId, cursor, end);
      cursor = end;
    }
  };
  for (const override of sorted) {
    emitUntil(override.start);
    cursor = override.start;
    running.push(override);
  }
  emitUntil(Infinity);
  return shifts;
}
