/**
 * Local wall times of a layer: the "YYYY-MM-DDTHH:MM" a person types for a first handoff, and the
 * instant a given wall time falls on each local date. The DST rule is the calendars' own (see
 * calendars/local-days.ts), reused rather than restated: a wall time maps to the first instant
 * whose clock reads at least that time, so a skipped time lands just after the gap and a repeated
 * one on its first occurrence.
 */
import { IANAZone } from 'luxon';
import { localDays } from '../calendars/local-days.ts';
import { dayNumberOfDate, MINUTES_PER_DAY, minutesOfClockTime, WEEKDAYS } from '../calendars/spec.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** A local date (days since 1970-01-01 on the wall clock) and minutes after its midnight. */
export interface LocalDateTime {
  readonly day: number;
  readonly minute: number;
}

/** Reads "YYYY-MM-DDTHH:MM", or undefined when the text is not one (or names no real date). */
export function parseLocalDateTime(text: unknown): LocalDateTime | undefined {
  if (typeof text !== 'string') return undefined;
  const match = LOCAL_DATE_TIME.exec(text);
  if (!match) return undefined;
  const day = dayNumberOfDate(match[1]);
  const minute = minutesOfClockTime(match[2], false);
  return day === undefined || minute === undefined ? undefined : { day, minute };
}

/**
 * The instant at which the wall clock of `zoneName` reaches `minute` on each local date. Built
 * as a calendar that opens at that minute every day, so the answer is the calendar's opening.
 */
export function wallTimeEachDay(zoneName: string, minute: number): (day: number) => number {
  const opensDaily = WEEKDAYS.map(() => [[minute, MINUTES_PER_DAY] as const]);
  const days = localDays(zoneName, opensDaily, new Set());
  return (day) => {
    const open = days.openDay(day);
    // No opening only when the rest of the date is skipped; then the day after the gap begins it.
    return open.spans[0] ?? open.end;
  };
}

/**
 * Why a local date-time cannot be used in a zone, or undefined when its clock shows it: the
 * message a person sees when they type a time a spring-forward skips.
 */
export function missingWallTime(zoneName: string, text: string, at: LocalDateTime): string | undefined {
  const instant = wallTimeEachDay(zoneName, at.minute)(at.day);
  const zone = IANAZone.create(zoneName);
  const offsetAt = (t: number) => Math.round(zone.offset(t) * MINUTE_MS);
  if (instant + offsetAt(instant) === at.day * DAY_MS + at.minute * MINUTE_MS) return undefined;
  const before = clockFace(instant + offsetAt(instant - 1));
  const after = clockFace(instant + offsetAt(instant));
  return `${text} does not exist in ${zoneName}: clocks spring forward from ${before} to ${after}`;
}

/** "HH:MM" of a wall time in ms since 1970-01-01 on the wall clock. */
function clockFace(wall: number): string {
  const minutes = Math.round((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}
