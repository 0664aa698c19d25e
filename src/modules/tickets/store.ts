import { sql } from 'kysely';
import type { TicketStatus } from '../../domain/tickets/status.ts';
import type { Visibility } from '../../domain/tickets/visibility.ts';
import type { Party } from '../../platform/access/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { after, type KeysetColumn } from '../../platform/db/keyset.ts';
import type {
  TicketActivityTable,
  TicketCommentsTable,
  TicketKind,
  TicketPriority,
  TicketsTable,
} from './tables.ts';

export type TicketSort = 'updated_desc' | 'created_desc' | 'priority';

export const SORTS: Readonly<Record<TicketSort, readonly KeysetColumn[]>> = {
  updated_desc: [
    { ref: 'tickets.updated_at', direction: 'desc' },
    { ref: 'tickets.id', direction: 'desc' },
  ],
  created_desc: [
    { ref: 'tickets.created_at', direction: 'desc' },
    { ref: 'tickets.id', direction: 'desc' },
  ],
  priority: [
    { ref: 'tickets.priority', direction: 'asc' },
    { ref: 'tickets.updated_at', direction: 'desc' },
    { ref: 'tickets.id', direction: 'desc' },
  ],
};

/** What a list asks for. The engagement scope comes from the caller's authorized memberships. */
export interface TicketFilter {
  /** Engagements where the caller sees every ticket. */
  readonly engagementIds: readonly string[];
  /** Engagements where the caller is a requester and sees only their own tickets. */
  readonly ownOnlyIn: readonly string[];
  readonly userId: string;
  readonly statuses?: readonly TicketStatus[];
  readonly kinds?: readonly TicketKind[];
  readonly priorities?: readonly TicketPriority[];
  readonly ownerParty?: Party;
  readonly teamId?: string;
  /** A user id, or null for unassigned. */
  readonly assigneeId?: string | null;
  readonly requesterId?: string;
  readonly tags?: readonly string[];
  readonly functionKey?: string;
  readonly createdFrom?: string;
  readonly createdTo?: string;
  readonly updatedFrom?: string;
  readonly updatedTo?: string;
  /** Tickets where it is this party's move. */
  readonly moveOf?: Party;
  /** Only these tickets (from a full-text search). */
  readonly ticketIds?: readonly string[];
  readonly sort: TicketSort;
  readonly after?: readonly (string | number)[];
  readonly limit: number;
}

const WORKING: TicketStatus[] = ['new', 'triaged', 'in_progress'];

