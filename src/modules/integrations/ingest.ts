import { randomUUID } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { webhookSignals } from '../../domain/alerts/alertmanager.ts';
import { emailSignal } from '../../domain/alerts/email.ts';
import { type FieldMapping, genericSignal } from '../../domain/alerts/generic.ts';
import {
  alertSignal,
  type Checked,
  checkAlertEvent,
  checkChangeEvent,
  routingKeyOf,
} from '../../domain/alerts/pagerduty.ts';
import type { Signal } from '../../domain/alerts/signal.ts';
import { SYSTEM } from '../../platform/access/actor.ts';
import { loadActor } from '../../platform/auth/actor-loader.ts';
import { hashSecret } from '../../platform/auth/secret.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { ChangeService } from '../changes/service.ts';
import type { Applied, createAlertApplier } from './apply.ts';
import type { IngestBatcher } from './batcher.ts';
import type { InboundAlertEmail } from './module.ts';
import type { IntegrationRateLimit } from './rate-limit.ts';
import * as store from './store.ts';
import type { IntegrationRow, IntegrationType } from './tables.ts';

/** An ingest route's answer: a status and PagerDuty's JSON body. */
export type IngestAnswer =
  | { readonly status: 202; readonly body: Record<string, unknown> }
  | {
      readonly status: 400 | 404 | 429 | 503;
      readonly body: Record<string, unknown>;
      readonly retryAfter?: number;
    };

export const INVALID = (errors: readonly string[]): IngestAnswer => ({
  status: 400,
  body: { status: 'invalid event', message: 'Event object is invalid', errors },
});
const UNKNOWN_KEY: IngestAnswer = {
  status: 404,
  body: { status: 'not found', message: 'No integration has this key (or it is disabled)' },
};
const throttled = (retryAfter: number): IngestAnswer => ({
  status: 429,
  body: {
    status: 'throttle event',
    message: 'Requests for this service are arriving too quickly.  Please retry later.',
  },
  retryAfter,
});

export interface IngestParts {
  readonly applier: ReturnType<typeof createAlertApplier>;
  readonly batcher: IngestBatcher;
  readonly limit: IntegrationRateLimit;
  readonly changes: ChangeService;
  readonly mailDomain: string;
  readonly publish: (applied: readonly Applied[]) => Promise<void>;
}

/**
 * The ingest routes' use cases: find the integration by its key, hold it to its rate, check the
 * event, and apply it through the group-commit batcher. Invalid events are kept (the last 100)
 * so the integration's page can say why they were refused.
 */
