import { type Static, Type } from 'typebox';
import { EngagementParams, PartySchema, RoleSchema } from '../engagements/schema.ts';

export const Member = Type.Object(
  {
    userId: Type.String(),
    name: Type.String(),
    email: Type.String(),
    role: RoleSchema,
    party: PartySchema,
    disabled: Type.Boolean({ description: 'The user account is disabled installation-wide.' }),
    teams: Type.Array(
      Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);
export type Member = Static<typeof Member>;

export const MemberList = Type.Object({ items: Type.Array(Member) }, { additionalProperties: false });

export const MemberParams = Type.Object(
  { ...EngagementParams.properties, userId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);

export const AddMemberBody = Type.Object(
  {
    email: Type.String({
      format: 'email',
      maxLength: 254,
      description: 'An existing user of the provider or of this client.',
    }),
    role: RoleSchema,
  },
  { additionalProperties: false },
);
export type AddMemberBody = Static<typeof AddMemberBody>;

export const UpdateMemberBody = Type.Object({ role: RoleSchema }, { additionalProperties: false });
