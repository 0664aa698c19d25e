import type { Party } from '../../../lib/api-types.ts';
import type { CoverageLine, Person } from '../api/schedule-types.ts';
import type { ZonedWeek } from './week-in-zone.ts';

export const HOUR_MS = 3_600_000;

/** One hour of one function on one track, as the heatmap shows it. */
export interface HourCell {
  /** Epoch ms of the hour's start. */
  hour: number;
  /** Gap when nobody is on call for any part of the hour. */
  state: 'gap' | 'covered';
  /** The party on call for most of the hour; null when nobody is at all. */
  party: Party | null;
  users: Person[];
  /** The uncovered part of the hour, when there is one. */
  gap: { start: number; end: number; party: Party | null } | null;
}

/** The hour starts of the week: 168, or 167 / 169 in a week whose clocks change. */
export function hoursOf(week: ZonedWeek): number[] {
  const hours: number[] = [];
  for (let hour = week.start; hour < week.end; hour += HOUR_MS) hours.push(hour);
  return hours;
}

const overlap = (aStart: number, aEnd: number, bStart: number, bEnd: number) =>
  Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));

/**
 * Cuts a line's spans and gaps (which tile the range, in order) into hours. One pass: both lists
 * and the hours are sorted, so each piece is visited only for the hours it touches.
 */
export function cellsOf(line: CoverageLine, hours: readonly number[]): HourCell[] {
  const spans = line.spans.map((s) => ({ ...s, from: Date.parse(s.start), to: Date.parse(s.end) }));
  const gaps = line.gaps.map((g) => ({ ...g, from: Date.parse(g.start), to: Date.parse(g.end) }));
  let s = 0;
  let g = 0;
  return hours.map((hour) => {
    const end = hour + HOUR_MS;
    while (s < spans.length && (spans[s]?.to ?? 0) <= hour) s++;
    while (g < gaps.length && (gaps[g]?.to ?? 0) <= hour) g++;
    const byParty = new Map<Party, number>();
    const users = new Map<string, Person>();
    for (let i = s; i < spans.length && (spans[i]?.from ?? end) < end; i++) {
      const span = spans[i]!;
      const ms = overlap(hour, end, span.from, span.to);
      if (ms === 0) continue;
      byParty.set(span.party, (byParty.get(span.party) ?? 0) + ms);
      for (const user of span.users) users.set(user.id, user);
    }
    let gapStart = Number.POSITIVE_INFINITY;
    let gapEnd = Number.NEGATIVE_INFINITY;
    let gapParty: Party | null = null;
    for (let i = g; i < gaps.length && (gaps[i]?.from ?? end) < end; i++) {
      const piece = gaps[i]!;
      if (overlap(hour, end, piece.from, piece.to) === 0) continue;
      if (gapStart === Number.POSITIVE_INFINITY) gapParty = piece.party;
      gapStart = Math.min(gapStart, Math.max(hour, piece.from));
      gapEnd = Math.max(gapEnd, Math.min(end, piece.to));
    }
    const gap = gapEnd > gapStart ? { start: gapStart, end: gapEnd, party: gapParty } : null;
    const party = [...byParty].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    // Spans and gaps tile the range; an hour that neither reaches (past the range) counts as a gap.
    const covered = gap === null && party !== null;
    return { hour, state: covered ? 'covered' : 'gap', party, users: [...users.values()], gap };
  });
}

/** Share of a track's function-time with someone on call, 0..1, from the lines' covered minutes. */
export function trackScore(lines: readonly CoverageLine[], from: string, to: string): number | null {
  if (lines.length === 0) return null;
  const minutes = (Date.parse(to) - Date.parse(from)) / 60_000;
  const covered = lines.reduce((sum, line) => sum + line.coveredMinutes, 0);
  return minutes > 0 ? covered / (minutes * lines.length) : null;
}

/** "82 %": a share as a whole percentage, never rounding a gap up to 100. */
export function percent(share: number): string {
  const value = share < 1 ? Math.min(99, Math.round(share * 100)) : 100;
  return `${value} %`;
}
