import { type Kysely, sql } from 'kysely';
import { dialectOf } from './database.ts';

/**
 * Makes a table append-only in the database itself, so not even Tandem's own connection can
 * change history: SQLite triggers abort UPDATE and DELETE; PostgreSQL triggers do the same
 * (and TRUNCATE), and the table's UPDATE/DELETE/TRUNCATE grants are revoked from the
 * connecting role for when it is not the owner-superuser.
 */
export async function makeAppendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const op of ['update', 'delete']) {
      await sql
        .raw(
          `create trigger ${table}_no_${op} before ${op} on ${table} begin select raise(abort, '${table} is append-only'); end`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `create or replace function tandem_append_only() returns trigger language plpgsql as $$
       begin raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege'; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_no_change before update or delete on ${table} for each row execute function tandem_append_only()`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function tandem_append_only()`,
    )
    .execute(db);
  await sql.raw(`revoke update, delete, truncate on ${table} from public`).execute(db);
}
