import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../database.ts';
import type { AuditEventRow } from './chain.ts';
import type { AuditCheckpointsTable, AuditEventsTable } from './tables.ts';

/** One signed checkpoint: the head of a chain at a moment. */
export type AuditCheckpointRow = Selectable<AuditCheckpointsTable>;

// Query functions take `db` or a transaction first; none opens a transaction of its own.

/** The last record of a chain, or undefined for a chain with no records yet. */
export async function chainHead(
  db: Kysely<Database>,
  chainId: string,
): Promise<{ seq: number; hash: string } | undefined> {
  return db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('chain_id', '=', chainId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertEvent(db: Kysely<Database>, event: Insertable<AuditEventsTable>): Promise<void> {
  await db.insertInto('audit_events').values(event).execute();
}

/** The highest seq of every chain that has records. */
export async function chainHeads(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('audit_events')
    .select((eb) => ['chain_id', eb.fn.max<number>('seq').as('seq')])
    .groupBy('chain_id')
    .execute();
  return new Map(rows.map((r) => [r.chain_id, Number(r.seq)]));
}

/** The seq of every chain's latest checkpoint. */
export async function lastCheckpoints(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .select((eb) => ['chain_id', eb.fn.max<number>('seq').as('seq')])
    .groupBy('chain_id')
    .execute();
  return new Map(rows.map((r) => [r.chain_id, Number(r.seq)]));
}

export async function eventAt(
  db: Kysely<Database>,
  chainId: string,
  seq: number,
): Promise<AuditEventRow | undefined> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('chain_id', '=', chainId)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

/** Inserts a checkpoint unless another node already signed this head; true when it was inserted. */
export async function insertCheckpoint(
  db: Kysely<Database>,
  checkpoint: AuditCheckpointRow,
): Promise<boolean> {
  const result = await db
    .insertInto('audit_checkpoints')
    .values(checkpoint)
    .onConflict((oc) => oc.columns(['chain_id', 'seq']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Every chain named by a record or a checkpoint (a chain whose records were all deleted still has checkpoints). */
export async function chainIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select('chain_id')
    .union(db.selectFrom('audit_checkpoints').select('chain_id'))
    .execute();
  return rows.map((r) => r.chain_id);
}

export async function checkpointsOf(db: Kysely<Database>, chainId: string): Promise<AuditCheckpointRow[]> {
  return db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('chain_id', '=', chainId)
    .orderBy('seq')
    .execute();
}

/** A chain's records in seq order, read a page at a time so a long chain never sits in memory whole. */
export async function* eventsOf(
  db: Kysely<Database>,
  chainId: string,
  pageSize = 1000,
): AsyncGenerator<AuditEventRow> {
  // No lower bound on the first page: a row slipped in at seq 0 or below must be seen too.
  let after: number | null = null;
  for (;;) {
    let query = db.selectFrom('audit_events').selectAll().where('chain_id', '=', chainId);
    if (after !== null) query = query.where('seq', '>', after);
    const page = await query.orderBy('seq').limit(pageSize).execute();
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last.seq;
  }
}
