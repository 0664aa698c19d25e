import { type Static, Type } from 'typebox';
import { EngagementParams, PartySchema } from '../engagements/schema.ts';

const Instant = Type.String({ format: 'date-time' });

export const DrillPage = Type.Object(
  {
    id: Type.String(),
    userId: Type.String(),
    userName: Type.String(),
    party: Type.Union([PartySchema, Type.Null()]),
    pagedAt: Instant,
    acknowledgedAt: Type.Union([Instant, Type.Null()]),
  },
  { additionalProperties: false },
);

export const Drill = Type.Object(
  {
    id: Type.String(),
    policyId: Type.Union([Type.String(), Type.Null()]),
    policyName: Type.String(),
    state: Type.Enum(['running', 'completed']),
    startedBy: Type.Union([
      Type.Object({ userId: Type.String(), name: Type.String() }, { additionalProperties: false }),
      Type.Null(),
    ]),
    startedAt: Instant,
    endedAt: Type.Union([Instant, Type.Null()]),
    level: Type.Integer({ description: 'The level paged last, 1-based.' }),
    nextAt: Type.Union([Instant, Type.Null()], {
      description: 'When the next level is paged if nobody acknowledges.',
    }),
    levels: Type.Array(
      Type.Object(
        {
          level: Type.Integer(),
          pages: Type.Array(DrillPage),
          missed: Type.Boolean({
            description: 'The drill moved on from this level with no acknowledgement.',
          }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Drill = Static<typeof Drill>;
export const DrillList = Type.Object({ items: Type.Array(Drill) }, { additionalProperties: false });

export const DrillParams = Type.Object(
  { ...EngagementParams.properties, drillId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
