/**
 * Shift lists as interval algebra: every list is sorted by start, its shifts do not overlap, and
 * two touching shifts of the same person are one shift. Instants are epoch ms here; Dates only at
 * the edges of the module.
 */

/** One person on call over [start, end), in epoch ms. */
export interface ShiftMs {
  readonly userId: string;
  readonly start: number;
  readonly end: number;
}

/** Appends a shift, joining it to the last one when the same person carries on. */
export function appendShift(shifts: ShiftMs[], userId: string, start: number, end: number): void {
  if (end <= start) return;
  const last = shifts.at(-1);
  if (last && last.userId === userId && last.end === start) {
    shifts[shifts.length - 1] = { userId, start: last.start, end };
  } else {
    shifts.push({ userId, start, end });
  }
}

/** `above` wherever it has someone, `below` showing through its gaps. */
export function overlay(below: readonly ShiftMs[], above: readonly ShiftMs[]): ShiftMs[] {
  if (above.length === 0) return [...below];
  if (below.length === 0) return [...above];
  const result: ShiftMs[] = [];
  let j = 0; // the first shift of `above` that has not been emitted yet
  for (const shift of below) {
    let start = shift.start;
    while (start < shift.end) {
      const cover = above[j];
      if (cover && cover.end <= start) {
        appendShift(result, cover.userId, cover.start, cover.end);
        j += 1;
        continue;
      }
      if (!cover || cover.start >= shift.end) {
        appendShift(result, shift.userId, start, shift.end);
        break;
      }
      appendShift(result, shift.userId, start, cover.start);
      start = Math.max(start, cover.end);
    }
  }
  for (; j < above.length; j += 1) appendShift(result, above[j]!.userId, above[j]!.start, above[j]!.end);
  return result;
}

/** The spans of [from, to) that no shift covers. */
export function gapsBetween(shifts: readonly ShiftMs[], from: number, to: number): [number, number][] {
  const gaps: [number, number][] = [];
  let cursor = from;
  for (const { start, end } of shifts) {
    if (start > cursor) gaps.push([cursor, Math.min(start, to)]);
    cursor = Math.max(cursor, end);
  }
  if (cursor < to) gaps.push([cursor, to]);
  return gaps.filter(([start, end]) => end > start);
}

/** Index of the last of `starts` (sorted) that is at or before `instant`, or −1. */
export function lastAtOrBefore(starts: ArrayLike<number>, instant: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
