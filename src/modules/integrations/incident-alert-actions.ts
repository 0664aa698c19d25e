import { uuidv7 } from 'uuidv7';
import type { Signal } from '../../domain/alerts/signal.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { createAlertApplier } from './apply.ts';
import type { IncidentAlerts, SystemAlert } from './incident-alerts.ts';
import { DEFAULT_RATE_PER_MINUTE, freshKey } from './integrations.ts';
import * as store from './store.ts';
import type { IntegrationRow } from './tables.ts';

/** The alerts of an incident as the incidents module acts on them, in its transaction. */
export function createIncidentAlerts(applier: ReturnType<typeof createAlertApplier>): IncidentAlerts {
  async function acknowledgeAll(trx: Trx, engagementId: string, incidentId: string, at: Date) {
    for (const alert of await store.openAlertsOfIncident(trx, engagementId, incidentId)) {
      if (alert.status !== 'triggered') continue;
      await store.updateAlert(trx, engagementId, alert.id, {
        status: 'acknowledged',
        acknowledged_at: at.toISOString(),
      });
    }
  }

  async function resolveAll(trx: Trx, engagementId: string, incidentId: string, at: Date) {
    for (const alert of await store.openAlertsOfIncident(trx, engagementId, incidentId)) {
      await store.updateAlert(trx, engagementId, alert.id, {
        status: 'resolved',
        resolved_at: at.toISOString(),
      });
    }
  }

  async function raiseSystemAlert(trx: Trx, alert: SystemAlert) {
    const integration = await tandemIntegration(trx, alert.engagementId, alert.at);
    const signal: Signal = {
      action: 'trigger',
      dedupKey: alert.dedupKey,
      summary: alert.summary,
      severity: alert.severity,
      source: 'Tandem',
      component: null,
      group: null,
      class: null,
      customDetails: alert.customDetails ?? null,
      links: [],
      images: [],
      at: alert.at,
      episode: null,
      idempotencyKey: null,
      functionKey: null,
      track: null,
    };
    await applier.apply(trx, integration, signal, { ...alert, at: alert.at.toISOString() }, alert.at);
  }

  async function countByIncident(db: Db, engagementIds: readonly string[], incidentIds: readonly string[]) {
    return store.alertCounts(db, engagementIds, incidentIds);
  }

  return { acknowledgeAll, resolveAll, raiseSystemAlert, countByIncident };
}

/** The engagement's built-in "Tandem" integration, made on first use. Its key is never shown. */
async function tandemIntegration(trx: Trx, engagementId: string, at: Date): Promise<IntegrationRow> {
  const existing = await store.findTandemIntegration(trx, engagementId);
  if (existing) return existing;
  const { key: _unused, ...stored } = freshKey();
  const row = {
    engagement_id: engagementId,
    id: uuidv7(),
    name: 'Tandem',
    type: 'tandem' as const,
    ...stored,
    email_token: null,
    defaults: JSON.stringify({}),
    mapping: null,
    rate_per_minute: DEFAULT_RATE_PER_MINUTE,
    disabled: 0,
    created_by: null,
    created_at: at.toISOString(),
    updated_at: at.toISOString(),
  };
  // Two processes racing here: the unique index refuses the second, whose caller retries.
  await store.insertIntegration(trx, row);
  return row;
}
