import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, type Trx } from '../../platform/db/database.ts';
import { createLogger } from '../../platform/log/logger.ts';
import { createIngestBatcher, IngestStopped } from './batcher.ts';

describe('ingest group commit', () => {
  let dir: string;
  let handle: DatabaseHandle;
  const insert = (value: string) => async (trx: Trx) => {
    await sql`insert into samples (value) values (${value})`.execute(trx);
    return value;
  };
  const stored = async () =>
    (await sql<{ value: string }>`select value from samples order by value`.execute(handle.db)).rows.map(
      (r) => r.value,
    );

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-batcher-'));
    handle = openDatabase({ database: { kind: 'sqlite', file: path.join(dir, 'b.db') } });
    await sql`create table samples (value text primary key)`.execute(handle.db);
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits events of one turn together and answers each after the commit', async () => {
    const batcher = createIngestBatcher(handle.db, createLogger('silent'));
    const transactions = new Set<Trx>();
    const tracked = (value: string) => async (trx: Trx) => {
      transactions.add(trx);
      return insert(value)(trx);
    };
    const answers = await Promise.all(['a1', 'a2', 'a3'].map((v) => batcher.submit(tracked(v))));
    expect(answers).toEqual(['a1', 'a2', 'a3']);
    expect(transactions.size).toBe(1);
    expect(await stored()).toEqual(['a1', 'a2', 'a3']);
    await batcher.stop();
  });

  it('retries each event alone when the batch fails, so one bad event fails only itself', async () => {
    const batcher = createIngestBatcher(handle.db, createLogger('silent'));
    const results = await Promise.allSettled([
      batcher.submit(insert('b1')),
      batcher.submit(insert('a1')), // a duplicate: its insert fails
      batcher.submit(insert('b2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await stored()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    await batcher.stop();
  });

  it('commits what is queued when stopped, then refuses new events', async () => {
    const batcher = createIngestBatcher(handle.db, createLogger('silent'));
    const pending = batcher.submit(insert('c1'));
    await batcher.stop();
    await expect(pending).resolves.toBe('c1');
    await expect(batcher.submit(insert('c2'))).rejects.toBeInstanceOf(IngestStopped);
    expect(await stored()).toContain('c1');
    expect(await stored()).not.toContain('c2');
  });
});
