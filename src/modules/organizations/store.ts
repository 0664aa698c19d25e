import type { Db } from '../../platform/db/database.ts';
import type { OrganizationRow, OrganizationsTable, UserRow, UsersTable } from './tables.ts';

export type UserWithOrg = UserRow & { org_slug: string; org_name: string };

export function listOrganizations(db: Db, onlyId?: string): Promise<OrganizationRow[]> {
  let query = db.selectFrom('organizations').selectAll().orderBy('name');
  if (onlyId) query = query.where('id', '=', onlyId);
  return query.execute();
}

export function findOrganization(
  db: Db,
  by: { id: string } | { slug: string },
): Promise<OrganizationRow | undefined> {
  const query = db.selectFrom('organizations').selectAll();
  return ('id' in by ? query.where('id', '=', by.id) : query.where('slug', '=', by.slug)).executeTakeFirst();
}

export async function insertOrganization(db: Db, row: OrganizationsTable): Promise<void> {
  await db.insertInto('organizations').values(row).execute();
}

function usersWithOrg(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .selectAll('users')
    .select(['organizations.slug as org_slug', 'organizations.name as org_name']);
}

/** Users of one organization, or of all when organizationId is null (provider admins). */
export function listUsers(db: Db, organizationId: string | null): Promise<UserWithOrg[]> {
  let query = usersWithOrg(db).orderBy('users.name');
  if (organizationId) query = query.where('users.organization_id', '=', organizationId);
  return query.execute();
}

export function findUser(db: Db, by: { id: string } | { email: string }): Promise<UserWithOrg | undefined> {
  const query = usersWithOrg(db);
  return (
    'id' in by ? query.where('users.id', '=', by.id) : query.where('users.email', '=', by.email)
  ).executeTakeFirst();
}

export async function insertUser(db: Db, row: UsersTable): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<Pick<UsersTable, 'name' | 'org_role' | 'disabled_at' | 'password_hash' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}
