import { Type } from 'typebox';
import { TRACKS } from '../../domain/oncall/schedule.ts';
import { PartySchema } from '../engagements/schema.ts';

export const ResolveBody = Type.Object(
  {
    functionKey: Type.String({
      minLength: 1,
      maxLength: 60,
      description: 'A matrix row, e.g. security-monitoring.',
    }),
    scenario: Type.String({ minLength: 1, maxLength: 60, description: 'A matrix column, e.g. incident.' }),
    track: Type.Optional(Type.Enum(TRACKS, { description: 'Default operations.' })),
    at: Type.Optional(Type.String({ format: 'date-time', description: 'Default now.' })),
    priority: Type.Optional(Type.Enum(['P1', 'P2', 'P3', 'P4'])),
  },
  { additionalProperties: false },
);

export const ResolvedRoute = Type.Object(
  {
    at: Type.String({ format: 'date-time' }),
    matrixVersion: Type.Integer({ description: 'The signed version that decided it.' }),
    party: PartySchema,
    teamId: Type.Union([Type.String(), Type.Null()]),
    scheduleId: Type.Union([Type.String(), Type.Null()]),
    users: Type.Array(
      Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false }),
      {
        description: 'Who is paged now; empty when nobody is on call on this track.',
      },
    ),
    escalationPolicy: Type.Union([Type.String(), Type.Null()]),
    runbookUrl: Type.Union([Type.String(), Type.Null()]),
    reasons: Type.Array(Type.String(), {
      description: 'Why, in order: cell, time rule, track, schedule, person.',
    }),
  },
  { additionalProperties: false },
);

const Instant = Type.String({ format: 'date-time' });
const Person = Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false });

export const CoverageQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Default now.' })),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: 'Default a week after from; at most 370 days.' }),
    ),
    scenario: Type.Optional(Type.String({ maxLength: 60, description: 'Matrix column; default incident.' })),
    singlePointHours: Type.Optional(Type.Number({ minimum: 1, maximum: 8760, description: 'Default 24.' })),
  },
  { additionalProperties: false },
);

export const CoverageMap = Type.Object(
  {
    from: Instant,
    to: Instant,
    scenario: Type.String(),
    matrixVersion: Type.Integer(),
    score: Type.Number({
      description: 'Share of function × track time with someone on call (the 24/7 standard).',
    }),
    lines: Type.Array(
      Type.Object(
        {
          functionKey: Type.String(),
          functionName: Type.String(),
          track: Type.Enum(TRACKS),
          spans: Type.Array(
            Type.Object(
              {
                start: Instant,
                end: Instant,
                party: PartySchema,
                teamId: Type.Union([Type.String(), Type.Null()]),
                scheduleId: Type.Union([Type.String(), Type.Null()]),
                users: Type.Array(Person),
              },
              { additionalProperties: false },
            ),
          ),
          gaps: Type.Array(
            Type.Object(
              { start: Instant, end: Instant, party: Type.Union([PartySchema, Type.Null()]) },
              {
                additionalProperties: false,
                description: 'Nobody on call; party owns it on paper (null: nobody).',
              },
            ),
          ),
          coveredMinutes: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ),
    singlePoints: Type.Array(
      Type.Object(
        {
          functionKey: Type.String(),
          track: Type.Enum(TRACKS),
          userId: Type.String(),
          userName: Type.String(),
          start: Instant,
          end: Instant,
        },
        { additionalProperties: false },
      ),
    ),
    overlaps: Type.Array(
      Type.Object(
        { functionKey: Type.String(), start: Instant, end: Instant, parties: Type.Array(PartySchema) },
        { additionalProperties: false },
      ),
    ),
    pageGaps: Type.Array(
      Type.Object(
        {
          at: Instant,
          ticketId: Type.Union([Type.String(), Type.Null()], { description: 'The incident paged.' }),
          track: Type.Union([Type.Enum(TRACKS), Type.Null()]),
          level: Type.Integer({ description: 'The escalation level whose target reached nobody.' }),
          target: Type.Object(
            { type: Type.Enum(['user', 'schedule', 'team']), id: Type.String(), name: Type.String() },
            { additionalProperties: false },
          ),
          reason: Type.String(),
        },
        { additionalProperties: false },
      ),
      { description: 'Targets real pages found empty in the range (the page fell through to the next).' },
    ),
  },
  { additionalProperties: false },
);

export const GapsQuery = Type.Object(
  { version: Type.Optional(Type.Enum(['draft', 'effective'], { description: 'Default draft.' })) },
  { additionalProperties: false },
);
export const MatrixGapList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          path: Type.String(),
          message: Type.String(),
          functionKey: Type.Optional(Type.String()),
          scenarioKey: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
