import type { Selectable } from 'kysely';
import type { OrganizationKind, OrgRole } from '../../platform/access/roles.ts';

export type { OrganizationKind, OrgRole };

export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  created_at: string;
}

export interface UsersTable {
  id: string;
  organization_id: string;
  /** Stored lower-cased; unique across the installation. */
  email: string;
  name: string;
  /** argon2id PHC string; null for a user who cannot log in with a password. */
  password_hash: string | null;
  org_role: OrgRole;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type UserRow = Selectable<UsersTable>;
