import type { Db, Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import type { IncidentAlerts } from '../integrations/incident-alerts.ts';
import type { DeliveryReport } from './desk.ts';
import type { Escalator } from './escalator.ts';
import * as store from './store.ts';

export const WATCHDOG_JOB = 'escalation.watchdog';
const EVERY_MS = 60_000;
/** A step this late with no timer armed for it has stopped moving. */
const GRACE_MS = 2 * 60_000;

/**
 * Arms the watchdog once across all processes (the dedupe key keeps one). Called whenever an
 * escalation starts, so it runs while there is something to watch without a boot hook.
 */
export async function armWatchdog(trx: Db, now: Date, delayMs = EVERY_MS) {
  await enqueueJob(
    trx,
    { kind: WATCHDOG_JOB, payload: {}, runAt: new Date(now.getTime() + delayMs), dedupeKey: WATCHDOG_JOB },
    now,
  );
}

/**
 * Finds running escalations whose next step is overdue with no timer pending (a lost job, a
 * step that failed for good): flags it on the timeline, raises a Tandem alert, re-arms it.
 */
export function createWatchdog(
  { db, now }: Pick<PlatformDeps, 'db' | 'now'>,
  escalator: Escalator,
  alerts: () => IncidentAlerts,
) {
  async function onWatch(): Promise<void> {
    const at = now();
    const overdue = await store.overdueEscalations(db, new Date(at.getTime() - GRACE_MS).toISOString());
    for (const candidate of overdue) {
      await db.transaction().execute(async (trx) => {
        const esc = await store.lockEscalation(trx, candidate.engagement_id, candidate.id);
        if (esc?.state !== 'running' || esc.next_at !== candidate.next_at) return;
        if (await timerPending(trx, esc.id)) return;
        const reason = `the step due at ${esc.next_at} did not fire; re-armed`;
        await escalator.note(trx, esc, 'escalation_stalled', { reason });
        await alerts().raiseSystemAlert(trx, {
          engagementId: esc.engagement_id,
          dedupKey: `escalation-stalled:${esc.id}`,
          summary: `Escalation of “${esc.policy_name}” stopped moving: ${reason}`,
          severity: 'critical',
          customDetails: { escalationId: esc.id, incidentId: esc.ticket_id, level: esc.level },
          at,
        });
        const rearmed = { ...esc, next_at: at.toISOString() };
        await store.updateEscalation(trx, esc.engagement_id, esc.id, { next_at: rearmed.next_at });
        await escalator.arm(trx, rearmed);
      });
    }
    await db.transaction().execute(async (trx) => {
      if (await store.anyRunning(trx)) await armWatchdog(trx, at);
    });
  }

  /** A page's delivery, on the incident's timeline; a delivery that gave up raises an alert. */
  async function record(trx: Trx, report: DeliveryReport): Promise<void> {
    const page = await store.findPage(trx, report.engagementId, report.pageId);
    if (!page) return;
    const esc = await store.findEscalation(trx, report.engagementId, page.escalation_id);
    if (!esc) return;
    const [user] = await store.userNames(trx, [page.user_id]);
    const userName = user?.name ?? 'a former member';
    await escalator.note(trx, esc, 'page_delivery', {
      pageId: page.id,
      userName,
      channel: report.channel,
      target: report.target,
      outcome: report.outcome,
      error: report.error ?? null,
    });
    if (report.outcome !== 'failed') return;
    // One alert per person and channel: repeated failures re-trigger it instead of piling up.
    await alerts().raiseSystemAlert(trx, {
      engagementId: report.engagementId,
      dedupKey: `page-delivery-failed:${page.user_id}:${report.channel}`,
      summary: `A page to ${userName} could not be delivered by ${report.channel}`,
      severity: 'error',
      customDetails: {
        pageId: page.id,
        escalationId: esc.id,
        incidentId: esc.ticket_id,
        error: report.error,
      },
      at: report.at,
    });
  }

  return { onWatch, record };
}

async function timerPending(trx: Db, escalationId: string) {
  const job = await trx
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', `escalation:${escalationId}`)
    .where('state', 'in', ['pending', 'running'])
    .executeTakeFirst();
  return job !== undefined;
}
