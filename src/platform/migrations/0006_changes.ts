import { type Kysely, sql } from 'kysely';

const TYPES = ['standard', 'normal', 'emergency'];
const STATES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'scheduled',
  'in_progress',
  'completed',
  'failed',
  'rolled_back',
];
const LEVELS = ['low', 'medium', 'high'];
const APPROVALS = ['none', 'pending', 'approved', 'rejected'];

function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

// Change requests. A change is a ticket of kind `change` (its number, timeline, comments and
// SLA clocks) plus one change_requests row with the same id. Every link carries the engagement
// in its foreign key. Instants are ISO text in UTC, so they compare as text on both databases.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('change_templates')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('risk', 'text', (c) => c.notNull().check(oneOf('risk', LEVELS)))
    .addColumn('impact', 'text', (c) => c.notNull().check(oneOf('impact', LEVELS)))
    .addColumn('implementation_plan', 'text', (c) => c.notNull())
    .addColumn('backout_plan', 'text', (c) => c.notNull())
    .addColumn('test_plan', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_templates_pk', ['engagement_id', 'id'])
    .addUniqueConstraint('change_templates_name_unique', ['engagement_id', 'name'])
    .execute();

  await db.schema
    .createTable('change_requests')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull().check(oneOf('type', TYPES)))
    .addColumn('state', 'text', (c) => c.notNull().check(oneOf('state', STATES)))
    .addColumn('risk', 'text', (c) => c.notNull().check(oneOf('risk', LEVELS)))
    .addColumn('impact', 'text', (c) => c.notNull().check(oneOf('impact', LEVELS)))
    .addColumn('window_start', 'text')
    .addColumn('window_end', 'text')
    .addColumn('implementation_plan', 'text', (c) => c.notNull())
    .addColumn('backout_plan', 'text', (c) => c.notNull())
    .addColumn('test_plan', 'text', (c) => c.notNull())
    .addColumn('affected_assets', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text')
    .addColumn('quorum', 'integer', (c) => c.notNull())
    .addColumn('approver_party', 'text', (c) =>
      c.notNull().check(oneOf('approver_party', ['internal', 'provider'])),
    )
    .addColumn('approval', 'text', (c) => c.notNull().check(oneOf('approval', APPROVALS)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_requests_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'change_requests_ticket_fk',
      ['engagement_id', 'id'],
      'tickets',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'change_requests_template_fk',
      ['engagement_id', 'template_id'],
      'change_templates',
      ['engagement_id', 'id'],
    )
    .addCheckConstraint(
      'change_requests_window_check',
      sql`(window_start is null and window_end is null) or (window_start is not null and window_end is not null and window_start < window_end)`,
    )
    .execute();
  for (const columns of [
    ['engagement_id', 'updated_at'],
    ['engagement_id', 'state'],
    ['engagement_id', 'window_start'],
    ['engagement_id', 'approval'],
  ]) {
    await db.schema
      .createIndex(`change_requests_${columns.join('_')}_idx`)
      .on('change_requests')
      .columns(columns)
      .execute();
  }

  // One decision per approver per round; revising a rejected change starts a new round.
  await db.schema
    .createTable('change_approvals')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('change_id', 'text', (c) => c.notNull())
    .addColumn('approver_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decision', 'text', (c) => c.notNull().check(oneOf('decision', ['approve', 'reject'])))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_approvals_pk', ['engagement_id', 'change_id', 'approver_id'])
    .addForeignKeyConstraint(
      'change_approvals_change_fk',
      ['engagement_id', 'change_id'],
      'change_requests',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('freeze_windows')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('freeze_windows_pk', ['engagement_id', 'id'])
    .addCheckConstraint('freeze_windows_span_check', sql`starts_at < ends_at`)
    .execute();
  await db.schema
    .createIndex('freeze_windows_starts_idx')
    .on('freeze_windows')
    .columns(['engagement_id', 'starts_at'])
    .execute();
}
