import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import type { Authenticate, Authentication } from '../http/access-hook.ts';
import { loadActor } from './actor-loader.ts';
import { hashSecret } from './secret.ts';
import { findSession, SESSION_COOKIE } from './sessions.ts';

export const TOKEN_PREFIX = 'tdm_';
// Recording last use on every request would make every read a write.
const TOKEN_TOUCH_AFTER_MS = 60_000;

/** Resolves a request's bearer token or session cookie to an actor, checked on every request. */
export function createAuthenticator(db: Db, now: () => Date): Authenticate {
  return async (request: FastifyRequest): Promise<Authentication | null> => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return byToken(db, header.slice('Bearer '.length).trim(), now());
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) return bySession(db, cookie, now());
    return null;
  };
}

async function bySession(db: Db, cookie: string, now: Date): Promise<Authentication | null> {
  const session = await findSession(db, cookie, now);
  if (!session) return null;
  const actor = await loadActor(db, session.userId, null);
  return actor ? { actor, via: 'session', sessionIdHash: session.idHash } : null;
}

async function byToken(db: Db, secret: string, now: Date): Promise<Authentication | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'role', 'all_engagements', 'last_used_at'])
    .where('token_hash', '=', hashSecret(secret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!token) return null;
  const engagementIds =
    token.all_engagements === 1
      ? null
      : (
          await db
            .selectFrom('api_token_engagements')
            .select('engagement_id')
            .where('token_id', '=', token.id)
            .execute()
        ).map((r) => r.engagement_id);
  const actor = await loadActor(db, token.user_id, { id: token.id, role: token.role, engagementIds });
  if (!actor) return null;
  if (!token.last_used_at || now.getTime() - Date.parse(token.last_used_at) > TOKEN_TOUCH_AFTER_MS) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', token.id)
      .execute();
  }
  return { actor, via: 'token' };
}
