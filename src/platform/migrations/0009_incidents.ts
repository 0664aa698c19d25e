import { type Kysely, sql } from 'kysely';

const STATES = ['running', 'acknowledged', 'ended', 'exhausted', 'completed'];
const SEVERITIES = ['critical', 'error', 'warning', 'info'];

function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

// Incidents, escalation policies and their escalations. A policy's levels and fallback are one
// document edited as a whole, so JSON text; an escalation keeps a JSON snapshot of the policy it
// started with, so editing the policy never changes a page in flight. Pages and coverage gaps
// are rows, because the timeline, drills and the coverage map read them one by one. Booleans
// are 0/1 integers on both databases.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('escalation_policies')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('repeat', 'integer', (c) => c.notNull())
    .addColumn('levels', 'text', (c) => c.notNull())
    .addColumn('fallback', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('escalation_policies_pk', ['engagement_id', 'id'])
    .addUniqueConstraint('escalation_policies_name_unique', ['engagement_id', 'name'])
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull().unique())
    .addColumn('severity', 'text', (c) => c.notNull().check(oneOf('severity', SEVERITIES)))
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('security', 'integer', (c) => c.notNull())
    .addColumn('taken_over', 'integer', (c) => c.notNull())
    .addColumn('integration_id', 'text')
    .addColumn('route_reasons', 'text', (c) => c.notNull())
    // {commander, communications, scribe}: user ids or null.
    .addColumn('roles', 'text', (c) => c.notNull())
    // Security incidents only: [{step, done, doneAt, doneBy, evidence}].
    .addColumn('checklist', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incidents_pk', ['engagement_id', 'ticket_id'])
    .addForeignKeyConstraint('incidents_ticket_fk', ['engagement_id', 'ticket_id'], 'tickets', [
      'engagement_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('escalations')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    // Null for a drill, which opens no incident.
    .addColumn('ticket_id', 'text')
    .addColumn('drill', 'integer', (c) => c.notNull())
    .addColumn('policy_id', 'text')
    .addColumn('policy_name', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(oneOf('state', STATES)))
    .addColumn('next_at', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('ended_at', 'text')
    .addPrimaryKeyConstraint('escalations_pk', ['engagement_id', 'id'])
    .addUniqueConstraint('escalations_ticket_unique', ['engagement_id', 'ticket_id'])
    .addForeignKeyConstraint('escalations_ticket_fk', ['engagement_id', 'ticket_id'], 'tickets', [
      'engagement_id',
      'id',
    ])
    .execute();
  // The watchdog looks for running escalations whose next step is overdue.
  await db.schema.createIndex('escalations_due').on('escalations').columns(['state', 'next_at']).execute();

  await db.schema
    .createTable('pages')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('escalation_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // {type, id, name} as it was when the page went out.
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('paged_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addPrimaryKeyConstraint('pages_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint('pages_escalation_fk', ['engagement_id', 'escalation_id'], 'escalations', [
      'engagement_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('pages_by_escalation')
    .on('pages')
    .columns(['engagement_id', 'escalation_id'])
    .execute();

  await db.schema
    .createTable('escalation_gaps')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('escalation_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text')
    .addColumn('drill', 'integer', (c) => c.notNull())
    .addColumn('track', 'text')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('escalation_gaps_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'escalation_gaps_escalation_fk',
      ['engagement_id', 'escalation_id'],
      'escalations',
      ['engagement_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('escalation_gaps_by_time')
    .on('escalation_gaps')
    .columns(['engagement_id', 'at'])
    .execute();
}
