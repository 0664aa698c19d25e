import { type Static, Type } from 'typebox';

export const OrganizationRef = Type.Object(
  {
    id: Type.String({ description: 'Organization id.' }),
    slug: Type.String({ description: 'Short unique name used in URLs and the CLI.' }),
    name: Type.String({ description: 'Display name.' }),
  },
  { additionalProperties: false },
);

export const Organization = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    kind: Type.Union([Type.Literal('provider'), Type.Literal('client')], {
      description: 'The MSP running this installation, or a client company.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type Organization = Static<typeof Organization>;

export const Slug = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$',
  description: 'Lower-case letters, digits and dashes, 3–40 characters.',
});

export const CreateOrganizationBody = Type.Object(
  {
    slug: Slug,
    name: Type.String({ minLength: 1, maxLength: 120, description: 'Display name.' }),
  },
  { additionalProperties: false },
);
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;

export const OrgRole = Type.Union([Type.Literal('admin'), Type.Literal('member')], {
  description: 'admin manages the organization’s users (and, at the provider, the installation).',
});

export const User = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    organization: OrganizationRef,
    orgRole: OrgRole,
    disabled: Type.Boolean({
      description: 'A disabled user cannot log in and their sessions and tokens stop working.',
    }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type User = Static<typeof User>;

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254, description: 'Login e-mail, unique.' }),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    password: Type.String({ minLength: 10, maxLength: 200, description: 'At least 10 characters.' }),
    organizationId: Type.Optional(Type.String({ description: 'Defaults to the caller’s organization.' })),
    orgRole: Type.Optional(OrgRole),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    orgRole: Type.Optional(OrgRole),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserParams = Type.Object(
  { userId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
export const OrganizationList = Type.Object(
  { items: Type.Array(Organization) },
  { additionalProperties: false },
);
export const UserList = Type.Object({ items: Type.Array(User) }, { additionalProperties: false });
