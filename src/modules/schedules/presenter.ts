import type { Schedule, ScheduleBody } from './schema.ts';
import type { ScheduleRow } from './tables.ts';

export function presentSchedule(row: ScheduleRow): Schedule {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    track: row.track,
    party: row.party,
    teamId: row.team_id,
    holidayCalendarId: row.holiday_calendar_id,
    layers: JSON.parse(row.layers) as Schedule['layers'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function rowOf(
  engagementId: string,
  id: string,
  body: ScheduleBody,
): Omit<ScheduleRow, 'created_at' | 'updated_at'> {
  return {
    engagement_id: engagementId,
    id,
    name: body.name.trim(),
    time_zone: body.timeZone,
    track: body.track,
    party: body.party,
    team_id: body.teamId ?? null,
    holiday_calendar_id: body.holidayCalendarId ?? null,
    layers: JSON.stringify(body.layers),
  };
}
