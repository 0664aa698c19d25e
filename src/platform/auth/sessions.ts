import type { Db } from '../db/database.ts';
import { hashSecret, newSecret } from './secret.ts';

export const SESSION_COOKIE = 'tandem_session';
/** A session ends after this long without a request. */
export const SESSION_IDLE_HOURS = 12;
// Refreshing last_seen on every request would make every read a write; once a minute is enough.
const TOUCH_AFTER_MS = 60_000;

export interface SessionRecord {
  readonly idHash: string;
  readonly userId: string;
}

/** Starts a session with a new random id (never reusing one sent by the client). */
export async function startSession(
  db: Db,
  userId: string,
  meta: { ip: string; userAgent: string },
  now: Date,
): Promise<{ cookieValue: string; idHash: string }> {
  const cookieValue = newSecret();
  const idHash = hashSecret(cookieValue);
  await db
    .insertInto('sessions')
    .values({
      id_hash: idHash,
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiry(now),
      ip: meta.ip,
      user_agent: meta.userAgent.slice(0, 300),
    })
    .execute();
  return { cookieValue, idHash };
}

/** The live session for a cookie value, sliding its expiry; null when unknown or expired. */
export async function findSession(db: Db, cookieValue: string, now: Date): Promise<SessionRecord | null> {
  const idHash = hashSecret(cookieValue);
  const row = await db
    .selectFrom('sessions')
    .select(['id_hash', 'user_id', 'last_seen_at'])
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_AFTER_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: expiry(now) })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return { idHash, userId: row.user_id };
}

export async function endSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user, e.g. when they are disabled or change their password. */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

function expiry(now: Date): string {
  return new Date(now.getTime() + SESSION_IDLE_HOURS * 3_600_000).toISOString();
}
