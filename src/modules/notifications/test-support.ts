import { uuidv7 } from 'uuidv7';
import type { TestTandem } from '../../../test/app.ts';
import { startJobWorker } from '../../platform/jobs/worker.ts';
import { createLogger } from '../../platform/log/logger.ts';
import type { PageRequest } from './pager.ts';

/** A page of `userId` as an escalation would send it (a drill unless an incident is given). */
export function pageOf(
  engagementId: string,
  userId: string,
  at: Date,
  extra: Partial<PageRequest> = {},
): PageRequest {
  return {
    engagementId,
    pageId: uuidv7(),
    escalationId: uuidv7(),
    incidentId: null,
    drill: true,
    userId,
    level: 1,
    round: 1,
    title: '[DRILL] After-hours operations',
    summary: 'A drill of the after-hours escalation policy.',
    url: `http://tandem.test/e/harborline/drills/${uuidv7()}`,
    at,
    ...extra,
  };
}

/** Writes the page's notifications in a transaction of its own, as the escalation would. */
export async function page(t: TestTandem, request: PageRequest): Promise<void> {
  const { pager } = t.tandem.services.paging.notifications;
  await t.tandem.handle.db.transaction().execute((trx) => pager.page(trx, request));
}

/** Runs the notification deliveries due at `now`. */
export async function deliverDue(t: TestTandem, now: () => Date): Promise<number> {
  const worker = startJobWorker({
    handle: t.tandem.handle,
    handlers: t.tandem.services.paging.notifications.jobHandlers,
    log: createLogger('silent'),
    now,
    polling: false,
  });
  try {
    return await worker.runDue();
  } finally {
    await worker.stop();
  }
}

export function outboxOf(t: TestTandem, pageId: string) {
  return t.tandem.handle.db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('page_id', '=', pageId)
    .orderBy('due_at')
    .orderBy('channel')
    .execute();
}

export function deliveryJobs(t: TestTandem, outboxIds: readonly string[]) {
  return t.tandem.handle.db
    .selectFrom('jobs')
    .selectAll()
    .where(
      'dedupe_key',
      'in',
      outboxIds.map((id) => `notify:${id}`),
    )
    .execute();
}