export function createIngest({ db, now }: Pick<PlatformDeps, 'db' | 'now'>, parts: IngestParts) {
  async function byKey(key: string | null, types: readonly IntegrationType[]) {
    if (key === null) return undefined;
    const row = await store.findIntegrationByKeyHash(db, hashSecret(key));
    return row && row.disabled === 0 && types.includes(row.type) ? row : undefined;
  }

  async function reject(
    integration: IntegrationRow,
    errors: readonly string[],
    payload: unknown,
  ): Promise<IngestAnswer> {
    await db.transaction().execute((trx) =>
      store.insertRejection(trx, {
        engagement_id: integration.engagement_id,
        id: uuidv7(),
        integration_id: integration.id,
        received_at: now().toISOString(),
        errors: JSON.stringify(errors),
        payload: JSON.stringify(payload ?? null).slice(0, 20_000),
      }),
    );
    return INVALID(errors);
  }

  async function applyAll(integration: IntegrationRow, signals: readonly Signal[], payload: unknown) {
    const receivedAt = now();
    const applied = await parts.batcher.submit(async (trx) => {
      const out: Applied[] = [];
      for (const signal of signals)
        out.push(await parts.applier.apply(trx, integration, signal, payload, receivedAt));
      return out;
    });
    await parts.publish(applied);
    return applied;
  }

  function throttle(integration: IntegrationRow): IngestAnswer | null {
    const taken = parts.limit.take(integration.id, integration.rate_per_minute, now());
    return taken.ok ? null : throttled(taken.retryAfterSeconds);
  }

  /** `POST /v2/enqueue`: PagerDuty answers an unknown routing key with 400, and so do we. */
  async function enqueue(body: unknown): Promise<IngestAnswer> {
    const integration = await byKey(routingKeyOf(body), ['pagerduty_v2']);
    const checked = checkAlertEvent(body);
    if (!integration) return INVALID(checked.ok ? ['Invalid routing key'] : checked.errors);
    const refused = throttle(integration);
    if (refused) return refused;
    if (!checked.ok) return reject(integration, checked.errors, body);
    const [applied] = await applyAll(integration, [alertSignal(checked.value, now(), randomUUID())], body);
    return {
      status: 202,
      body: { status: 'success', message: 'Event processed', dedup_key: applied!.dedupKey },
    };
  }

  /** `POST /v2/change/enqueue`: a change onto the change calendar. */
  async function enqueueChange(body: unknown): Promise<IngestAnswer> {
    const integration = await byKey(routingKeyOf(body), ['pagerduty_v2']);
    const checked = checkChangeEvent(body);
    if (!integration) return INVALID(checked.ok ? ['Invalid routing key'] : checked.errors);
    const refused = throttle(integration);
    if (refused) return refused;
    if (!checked.ok) return reject(integration, checked.errors, body);
    const event = checked.value;
    // A ticket names the person it was opened by; an integration's changes are opened as the
    // person who set the integration up, on this engagement only.
    const actor = integration.created_by
      ? await loadActor(db, integration.created_by, {
          id: `integration:${integration.id}`,
          role: null,
          engagementIds: [integration.engagement_id],
        })
      : null;
    const changeId = await parts.batcher.submit((trx) =>
      parts.changes.recordExternalChangeIn(trx, actor ?? SYSTEM, {
        engagementId: integration.engagement_id,
        summary: event.summary,
        at: event.timestamp ?? now(),
        source: event.source ?? integration.name,
        links: event.links,
        details: event.customDetails,
      }),
    );
    await parts.publish([
      {
        outcome: 'accepted',
        reason: null,
        dedupKey: '',
        alertId: null,
        notices: [{ engagementId: integration.engagement_id, type: 'ticket.created', id: changeId }],
      },
    ]);
    return { status: 202, body: { status: 'success', message: 'Change event processed' } };
  }

  const WEBHOOK_TYPES = {
    alertmanager: 'alertmanager',
    grafana: 'grafana',
    generic: 'generic_json',
  } as const;

  /** `POST /integrations/{alertmanager|grafana|generic}/{key}`: an unknown key is a plain 404. */
  async function webhook(
    kind: keyof typeof WEBHOOK_TYPES,
    key: string,
    body: unknown,
  ): Promise<IngestAnswer> {
    const integration = await byKey(key, [WEBHOOK_TYPES[kind]]);
    if (!integration) return UNKNOWN_KEY;
    const refused = throttle(integration);
    if (refused) return refused;
    const checked: Checked<Signal[]> =
      kind === 'generic'
        ? oneOf(genericSignal(body, mappingOf(integration), now(), randomUUID()))
        : webhookSignals(body, now());
    if (!checked.ok) return reject(integration, checked.errors, body);
    const applied = await applyAll(integration, checked.value, body);
    const keys = applied.map((a) => a.dedupKey);
    return {
      status: 202,
      body: {
        status: 'success',
        message: 'Event processed',
        ...(keys[0] ? { dedup_key: keys[0] } : {}),
        ...(kind === 'generic' ? {} : { dedup_keys: keys }),
      },
    };
  }

  /** An e-mail to `<token>@<mail domain>`: the first recipient that names an e-mail integration. */
  async function receiveEmail(message: InboundAlertEmail) {
    const domain = `@${parts.mailDomain.toLowerCase()}`;
    for (const address of message.to) {
      // A bare address or `Name <address>`, as mail headers write it.
      const lower = (/<([^>]+)>/.exec(address)?.[1] ?? address).trim().toLowerCase();
      if (!lower.endsWith(domain)) continue;
      const integration = await store.findIntegrationByEmailToken(db, lower.slice(0, -domain.length));
      if (integration?.type !== 'email' || integration.disabled === 1) continue;
      if (throttle(integration))
        return { accepted: false, reason: 'too many messages for this integration; retry later' };
      const signal = emailSignal({
        subject: message.subject,
        text: message.text,
        from: message.from,
        receivedAt: message.receivedAt,
      });
      const [applied] = await applyAll(integration, [signal], {
        from: message.from,
        subject: message.subject,
        messageId: message.messageId,
      });
      return applied!.outcome === 'dropped'
        ? { accepted: true, reason: applied!.reason ?? undefined }
        : { accepted: true };
    }
    return { accepted: false, reason: 'no e-mail integration has this address' };
  }

  return { enqueue, enqueueChange, webhook, receiveEmail };
}

function mappingOf(integration: IntegrationRow): FieldMapping {
  return integration.mapping ? (JSON.parse(integration.mapping) as FieldMapping) : {};
}

function oneOf(checked: Checked<Signal>): Checked<Signal[]> {
  return checked.ok ? { ok: true, value: [checked.value] } : checked;
}
