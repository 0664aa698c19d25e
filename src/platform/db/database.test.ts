import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../../test/databases.ts';
import type { Config } from '../config/config.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

const databases = await testDatabases();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fresh(database: TestDatabase) {
  const created = await database.create();
  cleanups.push(created.drop);
  const handle = openDatabase({ database: created.database });
  cleanups.push(() => handle.close());
  await migrateToLatest(handle.db);
  return { handle, database: created.database };
}

/**
 * Another process (as `tandem user create` runs beside `tandem start`) doing read-then-write
 * transactions: the shape that fails with SQLITE_BUSY under SQLite's deferred BEGIN.
 */
const WRITER = `
import { openDatabase } from './src/platform/db/database.ts';
const handle = openDatabase({ database: JSON.parse(process.env.DB) });
for (let i = 0; i < 15; i++) {
  await handle.db.transaction().execute(async (trx) => {
    await trx.selectFrom('organizations').select('id').execute();
    await new Promise((resolve) => setTimeout(resolve, 3));
    const slug = process.env.PREFIX + '-' + i;
    await trx.insertInto('organizations').values({ id: slug, slug, name: slug, kind: 'client', created_at: new Date().toISOString() }).execute();
  });
}
await handle.close();
`;

function writer(database: Config['database'], prefix: string) {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WRITER], {
    env: { ...process.env, DB: JSON.stringify(database), PREFIX: prefix },
  });
}

describe.each(databases)('the database layer on $name', (database) => {
  it('migrates an empty database and then finds nothing left to apply', async () => {
    const { handle } = await fresh(database);
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('queues concurrent writers from separate processes instead of failing one', async () => {
    const { handle, database: config } = await fresh(database);
    await Promise.all([writer(config, 'a'), writer(config, 'b'), writer(config, 'c')]);
    const count = await handle.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(45);
  });
});

describe.runIf(databases.some((d) => d.name === 'postgres'))('PostgreSQL connection loss', () => {
  it('is survived: after the server drops every connection the next query succeeds', async () => {
    const { handle } = await fresh(databases.find((d) => d.name === 'postgres')!);
    const name = (await sql<{ db: string }>`select current_database() as db`.execute(handle.db)).rows[0]!.db;
    const admin = new pg.Client({
      connectionString: process.env.TANDEM_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    await admin.connect();
    const killed = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    // The pool notices its dead idle client, drops it and opens a new one for the next query.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const rows = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows.rows[0]!.one).toBe(1);
  });
});
