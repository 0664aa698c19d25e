import type { Organization, User } from './schema.ts';
import type { UserWithOrg } from './store.ts';
import type { OrganizationRow } from './tables.ts';

export function toOrganization(row: OrganizationRow): Organization {
  return { id: row.id, slug: row.slug, name: row.name, kind: row.kind, createdAt: row.created_at };
}

/** Never includes the password hash: the response schema would drop it, and so does this. */
export function toUser(row: UserWithOrg): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organization: { id: row.organization_id, slug: row.org_slug, name: row.org_name },
    orgRole: row.org_role,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}
