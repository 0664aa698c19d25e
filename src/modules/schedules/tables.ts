import type { Selectable } from 'kysely';
import type { Track } from '../../domain/oncall/schedule.ts';
import type { Party } from '../../platform/access/roles.ts';

/** An on-call schedule of one party, serving one track. */
export interface SchedulesTable {
  engagement_id: string;
  id: string;
  name: string;
  time_zone: string;
  track: Track;
  party: Party;
  team_id: string | null;
  /** JSON text: the domain's Layer[]. */
  layers: string;
  /** Holidays for layers that are off on them. */
  holiday_calendar_id: string | null;
  created_at: string;
  updated_at: string;
}
export type ScheduleRow = Selectable<SchedulesTable>;

/** Someone covers a span of one schedule for whoever would be on call. */
export interface ScheduleOverridesTable {
  engagement_id: string;
  id: string;
  schedule_id: string;
  user_id: string;
  starts_at: string;
  ends_at: string;
  created_by: string;
  created_at: string;
}

/** A person away: empty in every layer of every schedule of the engagement for the span. */
export interface TimeOffTable {
  engagement_id: string;
  id: string;
  user_id: string;
  starts_at: string;
  ends_at: string;
  reason: string;
  created_at: string;
}

/** A secret, revocable iCalendar URL: a schedule's shifts, or (schedule null) a person's own. */
export interface CalendarFeedsTable {
  id: string;
  token_hash: string;
  engagement_id: string;
  schedule_id: string | null;
  user_id: string;
  created_at: string;
  revoked_at: string | null;
}
