import type { Party } from '../../../lib/api-types.ts';
import { browserZone } from '../../../lib/time-format.ts';
import { nextWeekdayAt } from '../../../lib/zoned-time.ts';
import type { Layer, Schedule, ScheduleInput, Track } from '../api/schedule-types.ts';

/** A new layer: a weekly rotation handing over next Monday at 09:00 in the schedule's zone. */
export function blankLayer(zone: string, index: number): Layer {
  return {
    name: index === 0 ? 'Primary' : `Layer ${index + 1}`,
    start: nextWeekdayAt(1, '09:00', zone),
    turn: { unit: 'weeks', length: 1 },
    users: [],
    restrictions: [],
  };
}

/** A new schedule for the viewer's party, on the operations track, in the browser's zone. */
export function blankSchedule(party: Party, track: Track = 'operations'): ScheduleInput {
  const zone = browserZone();
  return {
    name: '',
    timeZone: zone,
    track,
    party,
    teamId: null,
    holidayCalendarId: null,
    layers: [blankLayer(zone, 0)],
  };
}

/** The editable part of a saved schedule, deep-copied so the draft never shares arrays with the cache. */
export function inputOf(schedule: Schedule): ScheduleInput {
  return {
    name: schedule.name,
    timeZone: schedule.timeZone,
    track: schedule.track,
    party: schedule.party,
    teamId: schedule.teamId,
    holidayCalendarId: schedule.holidayCalendarId,
    layers: schedule.layers.map((layer) => ({
      ...layer,
      turn: { ...layer.turn },
      users: [...layer.users],
      restrictions: (layer.restrictions ?? []).map((r) => ({ ...r, days: [...r.days] })),
    })),
  };
}

/** What is sent: names trimmed, a layer's own zone only when it has one. */
export function bodyOf(draft: ScheduleInput): ScheduleInput {
  return {
    ...draft,
    name: draft.name.trim(),
    layers: draft.layers.map(({ timeZone, ...layer }) => ({
      ...layer,
      name: layer.name.trim(),
      ...(timeZone ? { timeZone } : {}),
    })),
  };
}

/** The list item without one entry, or with two swapped: for layers, people and restrictions. */
export function without<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

export function swapped<T>(items: readonly T[], a: number, b: number): T[] {
  const copy = [...items];
  [copy[a], copy[b]] = [copy[b] as T, copy[a] as T];
  return copy;
}

/** "weekly", "every 2 days", "every 12 hours". */
export function turnLabel(turn: Layer['turn']): string {
  if (turn.length === 1) return { hours: 'hourly', days: 'daily', weeks: 'weekly' }[turn.unit];
  return `every ${turn.length} ${turn.unit}`;
}
