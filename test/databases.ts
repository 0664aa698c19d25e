import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../src/platform/config/config.ts';

/**
 * The databases every API test runs on. SQLite always; PostgreSQL when one answers at
 * TANDEM_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres). In CI (CI=true) a
 * missing PostgreSQL is a failure, not a skip.
 */
export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  /** A fresh, empty database of this kind, dropped by the returned cleanup. */
  create(): Promise<{ database: Config['database']; dataDir: string; drop: () => Promise<void> }>;
}

const PG_ADMIN_URL = process.env.TANDEM_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-test-'));
    return {
      database: { kind: 'sqlite', file: path.join(dataDir, 'tandem.db') },
      dataDir,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  },
};

const postgres: TestDatabase = {
  name: 'postgres',
  async create() {
    const name = `tandem_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-test-'));
    return {
      database: { kind: 'postgres', url: url.toString() },
      dataDir,
      drop: async () => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  },
};

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function postgresAvailable(): Promise<boolean> {
  try {
    await adminQuery('select 1');
    return true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(`PostgreSQL must be reachable in CI at ${PG_ADMIN_URL}: ${(error as Error).message}`);
    }
    console.warn(
      `PostgreSQL not reachable at ${PG_ADMIN_URL}; PostgreSQL tests are skipped on this machine.`,
    );
    return false;
  }
}

/** Use with describe.each(await testDatabases()). */
export async function testDatabases(): Promise<TestDatabase[]> {
  return (await postgresAvailable()) ? [sqlite, postgres] : [sqlite];
}
