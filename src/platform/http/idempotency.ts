import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import { Conflict, Invalid } from '../errors.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A key is remembered this long; a retry after that runs again. */
export const IDEMPOTENCY_TTL_HOURS = 24;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { principal: string; key: string } | null;
  }
}

/**
 * Writes that carry an Idempotency-Key run once: a retry with the same key and the same
 * request gets the first answer again (with Idempotent-Replayed: true); the same key on a
 * different request is refused, and so is a retry while the first is still running.
 */
export function honourIdempotencyKeys(app: FastifyInstance, db: Db, now: () => Date): void {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (!UNSAFE.has(request.method) || typeof key !== 'string' || !request.auth) return;
    if (key.length < 1 || key.length > 255) {
      throw new Invalid('Idempotency-Key must be 1–255 characters.', [
        { path: 'header:idempotency-key', message: 'bad length' },
      ]);
    }
    const principal = request.auth.actor.token?.id ?? request.auth.actor.userId;
    const fingerprint = fingerprintOf(request);
    const since = new Date(now().getTime() - IDEMPOTENCY_TTL_HOURS * 3_600_000).toISOString();
    const seen = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('principal', '=', principal)
      .where('key', '=', key)
      .executeTakeFirst();
    if (seen && seen.created_at >= since) {
      if (seen.fingerprint !== fingerprint)
        throw new Invalid('This Idempotency-Key was used for a different request.');
      if (seen.status === 0)
        throw new Conflict('A request with this Idempotency-Key is still being processed.');
      return reply
        .status(seen.status)
        .header('idempotent-replayed', 'true')
        .type(seen.status >= 400 ? 'application/problem+json' : 'application/json')
        .send(seen.body === '' ? undefined : seen.body);
    }
    if (seen)
      await db
        .deleteFrom('idempotency_keys')
        .where('principal', '=', principal)
        .where('key', '=', key)
        .execute();
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({ principal, key, fingerprint, status: 0, body: '', created_at: now().toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw new Conflict('A request with this Idempotency-Key is still being processed.');
    }
    request.idempotency = { principal, key };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    const where = db
      .updateTable('idempotency_keys')
      .where('principal', '=', claim.principal)
      .where('key', '=', claim.key);
    if (reply.statusCode >= 500) {
      // The write did not happen; let the client retry with the same key.
      await db
        .deleteFrom('idempotency_keys')
        .where('principal', '=', claim.principal)
        .where('key', '=', claim.key)
        .execute();
    } else {
      await where
        .set({ status: reply.statusCode, body: typeof payload === 'string' ? payload : '' })
        .execute();
    }
    return payload;
  });
}

function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}
