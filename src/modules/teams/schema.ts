import { type Static, Type } from 'typebox';
import { EngagementParams, PartySchema } from '../engagements/schema.ts';

export const Team = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    party: PartySchema,
    description: Type.String(),
    members: Type.Array(
      Type.Object({ userId: Type.String(), name: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type Team = Static<typeof Team>;

export const TeamList = Type.Object({ items: Type.Array(Team) }, { additionalProperties: false });
export const TeamParams = Type.Object(
  { ...EngagementParams.properties, teamId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
export const TeamMemberParams = Type.Object(
  { ...TeamParams.properties, userId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);

export const CreateTeamBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 80,
      description: 'Unique in the engagement, e.g. "Provider SOC".',
    }),
    party: PartySchema,
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CreateTeamBody = Static<typeof CreateTeamBody>;

export const UpdateTeamBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type UpdateTeamBody = Static<typeof UpdateTeamBody>;
