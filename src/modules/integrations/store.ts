import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { after, type KeysetColumn } from '../../platform/db/keyset.ts';
import type {
  AlertEventsTable,
  AlertsTable,
  IntegrationRejectionsTable,
  IntegrationsTable,
} from './tables.ts';

/** Rejections kept per integration: enough to see a pattern, bounded against a noisy sender. */
export const KEPT_REJECTIONS = 100;

export function findIntegrationByKeyHash(db: Db, keyHash: string) {
  return db.selectFrom('integrations').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
}

export function findIntegrationByEmailToken(db: Db, token: string) {
  return db.selectFrom('integrations').selectAll().where('email_token', '=', token).executeTakeFirst();
}

export function findIntegration(db: Db, engagementId: string, integrationId: string) {
  return db
    .selectFrom('integrations')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', integrationId)
    .executeTakeFirst();
}

export function findTandemIntegration(db: Db, engagementId: string) {
  return db
    .selectFrom('integrations')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('type', '=', 'tandem')
    .executeTakeFirst();
}

/** The integrations people set up (the built-in Tandem one is listed too: it raises alerts). */
export function listIntegrations(db: Db, engagementId: string) {
  return db
    .selectFrom('integrations')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function insertIntegration(db: Db, row: IntegrationsTable): Promise<void> {
  await db.insertInto('integrations').values(row).execute();
}

export async function updateIntegration(
  db: Db,
  engagementId: string,
  integrationId: string,
  changes: Partial<IntegrationsTable>,
): Promise<void> {
  await db
    .updateTable('integrations')
    .set(changes)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', integrationId)
    .execute();
}

export function findOpenAlert(db: Db, engagementId: string, integrationId: string, dedupKey: string) {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('integration_id', '=', integrationId)
    .where('dedup_key', '=', dedupKey)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
}

/** The key's latest alerts, newest first: flap damping and the key's latest incident. */
export function keyHistory(
  db: Db,
  engagementId: string,
  integrationId: string,
  dedupKey: string,
  limit: number,
) {
  return db
    .selectFrom('alerts')
    .select(['id', 'first_at', 'last_at', 'flapping', 'incident_id', 'resolved_at'])
    .where('engagement_id', '=', engagementId)
    .where('integration_id', '=', integrationId)
    .where('dedup_key', '=', dedupKey)
    .orderBy('first_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Open incidents fed by this integration, each with its latest alert: grouping candidates. */
export function recentIncidentAlerts(db: Db, engagementId: string, integrationId: string, since: string) {
  return db
    .selectFrom('alerts')
    .select(['incident_id', 'source', 'component', 'function_key', 'last_at'])
    .where('engagement_id', '=', engagementId)
    .where('integration_id', '=', integrationId)
    .where('incident_id', 'is not', null)
    .where('last_at', '>=', since)
    .orderBy('last_at', 'desc')
    .limit(200)
    .execute();
}

export async function insertAlert(db: Db, row: AlertsTable): Promise<void> {
  await db.insertInto('alerts').values(row).execute();
}

export async function updateAlert(
  db: Db,
  engagementId: string,
  alertId: string,
  changes: Partial<AlertsTable>,
): Promise<void> {
  await db
    .updateTable('alerts')
    .set(changes)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', alertId)
    .execute();
}

export async function countOpenAlerts(db: Db, engagementId: string, incidentId: string) {
  const rows = await db
    .selectFrom('alerts')
    .select(['status'])
    .where('engagement_id', '=', engagementId)
    .where('incident_id', '=', incidentId)
    .where('resolved_at', 'is', null)
    .execute();
  return { open: rows.length, triggered: rows.filter((r) => r.status === 'triggered').length };
}

export function openAlertsOfIncident(db: Db, engagementId: string, incidentId: string) {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('incident_id', '=', incidentId)
    .where('resolved_at', 'is', null)
    .execute();
}

export async function alertCounts(db: Db, engagementIds: readonly string[], incidentIds: readonly string[]) {
  if (engagementIds.length === 0 || incidentIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('alerts')
    .select(['incident_id', sql<number>`count(*)`.as('n')])
    .where('engagement_id', 'in', engagementIds)
    .where('incident_id', 'in', incidentIds)
    .groupBy('incident_id')
    .execute();
  return new Map(rows.map((r) => [r.incident_id!, Number(r.n)]));
}

export async function insertEvent(db: Db, row: AlertEventsTable): Promise<void> {
  await db.insertInto('alert_events').values(row).execute();
}

export async function hasEvent(db: Db, engagementId: string, integrationId: string, idempotencyKey: string) {
  const row = await db
    .selectFrom('alert_events')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .where('integration_id', '=', integrationId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a resolve of this episode of the key was received, applied or dropped. */
export async function episodeResolved(
  db: Db,
  engagementId: string,
  integrationId: string,
  dedupKey: string,
  episode: string,
) {
  const row = await db
    .selectFrom('alert_events')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .where('integration_id', '=', integrationId)
    .where('dedup_key', '=', dedupKey)
    .where('episode', '=', episode)
    .where('action', '=', 'resolve')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRejection(db: Db, row: IntegrationRejectionsTable): Promise<void> {
  await db.insertInto('integration_rejections').values(row).execute();
  const keep = db
    .selectFrom('integration_rejections')
    .select('id')
    .where('engagement_id', '=', row.engagement_id)
    .where('integration_id', '=', row.integration_id)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(KEPT_REJECTIONS);
  await db
    .deleteFrom('integration_rejections')
    .where('engagement_id', '=', row.engagement_id)
    .where('integration_id', '=', row.integration_id)
    .where('id', 'not in', keep)
    .execute();
}

export function recentEvents(db: Db, engagementId: string, integrationId: string, limit: number) {
  return db
    .selectFrom('alert_events')
    .select(['id', 'received_at', 'action', 'dedup_key', 'outcome', 'reason', 'alert_id'])
    .where('engagement_id', '=', engagementId)
    .where('integration_id', '=', integrationId)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function recentRejections(db: Db, engagementId: string, integrationId: string, limit: number) {
  return db
    .selectFrom('integration_rejections')
    .select(['id', 'received_at', 'errors', 'payload'])
    .where('engagement_id', '=', engagementId)
    .where('integration_id', '=', integrationId)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export const ALERT_ORDER: readonly KeysetColumn[] = [
  { ref: 'alerts.last_at', direction: 'desc' },
  { ref: 'alerts.id', direction: 'desc' },
];

function alertsWithIntegration(db: Db) {
  return db
    .selectFrom('alerts')
    .innerJoin('integrations', (join) =>
      join
        .onRef('integrations.engagement_id', '=', 'alerts.engagement_id')
        .onRef('integrations.id', '=', 'alerts.integration_id'),
    )
    .selectAll('alerts')
    .select('integrations.name as integration_name');
}
export type AlertListRow = Awaited<ReturnType<typeof findAlert>> & {};

export function findAlert(db: Db, engagementId: string, alertId: string) {
  return alertsWithIntegration(db)
    .where('alerts.engagement_id', '=', engagementId)
    .where('alerts.id', '=', alertId)
    .executeTakeFirst();
}

export interface AlertFilter {
  readonly engagementId: string;
  readonly statuses?: readonly string[];
  readonly incidentId?: string;
  readonly integrationId?: string;
  readonly after?: readonly (string | number)[];
  readonly limit: number;
}

export function listAlerts(db: Db, f: AlertFilter) {
  let query = alertsWithIntegration(db).where('alerts.engagement_id', '=', f.engagementId);
  if (f.statuses?.length) query = query.where('alerts.status', 'in', f.statuses as AlertsTable['status'][]);
  if (f.incidentId) query = query.where('alerts.incident_id', '=', f.incidentId);
  if (f.integrationId) query = query.where('alerts.integration_id', '=', f.integrationId);
  if (f.after) {
    const position = f.after;
    query = query.where((eb) => after(eb, ALERT_ORDER, position));
  }
  for (const column of ALERT_ORDER) query = query.orderBy(sql.ref(column.ref), column.direction);
  return query.limit(f.limit + 1).execute();
}

export function eventsOfAlert(db: Db, engagementId: string, alertId: string) {
  return db
    .selectFrom('alert_events')
    .select(['id', 'action', 'received_at', 'outcome', 'reason', 'payload'])
    .where('engagement_id', '=', engagementId)
    .where('alert_id', '=', alertId)
    .orderBy('received_at')
    .orderBy('id')
    .limit(500)
    .execute();
}
