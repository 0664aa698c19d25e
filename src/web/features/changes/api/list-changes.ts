import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { apiRequest, segment } from '../../../lib/api-client.ts';
import type { Page } from '../../../lib/api-types.ts';
import { changeListKey } from './change-keys.ts';
import type { Change, ChangeQuery } from './change-types.ts';

const PAGE_SIZE = 50;
/** A calendar page never holds more; past it the calendar says some are left out. */
const CALENDAR_PAGES = 10;

export function listChanges(
  engagementId: string,
  query: ChangeQuery,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<Change>> {
  const { awaitingMyApproval, ...rest } = query;
  return apiRequest<Page<Change>>(`/engagements/${segment(engagementId)}/changes`, {
    query: { ...rest, awaitingMyApproval: awaitingMyApproval ? 'true' : undefined, cursor, limit: PAGE_SIZE },
    ...(signal ? { signal } : {}),
  });
}

export function changesQueryOptions(engagementId: string, query: ChangeQuery) {
  return infiniteQueryOptions({
    queryKey: changeListKey(engagementId, query),
    queryFn: ({ pageParam, signal }) => listChanges(engagementId, query, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
    placeholderData: keepPreviousData,
  });
}

/** One engagement's changes, 50 at a time. */
export function useChanges(engagementId: string, query: ChangeQuery, enabled = true) {
  return useInfiniteQuery({ ...changesQueryOptions(engagementId, query), enabled });
}

/** Every change whose window overlaps [from, to): all pages, for the calendar. */
export function useChangesInRange(engagementId: string, from: string, to: string) {
  const query: ChangeQuery = { from, to };
  return useQuery(
    queryOptions({
      queryKey: [...changeListKey(engagementId, query), 'all'],
      queryFn: async ({ signal }) => {
        const items: Change[] = [];
        let cursor: string | null = null;
        for (let page = 0; page < CALENDAR_PAGES; page++) {
          const answer: Page<Change> = await listChanges(engagementId, query, cursor, signal);
          items.push(...answer.items);
          cursor = answer.nextCursor ?? null;
          if (!cursor) return { items, complete: true };
        }
        return { items, complete: false };
      },
      placeholderData: keepPreviousData,
    }),
  );
}
