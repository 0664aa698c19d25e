import type { ClockParty } from '../../domain/sla/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SlaClockEventsTable, SlaClockRow, SlaClocksTable } from './tables.ts';

const OPEN = ['running', 'paused'] as const;

export function openClocks(db: Db, engagementId: string, ticketId: string): Promise<SlaClockRow[]> {
  return db
    .selectFrom('sla_clocks')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('ticket_id', '=', ticketId)
    .where('state', 'in', OPEN)
    .orderBy('started_at')
    .execute();
}

export function findClock(db: Db, engagementId: string, clockId: string) {
  return db
    .selectFrom('sla_clocks')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', clockId)
    .executeTakeFirst();
}

export async function insertClock(db: Db, row: SlaClocksTable): Promise<void> {
  await db.insertInto('sla_clocks').values(row).execute();
}

export async function updateClock(
  db: Db,
  engagementId: string,
  clockId: string,
  changes: Partial<SlaClocksTable>,
): Promise<void> {
  await db
    .updateTable('sla_clocks')
    .set(changes)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', clockId)
    .execute();
}

export async function insertLedgerEntry(db: Db, row: SlaClockEventsTable): Promise<void> {
  await db.insertInto('sla_clock_events').values(row).execute();
}

/** Every clock of these tickets, oldest first. */
export function clocksOfTickets(db: Db, engagementIds: readonly string[], ticketIds: readonly string[]) {
  if (ticketIds.length === 0 || engagementIds.length === 0) return Promise.resolve([] as SlaClockRow[]);
  return db
    .selectFrom('sla_clocks')
    .selectAll()
    .where('engagement_id', 'in', engagementIds)
    .where('ticket_id', 'in', ticketIds)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
}

export function ledgerOf(db: Db, engagementId: string, clockIds: readonly string[]) {
  if (clockIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sla_clock_events')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('clock_id', 'in', clockIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Open clocks of an engagement with the ticket they run on, soonest due first. */
export function openClocksWithTickets(db: Db, engagementId: string, party: ClockParty | undefined) {
  let query = db
    .selectFrom('sla_clocks')
    .innerJoin('tickets', (join) =>
      join
        .onRef('tickets.engagement_id', '=', 'sla_clocks.engagement_id')
        .onRef('tickets.id', '=', 'sla_clocks.ticket_id'),
    )
    .innerJoin('engagements', 'engagements.id', 'tickets.engagement_id')
    .selectAll('sla_clocks')
    .select([
      'tickets.number',
      'engagements.ticket_prefix',
      'tickets.title',
      'tickets.kind as ticket_kind',
      'tickets.priority',
      'tickets.status',
      'tickets.owner_party',
      'tickets.assignee_id',
    ])
    .where('sla_clocks.engagement_id', '=', engagementId)
    .where('sla_clocks.state', 'in', OPEN);
  if (party) query = query.where('sla_clocks.party', '=', party);
  return query.orderBy('sla_clocks.due_at').orderBy('sla_clocks.id').execute();
}

export function ticketTitle(db: Db, engagementId: string, ticketId: string) {
  return db
    .selectFrom('tickets')
    .innerJoin('engagements', 'engagements.id', 'tickets.engagement_id')
    .select(['tickets.title', 'tickets.number', 'engagements.ticket_prefix', 'tickets.assignee_id'])
    .where('tickets.engagement_id', '=', engagementId)
    .where('tickets.id', '=', ticketId)
    .executeTakeFirst();
}
