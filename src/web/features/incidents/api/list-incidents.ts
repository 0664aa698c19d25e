import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import { OPEN_TICKET_STATUSES, type Page, type Ticket } from '../../../lib/api-types.ts';
import { incidentBoardAllKey, incidentListKey } from './incident-keys.ts';

/** Open incidents are few by nature; a board that needs more than this needs a different tool. */
const OPEN_LIMIT = 100;
/** The recently resolved, below the open ones, for context. */
const RESOLVED_LIMIT = 15;

export interface IncidentBoard {
  open: Ticket[];
  /** More open incidents than the board shows. */
  moreOpen: boolean;
  resolved: Ticket[];
}

function incidentQuery(part: 'open' | 'resolved') {
  return part === 'open'
    ? { kind: 'incident', status: OPEN_TICKET_STATUSES, sort: 'priority', limit: OPEN_LIMIT }
    : { kind: 'incident', status: ['resolved', 'closed'], sort: 'updated_desc', limit: RESOLVED_LIMIT };
}

async function loadBoard(path: string, signal: AbortSignal): Promise<IncidentBoard> {
  const [open, resolved] = await Promise.all([
    apiRequest<Page<Ticket>>(path, { query: incidentQuery('open'), signal }),
    apiRequest<Page<Ticket>>(path, { query: incidentQuery('resolved'), signal }),
  ]);
  return { open: open.items, moreOpen: !!open.nextCursor, resolved: resolved.items };
}

/** One engagement's incidents: the open ones (P1 first), then the recently resolved. */
export function incidentBoardQueryOptions(engagementId: string) {
  return queryOptions({
    queryKey: incidentListKey(engagementId),
    queryFn: ({ signal }) => loadBoard(`/engagements/${segment(engagementId)}/tickets`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useIncidentBoard(engagementId: string) {
  return useQuery(incidentBoardQueryOptions(engagementId));
}

/** Provider staff's incidents across every engagement they belong to. */
export function useIncidentBoardAll(engagementIds: readonly string[]) {
  return useQuery({
    queryKey: [...incidentBoardAllKey, engagementIds],
    queryFn: ({ signal }) => loadBoard('/tickets', signal),
    placeholderData: keepPreviousData,
  });
}
