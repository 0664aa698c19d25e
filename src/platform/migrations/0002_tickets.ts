import { type Kysely, sql } from 'kysely';

const KINDS = ['incident', 'request', 'problem', 'change', 'info_request', 'task'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
const STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'waiting_on_internal',
  'waiting_on_provider',
  'waiting_on_requester',
  'resolved',
  'closed',
];
const VISIBILITIES = ['shared', 'provider_only', 'internal_only'];

function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

// Every link carries the engagement in its foreign key: a ticket can only point at a team,
// an assignee or a requester of its own engagement.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ticket_counters')
    .addColumn('engagement_id', 'text', (c) =>
      c.primaryKey().references('engagements.id').onDelete('cascade'),
    )
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', KINDS)))
    .addColumn('priority', 'text', (c) => c.notNull().check(oneOf('priority', PRIORITIES)))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', STATUSES)))
    .addColumn('owner_party', 'text', (c) =>
      c.notNull().check(oneOf('owner_party', ['internal', 'provider'])),
    )
    .addColumn('team_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('requester_id', 'text')
    .addColumn('function_key', 'text')
    .addColumn('due_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addPrimaryKeyConstraint('tickets_pk', ['engagement_id', 'id'])
    .addUniqueConstraint('tickets_number_unique', ['engagement_id', 'number'])
    .addForeignKeyConstraint('tickets_team_fk', ['engagement_id', 'team_id'], 'teams', [
      'engagement_id',
      'id',
    ])
    .addForeignKeyConstraint('tickets_assignee_fk', ['engagement_id', 'assignee_id'], 'memberships', [
      'engagement_id',
      'user_id',
    ])
    .addForeignKeyConstraint('tickets_requester_fk', ['engagement_id', 'requester_id'], 'memberships', [
      'engagement_id',
      'user_id',
    ])
    .execute();
  for (const columns of [
    ['engagement_id', 'updated_at'],
    ['engagement_id', 'status'],
    ['engagement_id', 'assignee_id'],
    ['engagement_id', 'requester_id'],
    ['updated_at'],
  ]) {
    await db.schema
      .createIndex(`tickets_${columns.join('_')}_idx`)
      .on('tickets')
      .columns(columns)
      .execute();
  }

  await db.schema
    .createTable('ticket_tags')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_tags_pk', ['engagement_id', 'ticket_id', 'tag'])
    .addForeignKeyConstraint(
      'ticket_tags_ticket_fk',
      ['engagement_id', 'ticket_id'],
      'tickets',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('ticket_tags_tag_idx')
    .on('ticket_tags')
    .columns(['engagement_id', 'tag'])
    .execute();

  await db.schema
    .createTable('ticket_watchers')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_watchers_pk', ['engagement_id', 'ticket_id', 'user_id'])
    .addForeignKeyConstraint(
      'ticket_watchers_ticket_fk',
      ['engagement_id', 'ticket_id'],
      'tickets',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'ticket_watchers_member_fk',
      ['engagement_id', 'user_id'],
      'memberships',
      ['engagement_id', 'user_id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('ticket_comments')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_party', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', VISIBILITIES)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_comments_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'ticket_comments_ticket_fk',
      ['engagement_id', 'ticket_id'],
      'tickets',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('ticket_comments_ticket_idx')
    .on('ticket_comments')
    .columns(['engagement_id', 'ticket_id', 'created_at'])
    .execute();

  // The timeline: one row per change, with the visibility of what it reveals.
  await db.schema
    .createTable('ticket_activity')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('party', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().check(oneOf('visibility', VISIBILITIES)))
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_activity_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'ticket_activity_ticket_fk',
      ['engagement_id', 'ticket_id'],
      'tickets',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('ticket_activity_ticket_idx')
    .on('ticket_activity')
    .columns(['engagement_id', 'ticket_id', 'at'])
    .execute();
}
