import {
  OPEN_TICKET_STATUSES,
  type Party,
  TICKET_KINDS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  TICKET_VIEWS,
  type TicketKind,
  type TicketPriority,
  type TicketQuery,
  type TicketSort,
  type TicketStatus,
  type TicketView,
} from '../../../lib/api-types.ts';

/** A sidebar view: one of the server's built-in views, or every open / every ticket. */
export type ListView = TicketView | 'all_open' | 'all';

/** A ticket list's state as the URL holds it, so a filtered list can be bookmarked and shared. */
export interface TicketListSearch {
  view?: ListView | undefined;
  q?: string | undefined;
  status?: TicketStatus[] | undefined;
  kind?: TicketKind[] | undefined;
  priority?: TicketPriority[] | undefined;
  ownerParty?: Party | undefined;
  assigneeId?: string | undefined;
  tag?: string[] | undefined;
  sort?: TicketSort | undefined;
  /** The one queue only. */
  engagementId?: string[] | undefined;
  /** A saved view whose filters are in place, for highlighting it in the sidebar. */
  saved?: string | undefined;
}

const LIST_VIEWS: readonly string[] = [...TICKET_VIEWS, 'all_open', 'all'];

function list<T extends string>(value: unknown, allowed?: readonly T[]): T[] | undefined {
  const values = (Array.isArray(value) ? value : [value]).filter(
    (item): item is T =>
      typeof item === 'string' && item.trim() !== '' && (!allowed || allowed.includes(item as T)),
  );
  return values.length ? [...new Set(values)] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Reads a ticket list's search parameters, dropping anything unknown. */
export function validateTicketListSearch(search: Record<string, unknown>): TicketListSearch {
  const view = text(search.view);
  const ownerParty = text(search.ownerParty);
  const sort = text(search.sort);
  const result: TicketListSearch = {
    view: view && LIST_VIEWS.includes(view) ? (view as ListView) : undefined,
    q: text(search.q),
    status: list(search.status, TICKET_STATUSES),
    kind: list(search.kind, TICKET_KINDS),
    priority: list(search.priority, TICKET_PRIORITIES),
    ownerParty: ownerParty === 'internal' || ownerParty === 'provider' ? ownerParty : undefined,
    assigneeId: text(search.assigneeId),
    tag: list<string>(search.tag),
    sort: sort && (TICKET_SORTS as readonly string[]).includes(sort) ? (sort as TicketSort) : undefined,
    engagementId: list<string>(search.engagementId),
    saved: text(search.saved),
  };
  return Object.fromEntries(
    Object.entries(result).filter(([, value]) => value !== undefined),
  ) as TicketListSearch;
}

/** The API query for a list state; "All open" (the default) narrows to open statuses. */
export function toTicketQuery(search: TicketListSearch): TicketQuery {
  const view = search.view ?? 'all_open';
  const query: TicketQuery = {
    q: search.q,
    status: search.status ?? (view === 'all_open' ? [...OPEN_TICKET_STATUSES] : undefined),
    kind: search.kind,
    priority: search.priority,
    ownerParty: search.ownerParty,
    assigneeId: search.assigneeId,
    tag: search.tag,
    sort: search.sort,
    engagementId: search.engagementId,
    view: view === 'all_open' || view === 'all' ? undefined : view,
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as TicketQuery;
}

/** A saved view's query back into list state. */
export function fromTicketQuery(query: TicketQuery): TicketListSearch {
  return validateTicketListSearch({ ...query, view: query.view ?? 'all' });
}

/** The filters in place, apart from the view and the sort. */
export function hasFilters(search: TicketListSearch): boolean {
  const { view: _view, sort: _sort, saved: _saved, ...filters } = search;
  return Object.values(filters).some((value) => value !== undefined);
}
