import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Page, Party } from '../../../lib/api-types.ts';
import type { InfoRequest, InfoRequestState } from '../../../lib/sla-types.ts';
import { infoRequestsScope } from './info-request-keys.ts';

export interface InfoRequestQuery {
  state?: InfoRequestState;
  /** The party asked. */
  toParty?: Party;
  ticketId?: string;
}

/** The first page is all the screens show: a ticket's questions, or the open ones for a party. */
const LIMIT = 100;

export function listInfoRequests(
  engagementId: string,
  query: InfoRequestQuery,
  signal?: AbortSignal,
): Promise<Page<InfoRequest>> {
  return apiRequest<Page<InfoRequest>>(`/engagements/${segment(engagementId)}/info-requests`, {
    query: { ...query, limit: LIMIT },
    ...(signal ? { signal } : {}),
  });
}

export function infoRequestsQueryOptions(engagementId: string, query: InfoRequestQuery) {
  return queryOptions({
    queryKey: [...infoRequestsScope(engagementId), query] as const,
    queryFn: ({ signal }) => listInfoRequests(engagementId, query, signal),
  });
}

export function useInfoRequests(engagementId: string, query: InfoRequestQuery, enabled = true) {
  return useQuery({ ...infoRequestsQueryOptions(engagementId, query), enabled });
}
