import { uuidv7 } from 'uuidv7';
import { FLAP_HISTORY, isFlapping } from '../../domain/alerts/flapping.ts';
import { type Placement, placeAlert } from '../../domain/alerts/grouping.ts';
import { type Decision, decide, laterEpisode } from '../../domain/alerts/lifecycle.ts';
import {
  functionOf,
  type IntegrationDefaults,
  priorityOf,
  trackOf,
} from '../../domain/alerts/routing-defaults.ts';
import type { Signal } from '../../domain/alerts/signal.ts';
import { hashSecret } from '../../platform/auth/secret.ts';
import type { BusEvent } from '../../platform/bus/bus.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { AlertNote, IncidentDesk } from '../incidents/desk.ts';
import * as store from './store.ts';
import type { AlertsTable, EventOutcome, IntegrationRow } from './tables.ts';

/** What came of one event, for the sender's answer and the live views. */
export interface Applied {
  readonly outcome: EventOutcome;
  readonly reason: string | null;
  readonly dedupKey: string;
  readonly alertId: string | null;
  /** Published after the transaction commits. */
  readonly notices: readonly BusEvent[];
}

type OpenAlert = NonNullable<Awaited<ReturnType<typeof store.findOpenAlert>>>;

/**
 * Applies one event in the caller's transaction: the event row, the alert, and the incident
 * desk's side (open, note, acknowledged, resolved) change together or not at all.
 */
