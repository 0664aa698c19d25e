import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresAdapter, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from '../../database.ts';
import type { Config } from '../config/config.ts';
import type { Logger } from '../log/logger.ts';
import { openSqlite } from './sqlite-dialect.ts';

export type Db = Kysely<Database>;
/** A transaction: writes that must be audited take one (recordAudit refuses a bare connection). */
export type Trx = Transaction<Database>;
export type DialectName = 'sqlite' | 'postgres';

/** The open database, whichever dialect it is. */
export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: DialectName;
  /** PostgreSQL only: the pool, for LISTEN/NOTIFY and health checks. */
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}

// Count columns come back as strings from pg; Tandem never needs bigint range for them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function openDatabase(config: Pick<Config, 'database'>, log?: Logger): DatabaseHandle {
  if (config.database.kind === 'postgres') return openPostgres(config.database.url, log);
  fs.mkdirSync(path.dirname(config.database.file), { recursive: true });
  const { dialect, raw } = openSqlite(config.database.file);
  const db = new Kysely<Database>({ dialect });
  return {
    db,
    dialect: 'sqlite',
    close: async () => {
      await db.destroy();
      if (raw.open) raw.close();
    },
  };
}

function openPostgres(url: string, log?: Logger): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client whose server went away emits 'error'; unhandled, it would end the process.
  // The pool drops that client and opens a new one on the next query.
  pool.on('error', (error) => log?.warn({ err: error }, 'PostgreSQL connection lost; will reconnect'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', pool, close: () => db.destroy() };
}

/** Which database a Kysely instance or transaction talks to. */
export function dialectOf(db: { getExecutor(): { readonly adapter: unknown } }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
