import { type AliasedRawBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { dialectOf } from './database.ts';

/**
 * Full-text search on either database, behind one shape: a table of documents keyed by an
 * integer `doc_id`, with text columns that each carry a weight (A counts most, D least).
 *   - SQLite: an FTS5 index `<table>_fts` over the text columns, external-content (the text is
 *     stored once, in the table) and kept in step by triggers; ranked by bm25.
 *   - PostgreSQL: a generated, weighted `tsvector` column `search` with a GIN index; ranked by
 *     ts_rank. Both fold case and, where PostgreSQL has `unaccent`, diacritics ("cafe" finds
 *     "café"); neither stems, so both find the same words.
 */
export type Weight = 'A' | 'B' | 'C' | 'D';

export interface FullTextTable {
  readonly table: string;
  /** Searched columns and how much a hit in each counts. */
  readonly text: Readonly<Record<string, Weight>>;
}

/** The text search configuration of PostgreSQL documents. */
const PG_CONFIG = 'tandem_search';
/** bm25 column weights on SQLite, matching ts_rank's default {D 0.1, C 0.2, B 0.4, A 1.0}. */
const BM25: Readonly<Record<Weight, number>> = { A: 10, B: 4, C: 2, D: 1 };
/** More words than this in one search are ignored: the query stays cheap. */
const MAX_WORDS = 12;
/** The last word matches as a prefix ("print" finds "printer") once it is this long. */
const PREFIX_FROM = 3;

/**
 * Creates the document table (for migrations): `doc_id`, the caller's columns from `build`,
 * the weighted text columns, and the dialect's index over them.
 */
export async function createFullTextTable(
  db: Kysely<unknown>,
  index: FullTextTable,
  build: (table: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>,
): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  let table = db.schema
    .createTable(index.table)
    // An INTEGER PRIMARY KEY is SQLite's rowid itself, so FTS5 rows stay tied to it through VACUUM.
    .addColumn('doc_id', sqlite ? 'integer' : 'bigint', (c) =>
      sqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity(),
    );
  table = build(table);
  for (const column of Object.keys(index.text)) {
    table = table.addColumn(column, 'text', (c) => c.notNull());
  }
  await table.execute();
  const columns = Object.keys(index.text);
  if (sqlite) {
    const fts = `${index.table}_fts`;
    const list = columns.join(', ');
    const fresh = columns.map((c) => `new.${c}`).join(', ');
    const old = columns.map((c) => `old.${c}`).join(', ');
    const insert = `insert into ${fts}(rowid, ${list}) values (new.doc_id, ${fresh});`;
    const remove = `insert into ${fts}(${fts}, rowid, ${list}) values ('delete', old.doc_id, ${old});`;
    for (const statement of [
      `create virtual table ${fts} using fts5(${list}, content='${index.table}', content_rowid='doc_id', tokenize='unicode61 remove_diacritics 2')`,
      `create trigger ${index.table}_ai after insert on ${index.table} begin ${insert} end`,
      `create trigger ${index.table}_ad after delete on ${index.table} begin ${remove} end`,
      `create trigger ${index.table}_au after update on ${index.table} begin ${remove} ${insert} end`,
    ]) {
      await sql.raw(statement).execute(db);
    }
    return;
  }
  await ensurePgConfig(db);
  const vector = Object.entries(index.text)
    .map(([column, weight]) => `setweight(to_tsvector('${PG_CONFIG}', ${column}), '${weight}')`)
    .join(' || ');
  await sql
    .raw(`alter table ${index.table} add column search tsvector generated always as (${vector}) stored`)
    .execute(db);
  await sql.raw(`create index ${index.table}_search_idx on ${index.table} using gin (search)`).execute(db);
}

/** `simple` (no stemming, no stop words, like FTS5's unicode61), plus unaccent when it can be had. */
async function ensurePgConfig(db: Kysely<unknown>): Promise<void> {
  const exists = await sql`select 1 from pg_ts_config where cfgname = ${PG_CONFIG}`.execute(db);
  if (exists.rows.length > 0) return;
  await sql.raw(`create text search configuration ${PG_CONFIG} (copy = simple)`).execute(db);
  // unaccent is a trusted contrib extension: any role that may CREATE in the database can add it.
  // Without it search still works; only "cafe" no longer finds "café".
  const unaccent = await sql<{ usable: boolean }>`
    select (installed_version is not null
            or has_database_privilege(current_database(), 'CREATE')) as usable
    from pg_available_extensions where name = 'unaccent'`.execute(db);
  if (!unaccent.rows[0]?.usable) return;
  await sql.raw('create extension if not exists unaccent').execute(db);
  await sql
    .raw(
      `alter text search configuration ${PG_CONFIG} alter mapping for hword, hword_part, word with unaccent, simple`,
    )
    .execute(db);
}

/**
 * The words of a user's search: letters and digits only, so nothing the user types can become
 * query syntax (quotes, `*`, `AND`, `NEAR`, `:` are plain text or dropped). Lower-cased; at most
 * MAX_WORDS. An empty result means "nothing to search for".
 */
export function searchWords(input: string): string[] {
  const words =
    input
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  return words.slice(0, MAX_WORDS);
}

/** Documents matching every word (the last one also as a prefix), with a score: higher is better. */
export type FullTextHits = AliasedRawBuilder<{ doc_id: number; score: number }, 'hits'>;

/** A derived table `hits(doc_id, score)` of the documents that match all `words`. */
export function fullTextHits(
  db: { getExecutor(): { readonly adapter: unknown } },
  index: FullTextTable,
  words: readonly string[],
): FullTextHits {
  const last = words.length - 1;
  const prefix = (i: number) => i === last && words[i]!.length >= PREFIX_FROM;
  if (dialectOf(db) === 'sqlite') {
    const fts = sql.table(`${index.table}_fts`);
    // Every word is a quoted FTS5 string; "…"* is a prefix query. Words hold no quotes.
    const match = words.map((w, i) => `"${w}"${prefix(i) ? '*' : ''}`).join(' ');
    const weights = sql.raw(
      Object.values(index.text)
        .map((w) => BM25[w])
        .join(', '),
    );
    // bm25() works only in the FTS query itself; 'limit -1' keeps SQLite from flattening this
    // subquery into the caller's join or aggregate, where it would fail.
    return sql<{
      doc_id: number;
      score: number;
    }>`(select rowid as doc_id, -bm25(${fts}, ${weights}) as score from ${fts} where ${fts} match ${match} limit -1)`.as(
      'hits',
    );
  }
  // Every word a quoted lexeme, ANDed; ':*' is a prefix. Words hold no quotes or operators.
  const query = words.map((w, i) => `'${w}'${prefix(i) ? ':*' : ''}`).join(' & ');
  return sql<{
    doc_id: number;
    score: number;
  }>`(select doc_id, ts_rank(search, q) as score from ${sql.table(index.table)}, to_tsquery(${PG_CONFIG}::regconfig, ${query}) q where search @@ q)`.as(
    'hits',
  );
}