export function createAlertApplier(desk: () => IncidentDesk) {
  async function apply(
    trx: Trx,
    integration: IntegrationRow,
    signal: Signal,
    payload: unknown,
    receivedAt: Date,
  ): Promise<Applied> {
    const { engagement_id: engagementId, id: integrationId } = integration;
    const idempotencyKey = signal.idempotencyKey ? hashSecret(signal.idempotencyKey) : null;
    const duplicate =
      idempotencyKey !== null && (await store.hasEvent(trx, engagementId, integrationId, idempotencyKey));
    const open = duplicate
      ? undefined
      : await store.findOpenAlert(trx, engagementId, integrationId, signal.dedupKey);
    const episodeResolved =
      !duplicate &&
      signal.action === 'trigger' &&
      signal.episode !== null &&
      (await store.episodeResolved(trx, engagementId, integrationId, signal.dedupKey, signal.episode));
    const decision = decide({
      open: open ? { id: open.id, status: open.status, episode: open.episode } : null,
      signal,
      duplicate,
      episodeResolved,
    });
    if (decision.kind === 'deduplicated') {
      return {
        outcome: 'deduplicated',
        reason: 'already received',
        dedupKey: signal.dedupKey,
        alertId: null,
        notices: [],
      };
    }
    const notices: BusEvent[] = [];
    const alertId = await act(trx, integration, signal, decision, open, receivedAt, notices);
    const outcome: EventOutcome = decision.kind === 'drop' ? 'dropped' : 'accepted';
    const reason = decision.kind === 'drop' ? decision.reason : null;
    await store.insertEvent(trx, {
      engagement_id: engagementId,
      id: uuidv7(),
      integration_id: integrationId,
      alert_id: alertId,
      received_at: receivedAt.toISOString(),
      action: signal.action,
      dedup_key: signal.dedupKey,
      outcome,
      reason,
      idempotency_key: idempotencyKey,
      episode: signal.episode,
      payload: JSON.stringify(payload ?? null),
    });
    return { outcome, reason, dedupKey: signal.dedupKey, alertId, notices };
  }

  async function act(
    trx: Trx,
    integration: IntegrationRow,
    signal: Signal,
    decision: Exclude<Decision, { kind: 'deduplicated' }>,
    open: OpenAlert | undefined,
    at: Date,
    notices: BusEvent[],
  ): Promise<string | null> {
    const engagementId = integration.engagement_id;
    const stamp = at.toISOString();
    const announce = (type: string, id: string) => notices.push({ engagementId, type, id });
    switch (decision.kind) {
      case 'drop':
        return null;
      case 'create':
        return createAlert(trx, integration, signal, at, notices);
      case 'retrigger': {
        await store.updateAlert(trx, engagementId, open!.id, {
          event_count: open!.event_count + 1,
          last_at: stamp,
          summary: signal.summary,
          severity: signal.severity,
          episode: laterEpisode(open!.episode, signal.episode),
        });
        await noteIncident(trx, open!, 'alert_retriggered', at, notices);
        announce('alert.updated', open!.id);
        return open!.id;
      }
      case 'acknowledge': {
        await store.updateAlert(trx, engagementId, open!.id, {
          status: 'acknowledged',
          acknowledged_at: stamp,
          last_at: stamp,
          event_count: open!.event_count + 1,
        });
        await noteIncident(trx, open!, 'alert_acknowledged', at, notices);
        if (open!.incident_id) {
          const left = await store.countOpenAlerts(trx, engagementId, open!.incident_id);
          if (left.triggered === 0) await desk().alertsAcknowledged(trx, engagementId, open!.incident_id, at);
        }
        announce('alert.updated', open!.id);
        return open!.id;
      }
      case 'resolve': {
        await store.updateAlert(trx, engagementId, open!.id, {
          status: 'resolved',
          resolved_at: stamp,
          last_at: stamp,
          event_count: open!.event_count + 1,
        });
        await noteIncident(trx, open!, 'alert_resolved', at, notices);
        if (open!.incident_id) {
          const left = await store.countOpenAlerts(trx, engagementId, open!.incident_id);
          if (left.open === 0) await desk().alertsResolved(trx, engagementId, open!.incident_id, at);
        }
        announce('alert.updated', open!.id);
        return open!.id;
      }
    }
  }

  async function noteIncident(
    trx: Trx,
    alert: Pick<AlertsTable, 'engagement_id' | 'id' | 'incident_id' | 'summary' | 'source'>,
    kind: AlertNote['kind'],
    at: Date,
    notices: BusEvent[],
  ) {
    if (!alert.incident_id) return;
    await desk().noteAlert(trx, {
      engagementId: alert.engagement_id,
      incidentId: alert.incident_id,
      alertId: alert.id,
      kind,
      summary: alert.summary,
      source: alert.source,
      at,
    });
    notices.push({ engagementId: alert.engagement_id, type: 'ticket.updated', id: alert.incident_id });
  }

  async function createAlert(
    trx: Trx,
    integration: IntegrationRow,
    signal: Signal,
    at: Date,
    notices: BusEvent[],
  ): Promise<string> {
    const engagementId = integration.engagement_id;
    const defaults = JSON.parse(integration.defaults) as IntegrationDefaults;
    const history = await store.keyHistory(trx, engagementId, integration.id, signal.dedupKey, FLAP_HISTORY);
    const flapping = isFlapping(
      history.map((a) => ({
        firstAt: new Date(a.first_at),
        lastAt: new Date(a.last_at),
        flapping: a.flapping === 1,
        incidentId: a.incident_id,
      })),
      at,
    );
    const row: AlertsTable = {
      engagement_id: engagementId,
      id: uuidv7(),
      integration_id: integration.id,
      dedup_key: signal.dedupKey,
      status: 'triggered',
      summary: signal.summary,
      severity: signal.severity,
      source: signal.source,
      component: signal.component,
      alert_group: signal.group,
      class: signal.class,
      custom_details: JSON.stringify(signal.customDetails ?? null),
      links: JSON.stringify(signal.links),
      images: JSON.stringify(signal.images),
      function_key: functionOf(defaults, signal),
      track: trackOf(defaults, signal),
      incident_id: null,
      event_count: 1,
      flapping: flapping ? 1 : 0,
      episode: signal.episode,
      first_at: at.toISOString(),
      last_at: at.toISOString(),
      acknowledged_at: null,
      resolved_at: null,
    };
    await store.insertAlert(trx, row);
    notices.push({ engagementId, type: 'alert.created', id: row.id });
    const latestIncident = history[0]?.incident_id ?? null;
    // A flapping key pages nobody: its alert joins the key's latest incident, even a resolved one.
    const placement: Placement =
      flapping && latestIncident
        ? { kind: 'join', incidentId: latestIncident, reason: 'flapping' }
        : await placeNewAlert(trx, integration, defaults, row, latestIncident, at);
    if (placement.kind === 'join') {
      await store.updateAlert(trx, engagementId, row.id, { incident_id: placement.incidentId });
      await noteIncident(
        trx,
        { ...row, incident_id: placement.incidentId },
        flapping ? 'alert_flapping' : 'alert_joined',
        at,
        notices,
      );
      return row.id;
    }
    const { incidentId } = await desk().openIncident(trx, {
      engagementId,
      title: row.summary,
      description: incidentDescription(row, integration.name),
      priority: priorityOf(defaults, row.severity),
      severity: row.severity,
      track: row.track === 'security' ? 'security' : 'operations',
      functionKey: row.function_key,
      integration: {
        id: integration.id,
        name: integration.name,
        escalationPolicyId: defaults.escalationPolicyId ?? null,
      },
      alert: { id: row.id, dedupKey: row.dedup_key, source: row.source, summary: row.summary },
      at,
    });
    await store.updateAlert(trx, engagementId, row.id, { incident_id: incidentId });
    notices.push({ engagementId, type: 'ticket.created', id: incidentId });
    return row.id;
  }

  async function placeNewAlert(
    trx: Trx,
    integration: IntegrationRow,
    defaults: IntegrationDefaults,
    alert: AlertsTable,
    latestIncident: string | null,
    at: Date,
  ): Promise<Placement> {
    const engagementId = integration.engagement_id;
    const sameKeyIncident =
      latestIncident && (await desk().isOpen(trx, engagementId, latestIncident)) ? latestIncident : null;
    const rule = defaults.grouping;
    const since = new Date(at.getTime() - (rule?.windowMinutes ?? 0) * 60_000).toISOString();
    const recent =
      rule && !sameKeyIncident
        ? await store.recentIncidentAlerts(trx, engagementId, integration.id, since)
        : [];
    const candidates = [];
    const seen = new Set<string>();
    // Newest first: an incident's first row is its latest alert, the one the window is measured from.
    for (const r of recent) {
      if (!r.incident_id || seen.has(r.incident_id)) continue;
      seen.add(r.incident_id);
      if (await desk().isOpen(trx, engagementId, r.incident_id)) {
        candidates.push({
          incidentId: r.incident_id,
          source: r.source,
          component: r.component,
          functionKey: r.function_key,
          lastAt: new Date(r.last_at),
        });
      }
    }
    return placeAlert({
      sameKeyIncident,
      rule,
      alert: { source: alert.source, component: alert.component, functionKey: alert.function_key },
      candidates,
      now: at,
    });
  }

  return { apply };
}

function incidentDescription(alert: AlertsTable, integrationName: string): string {
  const lines = [
    `Alert from ${integrationName}: ${alert.summary}`,
    '',
    `- Source: ${alert.source}`,
    `- Severity: ${alert.severity}`,
  ];
  if (alert.component) lines.push(`- Component: ${alert.component}`);
  if (alert.class) lines.push(`- Class: ${alert.class}`);
  lines.push(`- Dedup key: ${alert.dedup_key}`);
  return lines.join('\n');
}
