import { uuidv7 } from 'uuidv7';
import type { Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { cancelJobs, enqueueJob } from '../../platform/jobs/queue.ts';
import * as store from './store.ts';
import type { ContactMethodRow, NotificationRuleRow, OutboxChannel, WebhookFormat } from './tables.ts';
import type { PageNotice } from './webhook-formats.ts';

/** One person paged at one step of an escalation (or a drill). */
export interface PageRequest {
  readonly engagementId: string;
  /** The incidents module's page row; the outbox key is (page, contact method, rule). */
  readonly pageId: string;
  readonly escalationId: string;
  /** Null for a drill: no incident exists. */
  readonly incidentId: string | null;
  readonly drill: boolean;
  readonly userId: string;
  readonly level: number;
  readonly round: number;
  /** e.g. "[P1] HARB-42 Disk full on db-1" or "[DRILL] After-hours operations". */
  readonly title: string;
  readonly summary: string;
  /** Where the web app shows it. */
  readonly url: string;
  readonly at: Date;
}

/** Writes a page's notifications (per the user's rules) to the outbox, in the caller's transaction. */
export interface Pager {
  page(trx: Trx, request: PageRequest): Promise<void>;
  /** Cancels notifications not yet sent for these pages (acknowledged or resolved meanwhile). */
  cancel(trx: Trx, engagementId: string, pageIds: readonly string[]): Promise<void>;
}

/** The job that delivers one outbox row. */
export const DELIVER_JOB = 'notification.deliver';
/** Attempts per delivery; with the worker's backoff (10 s doubling) the last is about 5 min in. */
export const DELIVERY_ATTEMPTS = 6;

/** One row the pager writes: a channel, where to, and how long after the page. */
interface Notification {
  readonly key: string;
  readonly channel: OutboxChannel;
  readonly target: string;
  readonly format: WebhookFormat | null;
  readonly contactMethodId: string | null;
  readonly delayMinutes: number;
}

/**
 * The user's rules as notifications: each rule's contact method after its delay, or with no
 * rules their login address at once; and always the in-app notice. Without a mail server the
 * login address is left out: e-mail that cannot work would only raise a failure per page.
 */
function notificationsFor(
  request: PageRequest,
  email: string | null,
  rules: readonly NotificationRuleRow[],
  methods: readonly ContactMethodRow[],
): Notification[] {
  const key = (method: string, rule: string) => `${request.pageId}/${method}/${rule}`;
  const byId = new Map(methods.map((m) => [m.id, m]));
  const chosen: Notification[] = rules.flatMap((rule) => {
    const method = byId.get(rule.contact_method_id);
    if (!method) return [];
    return [
      {
        key: key(method.id, rule.id),
        channel: method.type,
        target: method.address,
        format: method.format,
        contactMethodId: method.id,
        delayMinutes: rule.delay_minutes,
      },
    ];
  });
  if (chosen.length === 0 && email !== null)
    chosen.push({
      key: key('login-email', 'at-once'),
      channel: 'email',
      target: email,
      format: null,
      contactMethodId: null,
      delayMinutes: 0,
    });
  chosen.push({
    key: key('in-app', 'at-once'),
    channel: 'in_app',
    target: request.userId,
    format: null,
    contactMethodId: null,
    delayMinutes: 0,
  });
  return chosen;
}

export function createPager(
  { now }: Pick<PlatformDeps, 'now'>,
  mail: { readonly configured: boolean },
): Pager {
  async function page(trx: Trx, request: PageRequest): Promise<void> {
    const user = await store.userContact(trx, request.userId);
    // A disabled or removed user cannot be reached; the escalation records the page regardless.
    if (!user || user.disabled_at !== null) return;
    const [rules, methods, engagementName] = await Promise.all([
      store.rulesOf(trx, user.id),
      store.contactMethodsOf(trx, user.id),
      store.engagementName(trx, request.engagementId),
    ]);
    const notice: PageNotice = {
      engagementId: request.engagementId,
      engagementName,
      pageId: request.pageId,
      escalationId: request.escalationId,
      incidentId: request.incidentId,
      drill: request.drill,
      userId: user.id,
      userName: user.name,
      level: request.level,
      round: request.round,
      title: request.title,
      summary: request.summary,
      url: request.url,
      pagedAt: request.at.toISOString(),
    };
    const written = now();
    for (const n of notificationsFor(request, mail.configured ? user.email : null, rules, methods)) {
      const due = new Date(request.at.getTime() + n.delayMinutes * 60_000);
      const id = uuidv7();
      const inserted = await store.insertOutbox(trx, {
        engagement_id: request.engagementId,
        id,
        key: n.key,
        page_id: request.pageId,
        user_id: user.id,
        contact_method_id: n.contactMethodId,
        channel: n.channel,
        target: n.target,
        format: n.format,
        payload: JSON.stringify(notice),
        state: 'pending',
        attempts: 0,
        last_error: null,
        due_at: due.toISOString(),
        sent_at: null,
        created_at: written.toISOString(),
        updated_at: written.toISOString(),
      });
      if (!inserted) continue;
      await enqueueJob(
        trx,
        {
          kind: DELIVER_JOB,
          engagementId: request.engagementId,
          payload: { outboxId: id },
          runAt: due,
          dedupeKey: `notify:${id}`,
          maxAttempts: DELIVERY_ATTEMPTS,
        },
        written,
      );
    }
  }

  async function cancel(trx: Trx, engagementId: string, pageIds: readonly string[]): Promise<void> {
    if (pageIds.length === 0) return;
    const pending = (await store.pendingOfPages(trx, engagementId, pageIds)).map((r) => r.id);
    await store.cancelOutbox(trx, engagementId, pending, now().toISOString());
    for (const id of pending) await cancelJobs(trx, { dedupeKey: `notify:${id}` });
  }

  return { page, cancel };
}