export function listTickets(db: Db, f: TicketFilter) {
  let query = db
    .selectFrom('tickets')
    .innerJoin('engagements', 'engagements.id', 'tickets.engagement_id')
    .selectAll('tickets')
    .select('engagements.ticket_prefix')
    .where((eb) =>
      eb.or([
        ...(f.engagementIds.length ? [eb('tickets.engagement_id', 'in', f.engagementIds)] : []),
        ...(f.ownOnlyIn.length
          ? [
              eb.and([
                eb('tickets.engagement_id', 'in', f.ownOnlyIn),
                eb('tickets.requester_id', '=', f.userId),
              ]),
            ]
          : []),
        ...(f.engagementIds.length + f.ownOnlyIn.length === 0 ? [sql<boolean>`1 = 0`] : []),
      ]),
    );
  if (f.statuses?.length) query = query.where('tickets.status', 'in', f.statuses);
  if (f.kinds?.length) query = query.where('tickets.kind', 'in', f.kinds);
  if (f.priorities?.length) query = query.where('tickets.priority', 'in', f.priorities);
  if (f.ownerParty) query = query.where('tickets.owner_party', '=', f.ownerParty);
  if (f.teamId) query = query.where('tickets.team_id', '=', f.teamId);
  if (f.assigneeId !== undefined) {
    query =
      f.assigneeId === null
        ? query.where('tickets.assignee_id', 'is', null)
        : query.where('tickets.assignee_id', '=', f.assigneeId);
  }
  if (f.requesterId) query = query.where('tickets.requester_id', '=', f.requesterId);
  if (f.functionKey) query = query.where('tickets.function_key', '=', f.functionKey);
  if (f.createdFrom) query = query.where('tickets.created_at', '>=', f.createdFrom);
  if (f.createdTo) query = query.where('tickets.created_at', '<', f.createdTo);
  if (f.updatedFrom) query = query.where('tickets.updated_at', '>=', f.updatedFrom);
  if (f.updatedTo) query = query.where('tickets.updated_at', '<', f.updatedTo);
  if (f.ticketIds) query = query.where('tickets.id', 'in', f.ticketIds.length ? f.ticketIds : ['']);
  for (const tag of f.tags ?? []) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ticket_tags')
          .select('ticket_tags.tag')
          .whereRef('ticket_tags.engagement_id', '=', 'tickets.engagement_id')
          .whereRef('ticket_tags.ticket_id', '=', 'tickets.id')
          .where('ticket_tags.tag', '=', tag),
      ),
    );
  }
  if (f.moveOf) {
    const party = f.moveOf;
    query = query.where((eb) =>
      eb.or([
        eb('tickets.status', '=', `waiting_on_${party}` as TicketStatus),
        eb.and([eb('tickets.status', 'in', WORKING), eb('tickets.owner_party', '=', party)]),
      ]),
    );
  }
  const order = SORTS[f.sort];
  if (f.after) {
    const position = f.after;
    query = query.where((eb) => after(eb, order, position));
  }
  for (const column of order) query = query.orderBy(sql.ref(column.ref), column.direction);
  return query.limit(f.limit + 1).execute();
}

export type TicketListRow = Awaited<ReturnType<typeof listTickets>>[number];

export function findTicket(db: Db, engagementId: string, ticketId: string) {
  return db
    .selectFrom('tickets')
    .innerJoin('engagements', 'engagements.id', 'tickets.engagement_id')
    .selectAll('tickets')
    .select('engagements.ticket_prefix')
    .where('tickets.engagement_id', '=', engagementId)
    .where('tickets.id', '=', ticketId)
    .executeTakeFirst();
}

