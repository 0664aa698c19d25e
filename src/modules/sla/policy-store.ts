import { sql } from 'kysely';
import { type Db, dialectOf } from '../../platform/db/database.ts';
import type { SlaPoliciesTable, SlaPolicyRow } from './tables.ts';

export function listPolicies(db: Db, engagementId: string): Promise<SlaPolicyRow[]> {
  return db
    .selectFrom('sla_policies')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findPolicy(
  db: Db,
  engagementId: string,
  policyId: string,
): Promise<SlaPolicyRow | undefined> {
  return db
    .selectFrom('sla_policies')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', policyId)
    .executeTakeFirst();
}

/**
 * Holds the engagement's policies still until the transaction ends. Which kinds a policy covers
 * is JSON, so no constraint can keep two policies from claiming one kind: writers take turns
 * instead. PostgreSQL queues them on a transaction-scoped lock; SQLite transactions begin
 * IMMEDIATE, which already serializes writers.
 */
export async function lockPolicies(db: Db, engagementId: string): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${`sla_policies:${engagementId}`}))`.execute(db);
  }
}

export async function insertPolicy(db: Db, row: SlaPoliciesTable): Promise<void> {
  await db.insertInto('sla_policies').values(row).execute();
}

export async function updatePolicy(
  db: Db,
  engagementId: string,
  policyId: string,
  changes: Pick<SlaPoliciesTable, 'name' | 'ticket_kinds' | 'warn_percent' | 'targets' | 'updated_at'>,
): Promise<void> {
  await db
    .updateTable('sla_policies')
    .set(changes)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', policyId)
    .execute();
}
