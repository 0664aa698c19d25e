/**
 * A calendar's open time as a run of consecutive local days, grown lazily in either direction.
 * Each day keeps its open spans as epoch-ms pairs and `before`, the open ms from the index's
 * origin to the day's start (a prefix sum). Open time up to any instant is then one day lookup
 * plus a scan of that day's few spans, and finding where a budget runs out is a binary search,
 * so measuring a ticket costs the same whether it is an hour or a month old.
 */
import { DAY_MS, type LocalDays } from './local-days.ts';

/** Days built at a time, so a run of nearby tickets grows the index once, not day by day. */
const GROWTH_DAYS = 64;
/** Open time must turn up within this many days of looking, else the calendar is closed for good. */
const SEARCH_LIMIT_DAYS = 3653;
/** One index spans at most a century; anything wider is a bad date, not a ticket. */
const SPAN_LIMIT_DAYS = 36_525;

export class OpenTimeIndex {
  private firstDay = 0;
  /** starts[i]: when local day firstDay + i begins; one longer than spans (the last day's end). */
  private starts: number[] = [];
  /** before[i]: open ms from the origin to starts[i]; an arbitrary origin, only differences count. */
  private before: number[] = [];
  private spans: (readonly number[])[] = [];

  constructor(private readonly days: LocalDays) {}

  /** Open ms from the index's origin to `instant`; subtract two readings to measure. */
  openMsUpTo(instant: number): number {
    const i = this.dayIndexOf(instant);
    return this.before[i]! + openMsWithin(this.spans[i]!, instant);
  }

  isOpen(instant: number): boolean {
    const i = this.dayIndexOf(instant); // first: growing the index replaces `spans`
    return openingAtOrAfter(this.spans[i]!, instant) === instant;
  }

  /** Earliest instant at which `ms` (whole, > 0) open ms have passed since `start`. */
  reach(start: number, ms: number): number {
    const i = this.dayIndexOf(start);
    const target = this.before[i]! + openMsWithin(this.spans[i]!, start) + ms;
    const day = this.dayReaching(target, i);
    return instantAfterOpenMs(this.spans[day]!, target - this.before[day]!);
  }

  /** `instant` when open, else the next opening. */
  nextOpen(instant: number): number {
    const i = this.dayIndexOf(instant);
    const sameDay = openingAtOrAfter(this.spans[i]!, instant);
    if (sameDay !== undefined) return sameDay;
    // The first later day that adds any open time opens at its first span.
    const day = this.dayReaching(this.before[i + 1]! + 1, i);
    return this.spans[day]![0]!;
  }

  /** The open spans of [from, to) as flat [start, end) pairs, clipped to the range. */
  spansWithin(from: number, to: number): number[] {
    if (!(from < to)) return [];
    this.dayIndexOf(to - 1);
    const first = this.dayIndexOf(from); // after any growth, so both indexes agree
    const last = this.dayIndexOf(to - 1);
    const pairs: number[] = [];
    for (let day = first; day <= last; day += 1) {
      const spans = this.spans[day]!;
      for (let k = 0; k < spans.length; k += 2) {
        const start = Math.max(spans[k]!, from);
        const end = Math.min(spans[k + 1]!, to);
        if (start < end) pairs.push(start, end);
      }
    }
    return pairs;
  }

  /** Index of the local day holding `instant`, growing the index to cover it. */
  private dayIndexOf(instant: number): number {
    this.cover(instant);
    const estimate = Math.floor((instant - this.starts[0]!) / DAY_MS);
    let i = Math.max(0, Math.min(this.spans.length - 1, estimate));
    // Days run 23–25 hours, so the estimate is off by about a day; a short walk settles it.
    while (this.starts[i]! > instant) i -= 1;
    while (this.starts[i + 1]! <= instant) i += 1;
    return i;
  }

  /** The first day from index `from` on by whose end `target` open ms have passed. */
  private dayReaching(target: number, from: number): number {
    while (this.before[this.spans.length]! < target) {
      this.growForward(GROWTH_DAYS);
      this.assertOpenTimeAfter(from);
    }
    let lo = from + 1;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.before[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo - 1;
  }

  private assertOpenTimeAfter(from: number): void {
    const limit = from + 1 + SEARCH_LIMIT_DAYS;
    if (limit < this.before.length && this.before[limit] === this.before[from + 1]) {
      const after = new Date(this.starts[from + 1]!).toISOString();
      throw new RangeError(`The calendar has no open time in the 10 years after ${after}.`);
    }
  }

  private cover(instant: number): void {
    if (this.spans.length === 0) this.seed(this.days.dayOf(instant));
    while (instant < this.starts[0]!) {
      this.growBack(Math.max(GROWTH_DAYS, Math.ceil((this.starts[0]! - instant) / DAY_MS) + 1));
    }
    while (instant >= this.starts[this.spans.length]!) {
      const end = this.starts[this.spans.length]!;
      this.growForward(Math.max(GROWTH_DAYS, Math.ceil((instant - end) / DAY_MS) + 1));
    }
  }

  private seed(day: number): void {
    const open = this.days.openDay(day);
    this.firstDay = day;
    this.starts = [open.start, open.end];
    this.before = [0, openMsOf(open.spans)];
    this.spans = [open.spans];
  }

  private growForward(count: number): void {
    this.assertSpan(count);
    for (let k = 0; k < count; k += 1) {
      const open = this.days.openDay(this.firstDay + this.spans.length);
      this.before.push(this.before[this.spans.length]! + openMsOf(open.spans));
      this.starts.push(open.end);
      this.spans.push(open.spans);
    }
  }

  private growBack(count: number): void {
    this.assertSpan(count);
    const earlier = Array.from({ length: count }, (_, k) => this.days.openDay(this.firstDay - count + k));
    const before: number[] = new Array(count);
    let openMs = this.before[0]!;
    for (let k = count - 1; k >= 0; k -= 1) {
      openMs -= openMsOf(earlier[k]!.spans);
      before[k] = openMs;
    }
    this.firstDay -= count;
    this.starts = earlier.map((day) => day.start).concat(this.starts);
    this.before = before.concat(this.before);
    this.spans = earlier.map((day) => day.spans).concat(this.spans);
  }

  private assertSpan(growth: number): void {
    if (this.spans.length + growth > SPAN_LIMIT_DAYS) {
      throw new RangeError('Business time is reckoned only within a century; a date is far out of range.');
    }
  }
}

function openMsOf(spans: readonly number[]): number {
  let total = 0;
  for (let k = 0; k < spans.length; k += 2) total += spans[k + 1]! - spans[k]!;
  return total;
}

/** Open ms of one day's spans that fall before `instant`. */
function openMsWithin(spans: readonly number[], instant: number): number {
  let total = 0;
  for (let k = 0; k < spans.length && spans[k]! < instant; k += 2) {
    total += Math.min(instant, spans[k + 1]!) - spans[k]!;
  }
  return total;
}

/** The instant at which `ms` (0 < ms ≤ the day's open ms) of a day's open time have passed. */
function instantAfterOpenMs(spans: readonly number[], ms: number): number {
  let left = ms;
  for (let k = 0; k < spans.length; k += 2) {
    const length = spans[k + 1]! - spans[k]!;
    if (left <= length) return spans[k]! + left;
    left -= length;
  }
  return spans[spans.length - 1]!;
}

/** `instant` when inside a span, else the next span's opening that day, else undefined. */
function openingAtOrAfter(spans: readonly number[], instant: number): number | undefined {
  for (let k = 0; k < spans.length; k += 2) {
    if (instant < spans[k + 1]!) return Math.max(instant, spans[k]!);
  }
  return undefined;
}
