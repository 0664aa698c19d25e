import type { Kysely } from 'kysely';

// The responsibility matrix and the on-call schedules. A matrix version is a whole document
// (functions, scenarios, cells) read and signed as one, so it is JSON text; signatures name
// the exact content they approve by its hash.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('matrix_versions')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    // null for the draft; 1, 2, … for versions that took effect, in order.
    .addColumn('number', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('effective_at', 'text')
    .addPrimaryKeyConstraint('matrix_versions_pk', ['engagement_id', 'id'])
    .addUniqueConstraint('matrix_versions_number_unique', ['engagement_id', 'number'])
    .execute();

  await db.schema
    .createTable('matrix_signatures')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('matrix_signatures_pk', ['engagement_id', 'version_id', 'party'])
    .addForeignKeyConstraint(
      'matrix_signatures_version_fk',
      ['engagement_id', 'version_id'],
      'matrix_versions',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('schedules')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('layers', 'text', (c) => c.notNull())
    .addColumn('holiday_calendar_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('schedules_pk', ['engagement_id', 'id'])
    .addUniqueConstraint('schedules_name_unique', ['engagement_id', 'name'])
    .addForeignKeyConstraint('schedules_team_fk', ['engagement_id', 'team_id'], 'teams', [
      'engagement_id',
      'id',
    ])
    .addForeignKeyConstraint('schedules_calendar_fk', ['engagement_id', 'holiday_calendar_id'], 'calendars', [
      'engagement_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('schedule_overrides')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('schedule_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('schedule_overrides_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'schedule_overrides_schedule_fk',
      ['engagement_id', 'schedule_id'],
      'schedules',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('schedule_overrides_member_fk', ['engagement_id', 'user_id'], 'memberships', [
      'engagement_id',
      'user_id',
    ])
    .execute();
  await db.schema
    .createIndex('schedule_overrides_span_idx')
    .on('schedule_overrides')
    .columns(['engagement_id', 'schedule_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('time_off')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('time_off_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'time_off_member_fk',
      ['engagement_id', 'user_id'],
      'memberships',
      ['engagement_id', 'user_id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  // Secret calendar-feed URLs: only a hash is kept; revoking sets revoked_at.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('schedule_id', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}
