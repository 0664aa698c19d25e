import { type Kysely, sql } from 'kysely';
import { createFullTextTable } from '../db/full-text.ts';

// The search index of tickets: one document per source a reader may or may not see — the
// ticket's title and description (shared), and each comment with its own visibility — so a
// search filters by visibility before it ranks, and a private note never makes a ticket match
// for the other party.
export async function up(db: Kysely<unknown>): Promise<void> {
  await createFullTextTable(db, { table: 'ticket_search', text: { title: 'A', body: 'B' } }, (table) =>
    table
      .addColumn('engagement_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) =>
        c.notNull().check(sql`visibility in ('shared', 'provider_only', 'internal_only')`),
      )
      .addUniqueConstraint('ticket_search_source_unique', ['engagement_id', 'source_id'])
      .addForeignKeyConstraint(
        'ticket_search_ticket_fk',
        ['engagement_id', 'ticket_id'],
        'tickets',
        ['engagement_id', 'id'],
        (c) => c.onDelete('cascade'),
      ),
  );
  await db.schema
    .createIndex('ticket_search_ticket_idx')
    .on('ticket_search')
    .columns(['engagement_id', 'ticket_id'])
    .execute();

  // Queue pages read in keyset order (updated_at desc, id desc): indexes that hold the whole
  // order let a page stop after `limit` rows instead of sorting the engagement's tickets. They
  // replace the 0002 indexes that were their prefixes.
  await db.schema.dropIndex('tickets_engagement_id_updated_at_idx').execute();
  await db.schema.dropIndex('tickets_engagement_id_assignee_id_idx').execute();
  for (const [name, columns] of [
    ['tickets_queue_idx', ['engagement_id', 'updated_at desc', 'id desc']],
    ['tickets_assignee_queue_idx', ['engagement_id', 'assignee_id', 'updated_at desc', 'id desc']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('tickets')
      .columns([...columns])
      .execute();
  }

  // Tickets written before this migration.
  await sql`
    insert into ticket_search (engagement_id, ticket_id, source_id, visibility, title, body)
    select engagement_id, id, id, 'shared', title, description from tickets`.execute(db);
  await sql`
    insert into ticket_search (engagement_id, ticket_id, source_id, visibility, title, body)
    select engagement_id, ticket_id, id, visibility, '', body from ticket_comments`.execute(db);
}
