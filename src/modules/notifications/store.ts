import type { Db } from '../../platform/db/database.ts';
import type {
  AllowlistRow,
  ContactMethodRow,
  ContactMethodsTable,
  NotificationOutboxTable,
  NotificationRuleRow,
  NotificationRulesTable,
  OutboxRow,
  OutboxState,
  WebhookAllowlistTable,
} from './tables.ts';
import type { PageNotice } from './webhook-formats.ts';

// Contact methods and rules are a person's own settings, across engagements: they are keyed by
// user, and every query names the user. The outbox is engagement data and names the engagement.

export function contactMethodsOf(db: Db, userId: string): Promise<ContactMethodRow[]> {
  return db
    .selectFrom('contact_methods')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function contactMethod(db: Db, userId: string, id: string): Promise<ContactMethodRow | undefined> {
  return db
    .selectFrom('contact_methods')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertContactMethod(db: Db, row: ContactMethodsTable): Promise<void> {
  await db.insertInto('contact_methods').values(row).execute();
}

/** Deletes the method and (by cascade) the rules that used it; false when it was not theirs. */
export async function deleteContactMethod(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('contact_methods')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function rulesOf(db: Db, userId: string): Promise<NotificationRuleRow[]> {
  return db
    .selectFrom('notification_rules')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('delay_minutes')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function replaceRules(
  db: Db,
  userId: string,
  rows: readonly NotificationRulesTable[],
): Promise<void> {
  await db.deleteFrom('notification_rules').where('user_id', '=', userId).execute();
  if (rows.length > 0)
    await db
      .insertInto('notification_rules')
      .values([...rows])
      .execute();
}

export function userContact(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function engagementName(db: Db, engagementId: string): Promise<string> {
  const row = await db
    .selectFrom('engagements')
    .select('name')
    .where('id', '=', engagementId)
    .executeTakeFirst();
  return row?.name ?? '';
}

/** Writes the row unless its key exists; true when it was written. */
export async function insertOutbox(db: Db, row: NotificationOutboxTable): Promise<boolean> {
  const inserted = await db
    .insertInto('notification_outbox')
    .values(row)
    .onConflict((oc) => oc.columns(['engagement_id', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function outboxRow(db: Db, engagementId: string, id: string): Promise<OutboxRow | undefined> {
  return db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function pendingOfPages(db: Db, engagementId: string, pageIds: readonly string[]) {
  return db
    .selectFrom('notification_outbox')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .where('page_id', 'in', pageIds)
    .where('state', '=', 'pending')
    .execute();
}

export async function settleOutbox(
  db: Db,
  engagementId: string,
  id: string,
  change: {
    state: OutboxState;
    attempts: number;
    last_error: string | null;
    sent_at?: string;
    updated_at: string;
  },
): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set(change)
    .where('engagement_id', '=', engagementId)
    .where('id', '=', id)
    .execute();
}

export async function cancelOutbox(db: Db, engagementId: string, ids: readonly string[], at: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('notification_outbox')
    .set({ state: 'cancelled', updated_at: at })
    .where('engagement_id', '=', engagementId)
    .where('id', 'in', ids)
    .where('state', '=', 'pending')
    .execute();
}

export function allowlist(db: Db): Promise<AllowlistRow[]> {
  return db.selectFrom('webhook_allowlist').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function insertAllowlistEntry(db: Db, row: WebhookAllowlistTable): Promise<boolean> {
  const inserted = await db
    .insertInto('webhook_allowlist')
    .values(row)
    .onConflict((oc) => oc.column('target').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteAllowlistEntry(db: Db, id: string): Promise<AllowlistRow | undefined> {
  return db.deleteFrom('webhook_allowlist').where('id', '=', id).returningAll().executeTakeFirst();
}

/** What the page's notifications say (title, drill), for the action page. */
export async function noticeOfPage(db: Db, engagementId: string, pageId: string) {
  const row = await db
    .selectFrom('notification_outbox')
    .select('payload')
    .where('engagement_id', '=', engagementId)
    .where('page_id', '=', pageId)
    .limit(1)
    .executeTakeFirst();
  return row ? (JSON.parse(row.payload) as PageNotice) : undefined;
}
