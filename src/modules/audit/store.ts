import type { Db } from '../../platform/db/database.ts';

export interface AuditFilter {
  readonly action?: string;
  readonly actorId?: string;
  readonly targetType?: string;
  readonly since?: string;
  readonly until?: string;
  /** Only rows with seq below this (the cursor). */
  readonly beforeSeq?: number;
}

/** Newest first; the chain id is the engagement id. */
export function listAuditEvents(db: Db, engagementId: string, filter: AuditFilter, limit: number) {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .selectAll('audit_events')
    .select('users.name as actor_name')
    .where('audit_events.chain_id', '=', engagementId);
  if (filter.action) query = query.where('audit_events.action', '=', filter.action);
  if (filter.actorId) query = query.where('audit_events.actor_id', '=', filter.actorId);
  if (filter.targetType) query = query.where('audit_events.target_type', '=', filter.targetType);
  if (filter.since) query = query.where('audit_events.at', '>=', filter.since);
  if (filter.until) query = query.where('audit_events.at', '<', filter.until);
  if (filter.beforeSeq !== undefined) query = query.where('audit_events.seq', '<', filter.beforeSeq);
  return query.orderBy('audit_events.seq', 'desc').limit(limit).execute();
}
