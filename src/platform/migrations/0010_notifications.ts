import type { Kysely } from 'kysely';

// How people are reached when paged: their contact methods and rules (per user, not per
// engagement: one phone, one inbox, whichever client pages them), the outbox of deliveries
// written in the paging transaction, and the private webhook targets an admin allowed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contact_methods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    // Webhooks only: the signing secret, encrypted with the key in the data folder.
    .addColumn('secret_sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_methods_user').on('contact_methods').column('user_id').execute();

  await db.schema
    .createTable('notification_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('contact_method_id', 'text', (c) =>
      c.notNull().references('contact_methods.id').onDelete('cascade'),
    )
    .addColumn('delay_minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notification_rules_unique', ['user_id', 'contact_method_id', 'delay_minutes'])
    .execute();

  await db.schema
    .createTable('notification_outbox')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    // (page, contact method, rule): paging the same person twice for one step writes nothing new.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('contact_method_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_outbox_pk', ['engagement_id', 'id'])
    .addUniqueConstraint('notification_outbox_key_unique', ['engagement_id', 'key'])
    .execute();
  await db.schema
    .createIndex('notification_outbox_page')
    .on('notification_outbox')
    .columns(['engagement_id', 'page_id'])
    .execute();

  await db.schema
    .createTable('webhook_allowlist')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
