import type { PlatformDeps } from '../../platform/deps.ts';
import type { JobHandler, RunningJob } from '../../platform/jobs/worker.ts';
import type { DeliveryLog, DeliveryReport } from '../incidents/desk.ts';
import type { Channels } from './channels.ts';
import { DELIVERY_ATTEMPTS } from './pager.ts';
import * as store from './store.ts';
import type { OutboxRow, OutboxState } from './tables.ts';
import { PermanentFailure } from './webhook-client.ts';
import type { PageNotice } from './webhook-formats.ts';

const MAX_ERROR_LENGTH = 500;

/**
 * Delivers one outbox row. It re-reads the row, so a delivery sent or cancelled meanwhile is
 * skipped; a failure is recorded and thrown back for the worker to retry with backoff, until
 * the last attempt (or a failure no retry can fix) marks the row failed. Each attempt's outcome
 * reaches the incident's timeline in the same transaction as the row's new state.
 */
export function createDeliveryHandler(
  { db, now, log }: Pick<PlatformDeps, 'db' | 'now' | 'log'>,
  channels: Channels,
  deliveries: () => DeliveryLog,
): JobHandler {
  async function send(row: OutboxRow, notice: PageNotice, at: Date): Promise<void> {
    if (row.channel === 'in_app') return channels.inApp(notice);
    if (row.channel === 'email') return channels.email(row.target, notice, row.id, at);
    const method = row.contact_method_id
      ? await store.contactMethod(db, row.user_id, row.contact_method_id)
      : undefined;
    if (!method) throw new PermanentFailure('The webhook was removed from the person’s contact methods');
    return channels.webhook(method, notice, row.id, at);
  }

  async function settle(row: OutboxRow, state: OutboxState, error: string | null, at: Date): Promise<void> {
    const report: DeliveryReport = {
      engagementId: row.engagement_id,
      pageId: row.page_id,
      channel: row.channel,
      target: shownTarget(row),
      outcome: state === 'sent' ? 'sent' : state === 'failed' ? 'failed' : 'retrying',
      ...(error === null ? {} : { error }),
      at,
    };
    const change = {
      state,
      attempts: row.attempts + 1,
      last_error: error,
      ...(state === 'sent' ? { sent_at: at.toISOString() } : {}),
      updated_at: at.toISOString(),
    };
    try {
      await db.transaction().execute(async (trx) => {
        await store.settleOutbox(trx, row.engagement_id, row.id, change);
        await deliveries().record(trx, report);
      });
    } catch (recordFailure) {
      // The message is out (or failed) either way: a timeline that cannot take the report must
      // not make the job run again and send it twice.
      log.error({ err: recordFailure, outboxId: row.id }, 'Could not record a page delivery on the timeline');
      await store.settleOutbox(db, row.engagement_id, row.id, change);
    }
  }

  return async (job: RunningJob) => {
    const { outboxId } = job.payload as { outboxId?: unknown };
    if (typeof outboxId !== 'string' || !job.engagementId) return;
    const row = await store.outboxRow(db, job.engagementId, outboxId);
    if (row?.state !== 'pending') return;
    const at = now();
    try {
      await send(row, JSON.parse(row.payload) as PageNotice, at);
    } catch (error) {
      const reason = errorText(error);
      const last = error instanceof PermanentFailure || job.attempt >= DELIVERY_ATTEMPTS;
      log.warn({ outboxId, channel: row.channel, attempt: job.attempt, err: reason }, 'Page delivery failed');
      await settle(row, last ? 'failed' : 'pending', reason, at);
      if (last) return;
      throw error;
    }
    await settle(row, 'sent', null, at);
  };
}

/** What the timeline shows as the target: a webhook URL can itself be a secret (Slack's are). */
function shownTarget(row: OutboxRow): string {
  if (row.channel === 'in_app') return 'in-app';
  if (row.channel === 'email') return row.target;
  try {
    return `webhook ${new URL(row.target).host}`;
  } catch {
    return 'webhook';
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}
