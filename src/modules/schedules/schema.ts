import { type Static, Type } from 'typebox';
import { TRACKS } from '../../domain/oncall/schedule.ts';
import { EngagementParams, PartySchema } from '../engagements/schema.ts';

const Id = Type.String({ maxLength: 64 });
const Instant = Type.String({ format: 'date-time' });
const LocalTime = Type.String({
  pattern: '^\\d{2}:\\d{2}$',
  description: 'HH:MM; "24:00" ends at midnight.',
});
const Weekday = Type.Enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const Layer = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    start: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$',
      description: 'The first handoff, local to the layer’s zone: "2026-11-02T09:00".',
      examples: ['2026-11-02T09:00'],
    }),
    turn: Type.Object(
      { unit: Type.Enum(['hours', 'days', 'weeks']), length: Type.Integer({ minimum: 1, maximum: 1000 }) },
      {
        additionalProperties: false,
        description: 'Day and week turns keep their local handoff time across DST.',
      },
    ),
    users: Type.Array(Id, { minItems: 1, maxItems: 100, description: 'In rotation order.' }),
    restrictions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            days: Type.Array(Weekday, { minItems: 1, maxItems: 7, uniqueItems: true }),
            from: LocalTime,
            to: LocalTime,
          },
          { additionalProperties: false },
        ),
        { maxItems: 20, description: 'Only on call inside these; from > to runs past midnight.' },
      ),
    ),
    timeZone: Type.Optional(Type.String({ maxLength: 64, description: 'For follow-the-sun layers.' })),
    offOnHolidays: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ScheduleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    track: Type.Enum(TRACKS, { description: 'security (the SOC) or operations (on-call); never merged.' }),
    party: PartySchema,
    teamId: Type.Optional(Type.Union([Id, Type.Null()])),
    holidayCalendarId: Type.Optional(Type.Union([Id, Type.Null()])),
    layers: Type.Array(Layer, { minItems: 1, maxItems: 50, description: 'Bottom first: later layers win.' }),
  },
  { additionalProperties: false },
);
export type ScheduleBody = Static<typeof ScheduleBody>;

export const Schedule = Type.Object(
  {
    id: Type.String(),
    ...ScheduleBody.properties,
    teamId: Type.Union([Type.String(), Type.Null()]),
    holidayCalendarId: Type.Union([Type.String(), Type.Null()]),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { additionalProperties: false },
);
export type Schedule = Static<typeof Schedule>;
export const ScheduleList = Type.Object({ items: Type.Array(Schedule) }, { additionalProperties: false });

export const ScheduleParams = Type.Object(
  { ...EngagementParams.properties, scheduleId: Id },
  { additionalProperties: false },
);
export const OverrideParams = Type.Object(
  { ...ScheduleParams.properties, overrideId: Id },
  { additionalProperties: false },
);

export const SpanBody = Type.Object(
  { userId: Id, start: Instant, end: Instant },
  { additionalProperties: false },
);
export type SpanBody = Static<typeof SpanBody>;

const Person = Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false });

export const Override = Type.Object(
  {
    id: Type.String(),
    userId: Type.String(),
    userName: Type.String(),
    start: Instant,
    end: Instant,
    createdAt: Instant,
  },
  { additionalProperties: false },
);
export const OverrideList = Type.Object({ items: Type.Array(Override) }, { additionalProperties: false });

export const RangeQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Default: a week after from.' })),
  },
  { additionalProperties: false, description: 'At most 400 days.' },
);
export const AtQuery = Type.Object(
  { at: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now.' })) },
  { additionalProperties: false },
);

export const OnCall = Type.Object(
  { at: Instant, users: Type.Array(Person) },
  { additionalProperties: false },
);

const ShiftSchema = Type.Object(
  { userId: Type.String(), start: Instant, end: Instant },
  { additionalProperties: false },
);
export const Shifts = Type.Object(
  {
    shifts: Type.Array(ShiftSchema, { description: 'The final schedule: who is on call, without overlaps.' }),
    gaps: Type.Array(Type.Object({ start: Instant, end: Instant }, { additionalProperties: false })),
    layers: Type.Array(
      Type.Object({ name: Type.String(), shifts: Type.Array(ShiftSchema) }, { additionalProperties: false }),
    ),
    users: Type.Array(Person, { description: 'Names of everyone in the shifts.' }),
  },
  { additionalProperties: false },
);

export const TimeOffBody = Type.Object(
  { userId: Id, start: Instant, end: Instant, reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const TimeOff = Type.Object(
  {
    id: Type.String(),
    userId: Type.String(),
    userName: Type.String(),
    start: Instant,
    end: Instant,
    reason: Type.String(),
  },
  { additionalProperties: false },
);
export const TimeOffList = Type.Object({ items: Type.Array(TimeOff) }, { additionalProperties: false });
export const TimeOffParams = Type.Object(
  { ...EngagementParams.properties, timeOffId: Id },
  { additionalProperties: false },
);

export const MyShifts = Type.Object(
  {
    shifts: Type.Array(
      Type.Object(
        {
          scheduleId: Type.String(),
          scheduleName: Type.String(),
          track: Type.Enum(TRACKS),
          start: Instant,
          end: Instant,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
