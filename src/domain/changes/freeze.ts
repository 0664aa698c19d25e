/**
 * Freeze windows: periods in which no change may be scheduled (year-end close, audits, peak
 * season). Intervals are half-open, [start, end): a window ending exactly when a freeze begins
 * does not touch it. Pure: instants in, answers out.
 */

/** A span of time, start inclusive, end exclusive. */
export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

export interface FreezeWindow extends Interval {
  readonly id: string;
  readonly name: string;
}

/** True when the two half-open intervals share at least one instant. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** The first freeze window (in the order given) that the change window overlaps, if any. */
export function conflictingFreeze<F extends FreezeWindow>(
  window: Interval,
  freezes: readonly F[],
): F | undefined {
  return freezes.find((freeze) => overlaps(window, freeze));
}

/**
 * What a person reads when a window is refused, e.g. “The window 18 Dec 2026 22:00 – 19 Dec 2026
 * 02:00 UTC overlaps the freeze window “Year-end freeze” (18 Dec 2026 00:00 – 4 Jan 2027 00:00 UTC).”
 */
export function freezeConflictMessage(window: Interval, freeze: FreezeWindow): string {
  return `The window ${span(window)} overlaps the freeze window “${freeze.name}” (${span(freeze)}).`;
}

/** “18 Dec 2026 22:00 – 19 Dec 2026 02:00 UTC”. */
export function span(interval: Interval): string {
  return `${instant(interval.start)} – ${instant(interval.end)} UTC`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function instant(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`;
}
