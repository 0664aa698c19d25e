import type { Party } from '../../../lib/api-types.ts';

/**
 * The shapes of the on-call API (`/schedules`, `/time-off`, `/coverage`), written by hand from
 * src/modules/schedules/schema.ts and the routing coverage report until the OpenAPI types are generated.
 */

/** Each schedule serves one track; the SOC's security track and the on-call operations track never merge. */
export type Track = 'security' | 'operations';
export const TRACKS: readonly Track[] = ['security', 'operations'];
export const TRACK_LABELS: Record<Track, string> = {
  security: 'Security · SOC',
  operations: 'Operations · on-call',
};
export const TRACK_COLORS: Record<Track, string> = { security: 'red', operations: 'blue' };

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A weekly window the layer is limited to, in its zone; `from > to` runs past midnight, `to` may be "24:00". */
export interface Restriction {
  days: Weekday[];
  from: string;
  to: string;
}

export type TurnUnit = 'hours' | 'days' | 'weeks';

export interface Layer {
  name: string;
  /** The first handoff, local to the layer's zone: "2026-11-02T09:00". */
  start: string;
  turn: { unit: TurnUnit; length: number };
  /** User ids in rotation order. */
  users: string[];
  restrictions?: Restriction[];
  /** For follow-the-sun layers; else the schedule's zone. */
  timeZone?: string;
  offOnHolidays?: boolean;
}

/** What a create or update sends. */
export interface ScheduleInput {
  name: string;
  timeZone: string;
  track: Track;
  party: Party;
  teamId: string | null;
  holidayCalendarId: string | null;
  /** Bottom first: a later layer wins wherever it has someone on call. */
  layers: Layer[];
}

export interface Schedule extends ScheduleInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface Person {
  id: string;
  name: string;
}

/** One person on call for the half-open span [start, end). */
export interface Shift {
  userId: string;
  start: string;
  end: string;
}

export interface Span {
  start: string;
  end: string;
}

export interface Shifts {
  /** The final schedule: who is on call, without overlaps. */
  shifts: Shift[];
  gaps: Span[];
  layers: { name: string; shifts: Shift[] }[];
  users: Person[];
}

export interface Override extends Span {
  id: string;
  userId: string;
  userName: string;
  createdAt: string;
}

export interface TimeOff extends Span {
  id: string;
  userId: string;
  userName: string;
  reason: string;
}

/** Someone, from one party's schedule, on call for a function on a track. */
export interface CoverageSpan extends Span {
  party: Party;
  teamId: string | null;
  scheduleId: string | null;
  users: Person[];
}

export interface CoverageLine {
  functionKey: string;
  functionName: string;
  track: Track;
  spans: CoverageSpan[];
  /** Nobody on call; `party` owns the time on paper (null: no cell in effect). */
  gaps: (Span & { party: Party | null })[];
  coveredMinutes: number;
}

export interface SinglePoint extends Span {
  functionKey: string;
  track: Track;
  userId: string;
  userName: string;
}

export interface Coverage {
  from: string;
  to: string;
  scenario: string;
  /** Share of function × track time with someone on call, 0..1. */
  score: number;
  lines: CoverageLine[];
  singlePoints: SinglePoint[];
  overlaps: unknown[];
  /** Targets real pages found empty in the range (the page fell through to the next level). */
  pageGaps?: PageGap[];
}

/** A moment a real incident page reached a target with nobody on call. */
export interface PageGap {
  at: string;
  /** The incident paged. */
  ticketId: string | null;
  track: Track | null;
  /** The escalation level whose target reached nobody. */
  level: number;
  target: { type: 'user' | 'schedule' | 'team'; id: string; name: string };
  reason: string;
}
