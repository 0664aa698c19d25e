import type { EngagementStanding } from '../../platform/access/actor.ts';
import type { Engagement } from './schema.ts';
import type { EngagementWithOrgs } from './store.ts';

export function toEngagement(row: EngagementWithOrgs, standing: EngagementStanding): Engagement {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    ticketPrefix: row.ticket_prefix,
    clientOrganization: { id: row.client_organization_id, slug: row.client_slug, name: row.client_name },
    providerOrganization: {
      id: row.provider_organization_id,
      slug: row.provider_slug,
      name: row.provider_name,
    },
    role: standing.role,
    party: standing.party,
    createdAt: row.created_at,
  };
}
