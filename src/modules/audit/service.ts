import type { Actor } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import * as store from './store.ts';

export type AuditService = ReturnType<typeof createAuditService>;

type AuditQuery = Omit<store.AuditFilter, 'beforeSeq'> & { cursor?: string; limit?: number };

/** Reading an engagement's audit log (writing it is platform/audit's recordAudit). */
export function createAuditService({ db }: Pick<PlatformDeps, 'db'>) {
  async function listEvents(actor: Actor, engagementId: string, query: AuditQuery) {
    authorize(actor, 'audit.read', engagementId);
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor);
    const beforeSeq = cursor ? Number(cursor[0]) : undefined;
    const rows = await store.listAuditEvents(db, engagementId, { ...query, beforeSeq }, limit + 1);
    return pageOf(
      rows,
      limit,
      (row) => ({
        seq: row.seq,
        at: row.at,
        actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? 'deleted user' } : null,
        viaToken: row.token_id !== null,
        party: row.party,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        before: row.before === null ? null : JSON.parse(row.before),
        after: row.after === null ? null : JSON.parse(row.after),
        hash: row.hash,
      }),
      (row) => [row.seq],
    );
  }

  return { listEvents };
}
