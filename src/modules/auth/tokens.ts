import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { TOKEN_PREFIX } from '../../platform/auth/authenticate.ts';
import { hashSecret, newSecret } from '../../platform/auth/secret.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import type { ApiToken, CreateTokenBody } from './schema.ts';

export type TokenService = ReturnType<typeof createTokenService>;

/** Personal API tokens: shown once, stored as a hash, scoped, revocable. */
export function createTokenService({ db, now }: Pick<PlatformDeps, 'db' | 'now'>) {
  async function listTokens(actor: Actor): Promise<ApiToken[]> {
    const rows = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', actor.userId)
      .orderBy('created_at', 'desc')
      .execute();
    const scopes = rows.length
      ? await db
          .selectFrom('api_token_engagements')
          .selectAll()
          .where(
            'token_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : [];
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      engagementIds:
        row.all_engagements === 1
          ? null
          : scopes.filter((s) => s.token_id === row.id).map((s) => s.engagement_id),
      createdAt: row.created_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
    }));
  }

  /** A token can reach only engagements its owner belongs to (and only those this request reaches). */
  async function createToken(actor: Actor, body: CreateTokenBody): Promise<ApiToken & { token: string }> {
    const outside = (body.engagementIds ?? []).filter((id) => !actor.engagements.has(id));
    if (outside.length > 0) {
      throw new Invalid(
        'A token can only reach engagements you belong to.',
        outside.map((id) => ({ path: '/engagementIds', message: `${id} is not one of your engagements` })),
      );
    }
    const token = newSecret(TOKEN_PREFIX);
    const row = {
      id: uuidv7(),
      user_id: actor.userId,
      name: body.name.trim(),
      token_hash: hashSecret(token),
      role: body.role ?? null,
      all_engagements: body.engagementIds ? 0 : 1,
      created_at: now().toISOString(),
      last_used_at: null,
      revoked_at: null,
    };
    const engagementIds = body.engagementIds ?? null;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('api_tokens').values(row).execute();
      if (engagementIds)
        await trx
          .insertInto('api_token_engagements')
          .values(engagementIds.map((engagement_id) => ({ token_id: row.id, engagement_id })))
          .execute();
      const audited = { id: row.id, name: row.name, role: row.role, engagementIds };
      await recordAudit(
        trx,
        actor,
        {
          engagementId: null,
          action: 'token.created',
          targetType: 'api_token',
          targetId: row.id,
          after: audited,
        },
        now(),
      );
      // Also in each engagement's own log, where its auditors look.
      for (const engagementId of engagementIds ?? [...actor.engagements.keys()]) {
        await recordAudit(
          trx,
          actor,
          {
            engagementId,
            action: 'token.created',
            targetType: 'api_token',
            targetId: row.id,
            after: audited,
          },
          now(),
        );
      }
    });
    return {
      id: row.id,
      name: row.name,
      role: row.role,
      engagementIds,
      createdAt: row.created_at,
      lastUsedAt: null,
      revokedAt: null,
      token,
    };
  }

  async function revokeToken(actor: Actor, tokenId: string): Promise<void> {
    const row = await db
      .selectFrom('api_tokens')
      .select(['id', 'revoked_at'])
      .where('id', '=', tokenId)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (!row) throw new NotFound();
    if (row.revoked_at) return;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('api_tokens')
        .set({ revoked_at: now().toISOString() })
        .where('id', '=', tokenId)
        .execute();
      await recordAudit(
        trx,
        actor,
        { engagementId: null, action: 'token.revoked', targetType: 'api_token', targetId: tokenId },
        now(),
      );
    });
  }

  return { listTokens, createToken, revokeToken };
}
