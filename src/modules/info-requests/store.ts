import type { Party } from '../../platform/access/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { after } from '../../platform/db/keyset.ts';
import type { InfoRequestsTable } from './tables.ts';

export const ORDER = [
  { ref: 'info_requests.created_at', direction: 'desc' },
  { ref: 'info_requests.id', direction: 'desc' },
] as const;

function withNames(db: Db) {
  return db
    .selectFrom('info_requests')
    .innerJoin('tickets', (j) =>
      j
        .onRef('tickets.engagement_id', '=', 'info_requests.engagement_id')
        .onRef('tickets.id', '=', 'info_requests.ticket_id'),
    )
    .innerJoin('engagements', 'engagements.id', 'info_requests.engagement_id')
    .innerJoin('users as asker', 'asker.id', 'info_requests.asked_by')
    .leftJoin('users as answerer', 'answerer.id', 'info_requests.answered_by')
    .selectAll('info_requests')
    .select([
      'tickets.number as ticket_number',
      'engagements.ticket_prefix',
      'tickets.title as ticket_title',
      'asker.name as asker_name',
      'answerer.name as answerer_name',
    ]);
}

export type InfoRequestView = Awaited<ReturnType<typeof findRequest>> & object;

export function findRequest(db: Db, engagementId: string, id: string) {
  return withNames(db)
    .where('info_requests.engagement_id', '=', engagementId)
    .where('info_requests.id', '=', id)
    .executeTakeFirst();
}

export function listRequests(
  db: Db,
  engagementId: string,
  f: {
    state?: string;
    toParty?: Party;
    ticketId?: string;
    after?: readonly (string | number)[];
    limit: number;
  },
) {
  let query = withNames(db).where('info_requests.engagement_id', '=', engagementId);
  if (f.state) query = query.where('info_requests.state', '=', f.state as InfoRequestsTable['state']);
  if (f.toParty) query = query.where('info_requests.to_party', '=', f.toParty);
  if (f.ticketId) query = query.where('info_requests.ticket_id', '=', f.ticketId);
  if (f.after) query = query.where((eb) => after(eb, ORDER, f.after!));
  return query
    .orderBy('info_requests.created_at', 'desc')
    .orderBy('info_requests.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function insertRequest(db: Db, row: InfoRequestsTable): Promise<void> {
  await db.insertInto('info_requests').values(row).execute();
}

export async function settleRequest(
  db: Db,
  engagementId: string,
  id: string,
  changes: Pick<InfoRequestsTable, 'state' | 'answer' | 'answered_by' | 'answered_at'>,
): Promise<void> {
  await db
    .updateTable('info_requests')
    .set(changes)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .execute();
}

/** Questions to this party still open on the ticket. */
export async function openCount(
  db: Db,
  engagementId: string,
  ticketId: string,
  toParty: Party,
): Promise<number> {
  const row = await db
    .selectFrom('info_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('engagement_id', '=', engagementId)
    .where('ticket_id', '=', ticketId)
    .where('to_party', '=', toParty)
    .where('state', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
