import type { Track } from '../../domain/oncall/schedule.ts';
import type { Party } from '../../platform/access/roles.ts';
import { type Db, dialectOf } from '../../platform/db/database.ts';
import type {
  EscalationGapsTable,
  EscalationPoliciesTable,
  EscalationsTable,
  IncidentsTable,
  PagesTable,
} from './tables.ts';

// ── escalation policies ────────────────────────────────────────────────────────────────────

export function listPolicies(db: Db, engagementId: string) {
  return db
    .selectFrom('escalation_policies')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('name')
    .execute();
}

export function findPolicy(db: Db, engagementId: string, id: string) {
  return db
    .selectFrom('escalation_policies')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findPolicyByName(db: Db, engagementId: string, name: string) {
  return db
    .selectFrom('escalation_policies')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertPolicy(db: Db, row: EscalationPoliciesTable) {
  await db.insertInto('escalation_policies').values(row).execute();
}

export async function updatePolicy(
  db: Db,
  engagementId: string,
  id: string,
  row: Partial<EscalationPoliciesTable>,
) {
  await db
    .updateTable('escalation_policies')
    .set(row)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .execute();
}

export async function deletePolicy(db: Db, engagementId: string, id: string) {
  await db
    .deleteFrom('escalation_policies')
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .execute();
}

// ── incidents ──────────────────────────────────────────────────────────────────────────────

export async function insertIncident(db: Db, row: IncidentsTable) {
  await db.insertInto('incidents').values(row).execute();
}

export function findIncident(db: Db, engagementId: string, ticketId: string) {
  return db
    .selectFrom('incidents')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
}

export async function updateIncident(
  db: Db,
  engagementId: string,
  ticketId: string,
  row: Partial<IncidentsTable>,
) {
  await db
    .updateTable('incidents')
    .set(row)
    .where('engagement_id', '=', engagementId)
    .where('ticket_id', '=', ticketId)
    .execute();
}

// ── escalations ────────────────────────────────────────────────────────────────────────────

export async function insertEscalation(db: Db, row: EscalationsTable) {
  await db.insertInto('escalations').values(row).execute();
}

export function findEscalation(db: Db, engagementId: string, id: string) {
  return db
    .selectFrom('escalations')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The escalation, locked until the transaction ends: two workers (or a worker and a person
 * acknowledging) act on it one after the other. SQLite transactions already serialize writers.
 */
export function lockEscalation(db: Db, engagementId: string, id: string) {
  const query = db
    .selectFrom('escalations')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id);
  return (dialectOf(db) === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

export function escalationOfTicket(db: Db, engagementId: string, ticketId: string) {
  return db
    .selectFrom('escalations')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
}

export async function updateEscalation(
  db: Db,
  engagementId: string,
  id: string,
  row: Partial<EscalationsTable>,
) {
  await db
    .updateTable('escalations')
    .set(row)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .execute();
}

/** Incident escalations of these tickets, with their incident's alert-facing facts. */
export function escalationsOfTickets(db: Db, engagementIds: readonly string[], ticketIds: readonly string[]) {
  if (engagementIds.length === 0 || ticketIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('escalations')
    .select(['ticket_id', 'policy_id', 'level', 'next_at', 'state'])
    .where('engagement_id', 'in', engagementIds)
    .where('ticket_id', 'in', ticketIds)
    .execute();
}

export function listDrills(db: Db, engagementId: string) {
  return db
    .selectFrom('escalations')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('drill', '=', 1)
    .orderBy('started_at', 'desc')
    .limit(100)
    .execute();
}

/** Running escalations whose next step should have fired before `before` (all engagements). */
export function overdueEscalations(db: Db, before: string) {
  return db
    .selectFrom('escalations')
    .select(['engagement_id', 'id', 'ticket_id', 'level', 'round', 'next_at', 'drill'])
    .where('state', '=', 'running')
    .where('next_at', '<', before)
    .limit(100)
    .execute();
}

// ── pages and gaps ─────────────────────────────────────────────────────────────────────────

export async function insertPage(db: Db, row: PagesTable) {
  await db.insertInto('pages').values(row).execute();
}

export function pagesOf(db: Db, engagementId: string, escalationId: string) {
  return db
    .selectFrom('pages')
    .innerJoin('users', 'users.id', 'pages.user_id')
    .selectAll('pages')
    .select('users.name as user_name')
    .where('pages.engagement_id', '=', engagementId)
    .where('pages.escalation_id', '=', escalationId)
    .orderBy('pages.paged_at')
    .orderBy('pages.id')
    .execute();
}

export function findPage(db: Db, engagementId: string, id: string) {
  return db
    .selectFrom('pages')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks the pages acknowledged (of one user, or all) and returns how many changed. */
export async function acknowledgePages(
  db: Db,
  engagementId: string,
  escalationId: string,
  at: string,
  filter: { userId?: string; level?: number; round?: number } = {},
) {
  let query = db
    .updateTable('pages')
    .set({ acknowledged_at: at })
    .where('engagement_id', '=', engagementId)
    .where('escalation_id', '=', escalationId)
    .where('acknowledged_at', 'is', null);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  if (filter.level !== undefined) query = query.where('level', '=', filter.level);
  if (filter.round !== undefined) query = query.where('round', '=', filter.round);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertGap(db: Db, row: EscalationGapsTable) {
  await db.insertInto('escalation_gaps').values(row).execute();
}

export function gapsOf(db: Db, engagementId: string, escalationId: string) {
  return db
    .selectFrom('escalation_gaps')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('escalation_id', '=', escalationId)
    .orderBy('at')
    .execute();
}

/** Gaps real pages ran into (drills excluded) over [from, to). */
export function gapsBetween(db: Db, engagementId: string, from: string, to: string) {
  return db
    .selectFrom('escalation_gaps')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('drill', '=', 0)
    .where('at', '>=', from)
    .where('at', '<', to)
    .orderBy('at')
    .execute();
}

// ── people ─────────────────────────────────────────────────────────────────────────────────

/** Staff of the engagement (not requesters or viewers) who can still log in. */
export function activeStaff(db: Db, engagementId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id', 'memberships.party', 'memberships.role', 'users.name'])
    .where('memberships.engagement_id', '=', engagementId)
    .where('memberships.role', 'not in', ['requester', 'viewer'])
    .where('users.disabled_at', 'is', null)
    .execute();
}

export function teamsOf(db: Db, engagementId: string) {
  return db
    .selectFrom('teams')
    .select(['id', 'name', 'party'])
    .where('engagement_id', '=', engagementId)
    .execute();
}

export function teamMembersOf(db: Db, engagementId: string) {
  return db
    .selectFrom('team_members')
    .select(['team_id', 'user_id'])
    .where('engagement_id', '=', engagementId)
    .execute();
}

export function schedulesOf(db: Db, engagementId: string) {
  return db
    .selectFrom('schedules')
    .select(['id', 'name', 'party', 'track', 'team_id'])
    .where('engagement_id', '=', engagementId)
    .orderBy('name')
    .execute() as Promise<{ id: string; name: string; party: Party; track: Track; team_id: string | null }[]>;
}

export function userNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
}

export async function engagementSlug(db: Db, engagementId: string) {
  const row = await db
    .selectFrom('engagements')
    .select('slug')
    .where('id', '=', engagementId)
    .executeTakeFirst();
  return row?.slug ?? engagementId;
}

/** Whether any escalation of any engagement is still running (the watchdog keeps watching). */
export async function anyRunning(db: Db) {
  const row = await db
    .selectFrom('escalations')
    .select('id')
    .where('state', '=', 'running')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
