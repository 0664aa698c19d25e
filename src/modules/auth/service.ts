import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { loadActor } from '../../platform/auth/actor-loader.ts';
import { verifyPassword } from '../../platform/auth/password.ts';
import { endSession, startSession } from '../../platform/auth/sessions.ts';
import type { LoginThrottle } from '../../platform/auth/throttle.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { TooManyRequests, Unauthenticated } from '../../platform/errors.ts';
import type { LoginBody, Me } from './schema.ts';

export type AuthService = ReturnType<typeof createAuthService>;

const WRONG = 'Wrong e-mail or password.';

export function createAuthService({
  db,
  now,
  throttle,
}: Pick<PlatformDeps, 'db' | 'now'> & { throttle: LoginThrottle }) {
  /**
   * Checks the throttle before hashing anything, then the password; unknown e-mail, wrong
   * password and disabled account all get the same answer after the same work.
   */
  async function login(body: LoginBody, meta: { ip: string; userAgent: string }) {
    const email = body.email.trim().toLowerCase();
    const wait = throttle.admit(meta.ip, email, now().getTime());
    if (wait !== null)
      throw new TooManyRequests(`Too many login attempts; try again in ${wait} seconds.`, wait);
    const user = await db
      .selectFrom('users')
      .select(['id', 'password_hash', 'disabled_at'])
      .where('email', '=', email)
      .executeTakeFirst();
    const passwordOk = await verifyPassword(user?.password_hash ?? null, body.password);
    if (!user || !passwordOk || user.disabled_at !== null) {
      throttle.recordFailure(meta.ip, email, now().getTime());
      throw new Unauthenticated(WRONG);
    }
    throttle.recordSuccess(meta.ip, email);
    const actor = (await loadActor(db, user.id, null))!;
    const session = await db.transaction().execute(async (trx) => {
      const started = await startSession(trx, user.id, meta, now());
      await recordAudit(
        trx,
        actor,
        {
          engagementId: null,
          action: 'session.started',
          targetType: 'user',
          targetId: user.id,
          after: { ip: meta.ip },
        },
        now(),
      );
      return started;
    });
    return { cookieValue: session.cookieValue, me: await whoIs(actor) };
  }

  async function logout(actor: Actor, sessionIdHash: string | undefined): Promise<void> {
    if (!sessionIdHash) return;
    await db.transaction().execute(async (trx) => {
      await endSession(trx, sessionIdHash);
      await recordAudit(
        trx,
        actor,
        { engagementId: null, action: 'session.ended', targetType: 'user', targetId: actor.userId },
        now(),
      );
    });
  }

  /** The caller, their organization and every engagement the request can reach. */
  async function whoIs(actor: Actor): Promise<Me> {
    const organization = await db
      .selectFrom('organizations')
      .select(['id', 'slug', 'name', 'kind'])
      .where('id', '=', actor.organizationId)
      .executeTakeFirstOrThrow();
    const ids = [...actor.engagements.keys()];
    const engagements = ids.length
      ? await db
          .selectFrom('engagements')
          .select(['id', 'slug', 'name'])
          .where('id', 'in', ids)
          .orderBy('name')
          .execute()
      : [];
    return {
      id: actor.userId,
      email: actor.email,
      name: actor.name,
      orgRole: actor.orgRole,
      organization,
      memberships: engagements.map((e) => ({
        engagementId: e.id,
        engagementSlug: e.slug,
        engagementName: e.name,
        ...actor.engagements.get(e.id)!,
      })),
    };
  }

  return { login, logout, whoIs };
}
