import { type Static, Type } from 'typebox';
import { PartySchema, RoleSchema } from '../engagements/schema.ts';
import { OrgRole } from '../organizations/schema.ts';

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254, description: 'Login e-mail.' }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const Me = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    orgRole: OrgRole,
    organization: Type.Object(
      {
        id: Type.String(),
        slug: Type.String(),
        name: Type.String(),
        kind: Type.Union([Type.Literal('provider'), Type.Literal('client')]),
      },
      { additionalProperties: false },
    ),
    memberships: Type.Array(
      Type.Object(
        {
          engagementId: Type.String(),
          engagementSlug: Type.String(),
          engagementName: Type.String(),
          role: RoleSchema,
          party: PartySchema,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Me = Static<typeof Me>;

export const LoginResult = Type.Object({ user: Me }, { additionalProperties: false });

export const ApiToken = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    role: Type.Union([RoleSchema, Type.Null()], {
      description: 'The most the token may do; null: the owner’s role.',
    }),
    engagementIds: Type.Union([Type.Array(Type.String()), Type.Null()], {
      description: 'Engagements it reaches; null: all of the owner’s.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ApiToken = Static<typeof ApiToken>;

export const CreatedApiToken = Type.Object(
  { ...ApiToken.properties, token: Type.String({ description: 'The secret. Shown once, never again.' }) },
  { additionalProperties: false },
);

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 80,
      description: 'What the token is for, e.g. "RMM sync".',
    }),
    role: Type.Optional(RoleSchema),
    engagementIds: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 500, uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
);
export type CreateTokenBody = Static<typeof CreateTokenBody>;

export const TokenList = Type.Object({ items: Type.Array(ApiToken) }, { additionalProperties: false });
export const TokenParams = Type.Object(
  { tokenId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
