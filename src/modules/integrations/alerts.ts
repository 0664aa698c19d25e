import type { Actor } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { toAlert, toAlertDetail } from './presenter.ts';
import type { AlertDetail, AlertQuery } from './schema.ts';
import * as store from './store.ts';

/** Reading alerts: newest activity first, filtered by status, incident or integration. */
export function createAlertReads({ db }: Pick<PlatformDeps, 'db'>) {
  async function listAlerts(actor: Actor, engagementId: string, query: AlertQuery) {
    authorize(actor, 'alert.read', engagementId);
    const limit = query.limit ?? 50;
    const rows = await store.listAlerts(db, {
      engagementId,
      statuses: query.status,
      incidentId: query.incidentId,
      integrationId: query.integrationId,
      after: decodeCursor(query.cursor) ?? undefined,
      limit,
    });
    return pageOf(rows, limit, toAlert, (row) => [row.last_at, row.id]);
  }

  async function getAlert(actor: Actor, engagementId: string, alertId: string): Promise<AlertDetail> {
    authorize(actor, 'alert.read', engagementId);
    const row = await store.findAlert(db, engagementId, alertId);
    if (!row) throw new NotFound();
    return toAlertDetail(row, await store.eventsOfAlert(db, engagementId, alertId));
  }

  return { listAlerts, getAlert };
}
