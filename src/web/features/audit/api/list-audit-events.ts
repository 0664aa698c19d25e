import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { AuditEvent, Page } from '../../../lib/api-types.ts';
import { engagementScope } from '../../../lib/query-keys.ts';

/** Server-side filters of the audit log; `since` and `until` are ISO instants. */
export interface AuditQuery {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

const PAGE_SIZE = 50;

export function listAuditEvents(
  engagementId: string,
  query: AuditQuery,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<AuditEvent>> {
  return apiRequest<Page<AuditEvent>>(`/engagements/${segment(engagementId)}/audit`, {
    query: { ...query, cursor, limit: PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

export function auditEventsQueryOptions(engagementId: string, query: AuditQuery) {
  return infiniteQueryOptions({
    queryKey: [...engagementScope(engagementId), 'audit', query],
    queryFn: ({ pageParam, signal }) => listAuditEvents(engagementId, query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
    // The log only grows; show what happened up to now whenever the page opens.
    staleTime: 0,
  });
}

/** The engagement's audit log, newest first, one page of 50 at a time. */
export function useAuditEvents(engagementId: string, query: AuditQuery) {
  return useInfiniteQuery(auditEventsQueryOptions(engagementId, query));
}
