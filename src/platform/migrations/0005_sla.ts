import type { Kysely } from 'kysely';

// Calendars, SLA policies, the clocks they drive and the ledger that explains every figure.
// Policy targets and calendar hours are small documents read whole, so they are JSON text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendars')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendars_pk', ['engagement_id', 'id'])
    .addUniqueConstraint('calendars_name_unique', ['engagement_id', 'name'])
    .execute();

  await db.schema
    .createTable('sla_policies')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('ticket_kinds', 'text', (c) => c.notNull())
    .addColumn('warn_percent', 'integer', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_policies_pk', ['engagement_id', 'id'])
    .addUniqueConstraint('sla_policies_name_unique', ['engagement_id', 'name'])
    .execute();

  await db.schema
    .createTable('sla_clocks')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('calendar_id', 'text', (c) => c.notNull())
    .addColumn('target_minutes', 'integer', (c) => c.notNull())
    .addColumn('warn_percent', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('running_since', 'text')
    .addColumn('elapsed_ms', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('warned_at', 'text')
    .addColumn('breached_at', 'text')
    .addColumn('stopped_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_clocks_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'sla_clocks_ticket_fk',
      ['engagement_id', 'ticket_id'],
      'tickets',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('sla_clocks_calendar_fk', ['engagement_id', 'calendar_id'], 'calendars', [
      'engagement_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('sla_clocks_ticket_idx')
    .on('sla_clocks')
    .columns(['engagement_id', 'ticket_id', 'started_at'])
    .execute();
  await db.schema
    .createIndex('sla_clocks_due_idx')
    .on('sla_clocks')
    .columns(['engagement_id', 'state', 'due_at'])
    .execute();

  await db.schema
    .createTable('sla_clock_events')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('clock_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('elapsed_ms', 'integer', (c) => c.notNull())
    .addColumn('target_minutes', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_clock_events_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'sla_clock_events_clock_fk',
      ['engagement_id', 'clock_id'],
      'sla_clocks',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('sla_clock_events_clock_idx')
    .on('sla_clock_events')
    .columns(['engagement_id', 'clock_id', 'at'])
    .execute();

  await db.schema
    .createTable('info_requests')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('from_party', 'text', (c) => c.notNull())
    .addColumn('to_party', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addPrimaryKeyConstraint('info_requests_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'info_requests_ticket_fk',
      ['engagement_id', 'ticket_id'],
      'tickets',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('info_requests_open_idx')
    .on('info_requests')
    .columns(['engagement_id', 'state', 'to_party'])
    .execute();
  await db.schema
    .createIndex('info_requests_ticket_idx')
    .on('info_requests')
    .columns(['engagement_id', 'ticket_id'])
    .execute();
}
