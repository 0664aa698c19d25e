import { visibleTo } from '../../domain/tickets/visibility.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { CursorKey } from '../../platform/http/pagination.ts';
import { readerIn } from './access.ts';
import type { SearchHit, SearchScope } from './search-store.ts';

/**
 * A search looks at the best SEARCH_HITS tickets only. Filters, views and pages then work within
 * them: ranked pages are cut from that list (cursor = [score, id] of the last item), and with an
 * explicit `sort` the usual keyset pages run over those tickets. Ranking every match of a common
 * word on every page would cost the same work again per page; a person does not page past the
 * first thousand hits — they refine the words.
 */
export const SEARCH_HITS = 1000;

/**
 * Where the caller's search may look: per engagement, the visibilities they may read there
 * (engagements that read alike are grouped), and only their own tickets where they are a requester.
 */
export function searchScopes(
  actor: Actor,
  scope: { readonly all: readonly string[]; readonly ownOnly: readonly string[] },
): SearchScope[] {
  const scopes = new Map<string, { engagementIds: string[]; visible: SearchScope['visible'] }>();
  const own = new Map<string, { engagementIds: string[]; visible: SearchScope['visible'] }>();
  for (const [ids, into] of [
    [scope.all, scopes],
    [scope.ownOnly, own],
  ] as const) {
    for (const engagementId of ids) {
      const visible = visibleTo(readerIn(actor, engagementId));
      const key = visible.join(',');
      const entry = into.get(key) ?? { engagementIds: [], visible };
      entry.engagementIds.push(engagementId);
      into.set(key, entry);
    }
  }
  return [...scopes.values(), ...[...own.values()].map((s) => ({ ...s, requesterId: actor.userId }))];
}

/** The hits after a ranked page's cursor: lower score, or the same score and a later id. */
export function hitsAfter(hits: readonly SearchHit[], position: CursorKey | null): readonly SearchHit[] {
  if (!position) return hits;
  const [score, id] = position;
  if (typeof score !== 'number' || typeof id !== 'string') return [];
  return hits.filter((h) => h.score < score || (h.score === score && h.ticketId > id));
}

/** Rows in the order of the hits (best first); rows the filters kept, hits they did not drop. */
export function inRankOrder<R extends { id: string }>(rows: readonly R[], hits: readonly SearchHit[]): R[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return hits.flatMap((hit) => byId.get(hit.ticketId) ?? []);
}
