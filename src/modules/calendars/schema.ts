import { type Static, Type } from 'typebox';
import { EngagementParams } from '../engagements/schema.ts';

// Times and dates are checked by the domain's checkCalendar, not by pattern here, so a form
// hears each problem in words at its own path ("must be a time of day such as 09:00").
const ClockTime = Type.String({
  maxLength: 5,
  description: 'Local wall-clock time, HH:MM; 24:00 is the end of the day.',
});
// A pair as minItems/maxItems rather than a tuple: a tuple's `items` array is not valid in the
// JSON Schema of OpenAPI 3.1, and the domain check reads the pair anyway.
const OpenInterval = Type.Unsafe<[string, string]>(
  Type.Array(ClockTime, {
    minItems: 2,
    maxItems: 2,
    description: 'Open [from, until] (local time); until is after from.',
  }),
);
const DayHours = Type.Array(OpenInterval, {
  maxItems: 12,
  description: 'The day’s open intervals, in order and not overlapping; [] when closed all day.',
});

/** Open hours per weekday, in the calendar's zone. Every day is named, closed days with []. */
export const WeekHours = Type.Object(
  {
    mon: DayHours,
    tue: DayHours,
    wed: DayHours,
    thu: DayHours,
    fri: DayHours,
    sat: DayHours,
    sun: DayHours,
  },
  { additionalProperties: false, description: 'Open hours per weekday, e.g. {"mon": [["09:00","17:00"]]}.' },
);

const Holidays = Type.Array(Type.String({ maxLength: 10, description: 'YYYY-MM-DD.' }), {
  maxItems: 400,
  description: 'Whole days closed, as local dates (YYYY-MM-DD) in the calendar’s zone.',
});
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone the hours and holidays are read in, e.g. America/Chicago or UTC.',
});
const Instant = Type.String({ format: 'date-time', description: 'An instant, ISO-8601 (answers are UTC).' });

export const Calendar = Type.Object(
  {
    id: Type.String(),
    name: Type.String({ description: 'Unique in the engagement, e.g. "Harborline business hours".' }),
    timeZone: TimeZone,
    hours: WeekHours,
    holidays: Holidays,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type Calendar = Static<typeof Calendar>;

export const CalendarList = Type.Object({ items: Type.Array(Calendar) }, { additionalProperties: false });

/** A calendar as written: the whole of it, on create and on replace alike. */
export const CalendarBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80, description: 'Unique in the engagement.' }),
    timeZone: TimeZone,
    hours: WeekHours,
    holidays: Type.Optional(Holidays),
  },
  { additionalProperties: false },
);
export type CalendarBody = Static<typeof CalendarBody>;

export const CalendarParams = Type.Object(
  { ...EngagementParams.properties, calendarId: Type.String({ maxLength: 64, description: 'Calendar id.' }) },
  { additionalProperties: false },
);

export const AddBusinessTimeBody = Type.Object(
  {
    start: Instant,
    minutes: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      description: 'Business minutes to add (about two years of 24×7 at most).',
    }),
  },
  { additionalProperties: false },
);
export type AddBusinessTimeBody = Static<typeof AddBusinessTimeBody>;

export const BusinessTimeDue = Type.Object(
  { due: Type.String({ format: 'date-time', description: 'When that much business time has passed, UTC.' }) },
  { additionalProperties: false },
);
export type BusinessTimeDue = Static<typeof BusinessTimeDue>;

export const BusinessMinutesBetweenBody = Type.Object(
  { start: Instant, end: Instant },
  { additionalProperties: false },
);
export type BusinessMinutesBetweenBody = Static<typeof BusinessMinutesBetweenBody>;

export const BusinessMinutes = Type.Object(
  {
    minutes: Type.Number({
      description:
        'Business minutes from start to end; fractional inside a minute, negative when end is first.',
    }),
  },
  { additionalProperties: false },
);
export type BusinessMinutes = Static<typeof BusinessMinutes>;
