import { uuidv7 } from 'uuidv7';
import { mappingErrors } from '../../domain/alerts/generic.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { hashSecret, newSecret } from '../../platform/auth/secret.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import { type Addresses, snippetsOf, toIntegration } from './presenter.ts';
import type { IntegrationRateLimit } from './rate-limit.ts';
import type {
  CreateIntegrationBody,
  Integration,
  IntegrationDetail,
  UpdateIntegrationBody,
} from './schema.ts';
import * as store from './store.ts';
import type { IntegrationRow, IntegrationsTable } from './tables.ts';

/** PagerDuty's per-routing-key rate. */
export const DEFAULT_RATE_PER_MINUTE = 120;
const RECENT_EVENTS = 25;

/** A new key and what is stored of it: its hash and its last four characters. */
export function freshKey() {
  const key = newSecret('tdi_');
  return { key, key_hash: hashSecret(key), key_hint: `…${key.slice(-4)}` };
}

/** E-mail address tokens: lowercase (mail systems fold case), unguessable. */
export function emailToken(): string {
  return `alerts-${newSecret()
    .slice(0, 16)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
}

/** Integrations of an engagement: create (the key shown once), list, read, change, rotate the key. */
export function createIntegrations(
  { db, now }: Pick<PlatformDeps, 'db' | 'now'>,
  at: Addresses,
  limit: IntegrationRateLimit,
) {
  async function createIntegration(actor: Actor, engagementId: string, body: CreateIntegrationBody) {
    authorize(actor, 'integration.manage', engagementId);
    checkMapping(body.type, body.mapping);
    const { key, ...stored } = freshKey();
    const stamp = now().toISOString();
    const row: IntegrationsTable = {
      engagement_id: engagementId,
      id: uuidv7(),
      name: body.name.trim(),
      type: body.type,
      ...stored,
      email_token: body.type === 'email' ? emailToken() : null,
      defaults: JSON.stringify(body.defaults ?? {}),
      mapping: body.mapping ? JSON.stringify(body.mapping) : null,
      rate_per_minute: body.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE,
      disabled: 0,
      created_by: actor.userId,
      created_at: stamp,
      updated_at: stamp,
    };
    await db.transaction().execute(async (trx) => {
      await store.insertIntegration(trx, row);
      await recordAudit(trx, actor, audited('integration.created', row), now());
    });
    return { ...toIntegration(row, at, key), key };
  }

  async function listIntegrations(actor: Actor, engagementId: string): Promise<Integration[]> {
    authorize(actor, 'integration.read', engagementId);
    return (await store.listIntegrations(db, engagementId)).map((row) => toIntegration(row, at));
  }

  async function getIntegration(
    actor: Actor,
    engagementId: string,
    integrationId: string,
  ): Promise<IntegrationDetail> {
    authorize(actor, 'integration.read', engagementId);
    const row = await found(engagementId, integrationId);
    const [events, rejections] = await Promise.all([
      store.recentEvents(db, engagementId, integrationId, RECENT_EVENTS),
      store.recentRejections(db, engagementId, integrationId, RECENT_EVENTS),
    ]);
    const recentEvents = [
      ...events.map((e) => ({
        id: e.id,
        receivedAt: e.received_at,
        action: e.action,
        dedupKey: e.dedup_key,
        outcome: e.outcome,
        reason: e.reason,
        alertId: e.alert_id,
      })),
      ...rejections.map((r) => ({
        id: r.id,
        receivedAt: r.received_at,
        action: actionOf(r.payload),
        dedupKey: null,
        outcome: 'rejected' as const,
        reason: (JSON.parse(r.errors) as string[]).join('; '),
        alertId: null,
      })),
    ]
      .sort((a, b) =>
        a.receivedAt === b.receivedAt ? b.id.localeCompare(a.id) : b.receivedAt.localeCompare(a.receivedAt),
      )
      .slice(0, RECENT_EVENTS);
    return { ...toIntegration(row, at), snippets: snippetsOf(row, at), recentEvents };
  }

  async function updateIntegration(
    actor: Actor,
    engagementId: string,
    integrationId: string,
    body: UpdateIntegrationBody,
  ): Promise<Integration> {
    authorize(actor, 'integration.manage', engagementId);
    const before = await found(engagementId, integrationId);
    checkMapping(before.type, body.mapping);
    const changes: Partial<IntegrationsTable> = { updated_at: now().toISOString() };
    if (body.name !== undefined) changes.name = body.name.trim();
    if (body.defaults !== undefined) changes.defaults = JSON.stringify(body.defaults);
    if (body.mapping !== undefined) changes.mapping = JSON.stringify(body.mapping);
    if (body.ratePerMinute !== undefined) changes.rate_per_minute = body.ratePerMinute;
    if (body.disabled !== undefined) changes.disabled = body.disabled ? 1 : 0;
    const after = { ...before, ...changes };
    await db.transaction().execute(async (trx) => {
      await store.updateIntegration(trx, engagementId, integrationId, changes);
      await recordAudit(
        trx,
        actor,
        { ...audited('integration.updated', after), before: withoutKey(before) },
        now(),
      );
    });
    limit.forget(integrationId);
    return toIntegration(after, at);
  }

  /** A new key; the old one stops working with this commit. */
  async function rotateKey(actor: Actor, engagementId: string, integrationId: string) {
    authorize(actor, 'integration.manage', engagementId);
    const before = await found(engagementId, integrationId);
    const { key, ...stored } = freshKey();
    const changes = { ...stored, updated_at: now().toISOString() };
    await db.transaction().execute(async (trx) => {
      await store.updateIntegration(trx, engagementId, integrationId, changes);
      await recordAudit(trx, actor, audited('integration.key_rotated', { ...before, ...changes }), now());
    });
    limit.forget(integrationId);
    return { ...toIntegration({ ...before, ...changes }, at, key), key };
  }

  async function found(engagementId: string, integrationId: string): Promise<IntegrationRow> {
    const row = await store.findIntegration(db, engagementId, integrationId);
    if (!row) throw new NotFound();
    return row;
  }

  return { createIntegration, listIntegrations, getIntegration, updateIntegration, rotateKey };
}

function checkMapping(type: string, mapping: CreateIntegrationBody['mapping']) {
  if (mapping === undefined) return;
  if (type !== 'generic_json') {
    throw new Invalid('Only a generic JSON integration takes a field mapping.', [
      { path: '/mapping', message: 'is only for type generic_json' },
    ]);
  }
  const errors = mappingErrors(mapping);
  if (errors.length > 0) throw new Invalid('The mapping has fields that are not JSON Pointers.', errors);
}

function withoutKey(row: IntegrationsTable) {
  const { key_hash: _hash, ...rest } = row;
  return rest;
}

function audited(action: string, row: IntegrationsTable) {
  return {
    engagementId: row.engagement_id,
    action,
    targetType: 'integration',
    targetId: row.id,
    after: withoutKey(row),
  };
}

function actionOf(payload: string): string {
  try {
    const body = JSON.parse(payload) as { event_action?: unknown };
    return typeof body?.event_action === 'string' ? body.event_action : 'event';
  } catch {
    return 'event';
  }
}
