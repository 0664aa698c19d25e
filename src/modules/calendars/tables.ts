import type { Selectable } from 'kysely';

/** A business-hours calendar of one engagement. */
export interface CalendarsTable {
  engagement_id: string;
  id: string;
  name: string;
  /** IANA zone, e.g. America/New_York. */
  time_zone: string;
  /** JSON text: `{mon: [["09:00","17:00"]], …, sun: []}`. */
  hours: string;
  /** JSON text: `["2026-12-25", …]`, dates in the calendar's zone. */
  holidays: string;
  created_at: string;
  updated_at: string;
}
export type CalendarRow = Selectable<CalendarsTable>;
