import { type Kysely, sql } from 'kysely';

const TYPES = ['pagerduty_v2', 'alertmanager', 'grafana', 'generic_json', 'email', 'tandem'];
const STATUSES = ['triggered', 'acknowledged', 'resolved'];
const SEVERITIES = ['critical', 'error', 'warning', 'info'];
const OUTCOMES = ['accepted', 'deduplicated', 'dropped'];

function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

// Integrations, alerts and the events that made them. An integration key is kept only as its
// SHA-256 (unique, so a key names one integration of one engagement); JSON is text; instants
// are ISO text in UTC.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('integrations')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(oneOf('type', TYPES)))
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_hint', 'text', (c) => c.notNull())
    // E-mail integrations: the local part of <token>@<mail domain>, lowercase.
    .addColumn('email_token', 'text', (c) => c.unique())
    .addColumn('defaults', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text')
    .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('integrations_pk', ['engagement_id', 'id'])
    .execute();
  // One built-in Tandem integration per engagement, for alerts Tandem raises itself.
  await db.schema
    .createIndex('integrations_tandem_unique')
    .on('integrations')
    .column('engagement_id')
    .unique()
    .where(sql.ref('type'), '=', 'tandem')
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('integration_id', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', STATUSES)))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(oneOf('severity', SEVERITIES)))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('component', 'text')
    .addColumn('alert_group', 'text')
    .addColumn('class', 'text')
    .addColumn('custom_details', 'text', (c) => c.notNull())
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('images', 'text', (c) => c.notNull())
    .addColumn('function_key', 'text')
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('flapping', 'integer', (c) => c.notNull().defaultTo(0))
    // Alertmanager and Grafana: the startsAt of the episode the alert is in.
    .addColumn('episode', 'text')
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('resolved_at', 'text')
    .addPrimaryKeyConstraint('alerts_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'alerts_integration_fk',
      ['engagement_id', 'integration_id'],
      'integrations',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('alerts_incident_fk', ['engagement_id', 'incident_id'], 'tickets', [
      'engagement_id',
      'id',
    ])
    .execute();
  // At most one open alert per (integration, dedup key): two racing triggers cannot both open one.
  await db.schema
    .createIndex('alerts_open_unique')
    .on('alerts')
    .columns(['engagement_id', 'integration_id', 'dedup_key'])
    .unique()
    .where(sql.ref('resolved_at'), 'is', null)
    .execute();
  for (const columns of [
    ['engagement_id', 'integration_id', 'dedup_key', 'first_at'],
    ['engagement_id', 'incident_id'],
    ['engagement_id', 'last_at', 'id'],
    ['engagement_id', 'status', 'last_at'],
  ]) {
    await db.schema
      .createIndex(`alerts_${columns.join('_')}_idx`)
      .on('alerts')
      .columns(columns)
      .execute();
  }

  await db.schema
    .createTable('alert_events')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('integration_id', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(oneOf('outcome', OUTCOMES)))
    .addColumn('reason', 'text')
    // SHA-256 of (group key, fingerprint, startsAt, status) for Alertmanager and Grafana.
    .addColumn('idempotency_key', 'text')
    .addColumn('episode', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_events_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'alert_events_integration_fk',
      ['engagement_id', 'integration_id'],
      'integrations',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  // NULLs are distinct on both databases, so only events that carry a key are held unique.
  await db.schema
    .createIndex('alert_events_idempotency_unique')
    .on('alert_events')
    .columns(['engagement_id', 'integration_id', 'idempotency_key'])
    .unique()
    .execute();
  for (const columns of [
    ['engagement_id', 'integration_id', 'received_at'],
    ['engagement_id', 'alert_id', 'received_at'],
    ['engagement_id', 'integration_id', 'dedup_key', 'episode'],
  ]) {
    await db.schema
      .createIndex(`alert_events_${columns.join('_')}_idx`)
      .on('alert_events')
      .columns(columns)
      .execute();
  }

  // Events refused as invalid, so the integration's page can say why; the last 100 are kept.
  await db.schema
    .createTable('integration_rejections')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('integration_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('integration_rejections_pk', ['engagement_id', 'id'])
    .addForeignKeyConstraint(
      'integration_rejections_integration_fk',
      ['engagement_id', 'integration_id'],
      'integrations',
      ['engagement_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('integration_rejections_received_idx')
    .on('integration_rejections')
    .columns(['engagement_id', 'integration_id', 'received_at'])
    .execute();
}
