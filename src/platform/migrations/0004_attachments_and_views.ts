import type { Kysely } from 'kysely';

// Attachments are keyed with the engagement like every other ticket table, so a file of one
// engagement can never be reached through another's ticket. The bytes live on disk under
// <dataDir>/attachments/<engagementId>/<id>; the row holds what is safe to show about them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ticket_attachments')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_attachments_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'ticket_attachments_ticket_fk',
      ['engagement_id', 'ticket_id'],
      'tickets',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('ticket_attachments_ticket_idx')
    .on('ticket_attachments')
    .columns(['engagement_id', 'ticket_id', 'created_at'])
    .execute();

  // A person's saved ticket queries. Not engagement data (a view may span every engagement),
  // so it is keyed by its owner; the engagement, when set, goes with the engagement.
  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.references('engagements.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('saved_views_name_unique', ['user_id', 'name'])
    .execute();
}
