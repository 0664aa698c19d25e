import { type Static, Type } from 'typebox';
import { OrganizationRef, Slug } from '../organizations/schema.ts';

export const PartySchema = Type.Union([Type.Literal('internal'), Type.Literal('provider')], {
  description: 'The side of the engagement: the client’s internal IT team, or the managed service provider.',
});
export const RoleSchema = Type.Union(
  [
    Type.Literal('admin'),
    Type.Literal('manager'),
    Type.Literal('agent'),
    Type.Literal('analyst'),
    Type.Literal('viewer'),
    Type.Literal('requester'),
  ],
  {
    description:
      'admin, manager (approves, owns governance), agent (works tickets), analyst (security track), viewer (read-only), requester (own tickets only).',
  },
);

export const EngagementParams = Type.Object(
  { engagementId: Type.String({ maxLength: 64, description: 'Engagement id.' }) },
  { additionalProperties: false },
);

export const Engagement = Type.Object(
  {
    id: Type.String(),
    slug: Type.String({ description: 'Short unique name, used in the web app’s URLs and the CLI.' }),
    name: Type.String(),
    ticketPrefix: Type.String({ description: 'Prefix of human ticket numbers, e.g. LOGI in LOGI-42.' }),
    clientOrganization: OrganizationRef,
    providerOrganization: OrganizationRef,
    role: RoleSchema,
    party: PartySchema,
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type Engagement = Static<typeof Engagement>;

export const EngagementDetail = Type.Object(
  {
    ...Engagement.properties,
    parties: Type.Array(
      Type.Object({ kind: PartySchema, organization: OrganizationRef }, { additionalProperties: false }),
    ),
    memberCount: Type.Integer(),
    teamCount: Type.Integer(),
    allowedActions: Type.Array(Type.String(), {
      description: 'What the caller may do here, for showing only working controls.',
    }),
  },
  { additionalProperties: false },
);
export type EngagementDetail = Static<typeof EngagementDetail>;

export const EngagementList = Type.Object({ items: Type.Array(Engagement) }, { additionalProperties: false });

export const CreateEngagementBody = Type.Object(
  {
    slug: Slug,
    name: Type.String({ minLength: 1, maxLength: 120 }),
    ticketPrefix: Type.String({
      pattern: '^[A-Z][A-Z0-9]{1,7}$',
      description: '2–8 capitals or digits, starting with a letter.',
    }),
    clientOrganizationId: Type.String({ description: 'The client organization (kind client).' }),
  },
  { additionalProperties: false },
);
export type CreateEngagementBody = Static<typeof CreateEngagementBody>;