/** The next human number of the engagement; a counter row, so numbers never repeat. */
export async function nextNumber(db: Db, engagementId: string): Promise<number> {
  const row = await db
    .insertInto('ticket_counters')
    .values({ engagement_id: engagementId, last_number: 1 })
    .onConflict((oc) =>
      oc.column('engagement_id').doUpdateSet({ last_number: sql`ticket_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

export async function insertTicket(db: Db, row: TicketsTable): Promise<void> {
  await db.insertInto('tickets').values(row).execute();
}

export async function updateTicket(
  db: Db,
  engagementId: string,
  ticketId: string,
  changes: Partial<TicketsTable>,
) {
  await db
    .updateTable('tickets')
    .set(changes)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', ticketId)
    .execute();
}

/** Tags and watchers of these tickets, for presenting a page of them. */
export async function extrasOf(db: Db, ticketIds: readonly string[]) {
  const [tags, watchers] = await Promise.all([tagsOf(db, ticketIds), watchersOf(db, ticketIds)]);
  return (id: string) => ({ tags: tags.get(id) ?? [], watcherIds: watchers.get(id) ?? [] });
}

export async function watchersOf(db: Db, ticketIds: readonly string[]): Promise<Map<string, string[]>> {
  const watchers = new Map<string, string[]>();
  if (ticketIds.length === 0) return watchers;
  const rows = await db
    .selectFrom('ticket_watchers')
    .select(['ticket_id', 'user_id'])
    .where('ticket_id', 'in', ticketIds)
    .orderBy('user_id')
    .execute();
  for (const row of rows) watchers.set(row.ticket_id, [...(watchers.get(row.ticket_id) ?? []), row.user_id]);
  return watchers;
}

export async function addWatcher(
  db: Db,
  engagementId: string,
  ticketId: string,
  userId: string,
): Promise<void> {
  await db
    .insertInto('ticket_watchers')
    .values({ engagement_id: engagementId, ticket_id: ticketId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeWatcher(
  db: Db,
  engagementId: string,
  ticketId: string,
  userId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('ticket_watchers')
    .where('engagement_id', '=', engagementId)
    .where('ticket_id', '=', ticketId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function tagsOf(db: Db, ticketIds: readonly string[]): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  if (ticketIds.length === 0) return tags;
  const rows = await db
    .selectFrom('ticket_tags')
    .select(['ticket_id', 'tag'])
    .where('ticket_id', 'in', ticketIds)
    .orderBy('tag')
    .execute();
  for (const row of rows) tags.set(row.ticket_id, [...(tags.get(row.ticket_id) ?? []), row.tag]);
  return tags;
}

export async function replaceTags(
  db: Db,
  engagementId: string,
  ticketId: string,
  tags: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('ticket_tags')
    .where('engagement_id', '=', engagementId)
    .where('ticket_id', '=', ticketId)
    .execute();
  if (tags.length === 0) return;
  await db
    .insertInto('ticket_tags')
    .values(tags.map((tag) => ({ engagement_id: engagementId, ticket_id: ticketId, tag })))
    .execute();
}

export function membership(db: Db, engagementId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['party', 'role'])
    .where('engagement_id', '=', engagementId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function teamOf(db: Db, engagementId: string, teamId: string) {
  return db
    .selectFrom('teams')
    .select(['id', 'party'])
    .where('engagement_id', '=', engagementId)
    .where('id', '=', teamId)
    .executeTakeFirst();
}

export async function insertComment(db: Db, row: TicketCommentsTable): Promise<void> {
  await db.insertInto('ticket_comments').values(row).execute();
}

export function listComments(db: Db, engagementId: string, ticketId: string, visible: readonly Visibility[]) {
  return db
    .selectFrom('ticket_comments')
    .innerJoin('users', 'users.id', 'ticket_comments.author_id')
    .selectAll('ticket_comments')
    .select('users.name as author_name')
    .where('ticket_comments.engagement_id', '=', engagementId)
    .where('ticket_comments.ticket_id', '=', ticketId)
    .where('ticket_comments.visibility', 'in', visible)
    .orderBy('ticket_comments.created_at')
    .orderBy('ticket_comments.id')
    .execute();
}

export async function insertActivity(db: Db, row: TicketActivityTable): Promise<void> {
  await db.insertInto('ticket_activity').values(row).execute();
}

export function listActivity(db: Db, engagementId: string, ticketId: string, visible: readonly Visibility[]) {
  return db
    .selectFrom('ticket_activity')
    .leftJoin('users', 'users.id', 'ticket_activity.actor_id')
    .selectAll('ticket_activity')
    .select('users.name as actor_name')
    .where('ticket_activity.engagement_id', '=', engagementId)
    .where('ticket_activity.ticket_id', '=', ticketId)
    .where('ticket_activity.visibility', 'in', visible)
    .orderBy('ticket_activity.at')
    .orderBy('ticket_activity.id')
    .execute();
}

export async function detachTeam(db: Db, engagementId: string, teamId: string): Promise<void> {
  await db
    .updateTable('tickets')
    .set({ team_id: null })
    .where('engagement_id', '=', engagementId)
    .where('team_id', '=', teamId)
    .execute();
}

export async function detachMember(db: Db, engagementId: string, userId: string): Promise<void> {
  for (const column of ['assignee_id', 'requester_id'] as const) {
    await db
      .updateTable('tickets')
      .set({ [column]: null })
      .where('engagement_id', '=', engagementId)
      .where(column, '=', userId)
      .execute();
  }
}

export async function prefixOf(db: Db, engagementId: string): Promise<string> {
  const row = await db
    .selectFrom('engagements')
    .select('ticket_prefix')
    .where('id', '=', engagementId)
    .executeTakeFirstOrThrow();
  return row.ticket_prefix;
}
