import type { TicketEvent } from '../../domain/sla/plan.ts';
import { changeStatus } from '../../domain/tickets/status.ts';
import { type Actor, type Principal, SYSTEM } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { can } from '../../platform/access/policy.ts';
import type { Party } from '../../platform/access/roles.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import { searchWords } from '../../platform/db/full-text.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { readerIn, ticketScope } from './access.ts';
import { type NewTicketRouting, NO_CLOCKS, type TicketClocks } from './clock-hooks.ts';
import { type IncidentFacts, NO_INCIDENT_FACTS } from './incident-facts.ts';
import { toTicket } from './presenter.ts';
import type {
  CreateTicketBody,
  CrossEngagementTicketQuery,
  Ticket,
  TicketQuery,
  UpdateTicketBody,
} from './schema.ts';
import { hitsAfter, inRankOrder, SEARCH_HITS, searchScopes } from './search.ts';
import * as searchStore from './search-store.ts';
import * as store from './store.ts';
import type { TicketsTable } from './tables.ts';
import { createTicketWrites } from './ticket-writes.ts';

export type TicketService = ReturnType<typeof createTicketService>;

/** The shared ticket both parties work: create, read, list, change. Comments are comments.ts. */
const UPDATABLE = {
  title: 'title',
  description: 'description',
  kind: 'kind',
  priority: 'priority',
  ownerParty: 'owner_party',
  teamId: 'team_id',
  assigneeId: 'assignee_id',
  functionKey: 'function_key',
  dueAt: 'due_at',
} as const;

type Obligation = Extract<TicketEvent, { type: 'obligation_opened' | 'obligation_closed' }>;

export function createTicketService(
  { db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>,
  clocks: TicketClocks = NO_CLOCKS,
  routing?: NewTicketRouting,
  incidents: IncidentFacts = NO_INCIDENT_FACTS,
) {
  const writes = createTicketWrites({ now }, clocks);
  async function createTicket(
    actor: Principal,
    engagementId: string,
    body: CreateTicketBody,
  ): Promise<Ticket> {
    const routed = await routeOf(engagementId, body);
    const row = await db.transaction().execute((trx) => writes.open(trx, actor, engagementId, body, routed));
    await announce(engagementId, row.id, 'ticket.created');
    return getTicket(actor, engagementId, row.id);
  }

  /** A ticket that names its function and no owner is routed by the matrix; an explicit owner wins. */
  async function routeOf(engagementId: string, body: CreateTicketBody) {
    if (!routing || !body.functionKey || body.ownerParty || body.teamId || body.assigneeId) return undefined;
    return routing.routeNewTicket(
      engagementId,
      { functionKey: body.functionKey, kind: body.kind ?? 'request', priority: body.priority },
      now(),
    );
  }

  /** Publishes a live event about a ticket once its change has committed. */
  async function announce(engagementId: string, ticketId: string, type = 'ticket.updated') {
    const row = await store.findTicket(db, engagementId, ticketId);
    await bus.publish({ engagementId, type, id: ticketId, data: { requesterId: row?.requester_id ?? null } });
  }

  async function getTicket(actor: Principal, engagementId: string, ticketId: string): Promise<Ticket> {
    const row = await readable(actor, engagementId, ticketId);
    const extras = await extrasOf([row]);
    return toTicket(row, extras(row.id), mayUpdate(actor, engagementId));
  }

  /** A ticket the caller may read; a requester's view of someone else's is a plain 404. */
  async function readable(actor: Principal, engagementId: string, ticketId: string) {
    authorize(actor, 'ticket.read', engagementId);
    const row = await store.findTicket(db, engagementId, ticketId);
    const reader = readerIn(actor, engagementId);
    if (!row || (reader.isRequester && row.requester_id !== reader.userId)) throw new NotFound();
    return row;
  }

  async function listTickets(actor: Actor, engagementId: string, query: TicketQuery) {
    authorize(actor, 'ticket.read', engagementId);
    return list(actor, [engagementId], query);
  }

  /** One queue across every engagement the caller belongs to (or the ones asked for). */
  async function listAcrossEngagements(actor: Actor, query: CrossEngagementTicketQuery) {
    const wanted = query.engagementId
      ? query.engagementId.filter((id) => actor.engagements.has(id))
      : [...actor.engagements.keys()];
    return list(actor, wanted, query);
  }

  async function list(actor: Actor, engagementIds: readonly string[], query: TicketQuery) {
    const scope = ticketScope(actor, engagementIds);
    const limit = query.limit ?? 50;
    const sort = query.sort ?? 'updated_desc';
    const position = decodeCursor(query.cursor);
    const parties = new Set(engagementIds.map((id) => actor.engagements.get(id)?.party));
    const myParty = parties.size === 1 ? [...parties][0] : undefined;
    const view = viewFilter(query.view, actor.userId, myParty);
    const words = searchWords(query.q ?? '');
    const hits = words.length
      ? await searchStore.searchTickets(db, { scopes: searchScopes(actor, scope), words, limit: SEARCH_HITS })
      : undefined;
    // With q and no explicit sort the page is ordered by relevance; see SEARCH_HITS.
    const ranked = hits !== undefined && query.sort === undefined ? hitsAfter(hits, position) : undefined;
    const found = await store.listTickets(db, {
      engagementIds: scope.all,
      ownOnlyIn: scope.ownOnly,
      userId: actor.userId,
      statuses: query.status,
      kinds: query.kind,
      priorities: query.priority,
      ownerParty: query.ownerParty,
      teamId: query.teamId,
      assigneeId:
        query.assigneeId === 'me' ? actor.userId : query.assigneeId === 'none' ? null : query.assigneeId,
      requesterId: query.requesterId === 'me' ? actor.userId : query.requesterId,
      tags: query.tag,
      functionKey: query.functionKey,
      createdFrom: query.createdFrom,
      createdTo: query.createdTo,
      updatedFrom: query.updatedFrom,
      updatedTo: query.updatedTo,
      ...view,
      ticketIds: (ranked ?? hits)?.map((hit) => hit.ticketId),
      sort,
      after: ranked ? undefined : (position ?? undefined),
      limit: ranked ? ranked.length : limit,
    });
    const rows = ranked ? inRankOrder(found, ranked).slice(0, limit + 1) : found;
    const scoreOf = new Map(ranked?.map((hit) => [hit.ticketId, hit.score]));
    const extras = await extrasOf(rows.slice(0, limit));
    return pageOf(
      rows,
      limit,
      (row) => toTicket(row, extras(row.id), mayUpdate(actor, row.engagement_id)),
      (row) =>
        ranked
          ? [scoreOf.get(row.id)!, row.id]
          : store.SORTS[sort].map((c) => row[c.ref.slice('tickets.'.length) as keyof typeof row] as string),
    );
  }

  async function updateTicket(
    actor: Principal,
    engagementId: string,
    ticketId: string,
    body: UpdateTicketBody,
  ): Promise<Ticket> {
    authorize(actor, 'ticket.update', engagementId);
    const before = await readable(actor, engagementId, ticketId);
    await writes.checkLinks(db, engagementId, { teamId: body.teamId, assigneeId: body.assigneeId });
    const changes: Partial<TicketsTable> = {};
    guardChangeTicket(before, body);
    if (body.status !== undefined && body.status !== before.status) {
      const moved = changeStatus(before.status, body.status);
      if (!moved.ok) throw new Conflict(moved.reason);
      changes.status = moved.status;
      if (moved.status === 'resolved') changes.resolved_at = now().toISOString();
    }
    for (const [key, column] of Object.entries(UPDATABLE) as [
      keyof typeof UPDATABLE,
      (typeof UPDATABLE)[keyof typeof UPDATABLE],
    ][]) {
      const value = body[key];
      if (value !== undefined && value !== before[column]) Object.assign(changes, { [column]: value });
    }
    const oldTags = (await store.tagsOf(db, [ticketId])).get(ticketId) ?? [];
    const tagsChanged = body.tags !== undefined && [...body.tags].sort().join(',') !== oldTags.join(',');
    if (Object.keys(changes).length === 0 && !tagsChanged) return getTicket(actor, engagementId, ticketId);
    await db.transaction().execute(async (trx) => {
      const current = await store.findTicket(trx, engagementId, ticketId);
      await writes.apply(trx, actor, current ?? before, changes, {
        tags: tagsChanged ? { from: oldTags, to: body.tags! } : undefined,
      });
    });
    await announce(engagementId, ticketId);
    return getTicket(actor, engagementId, ticketId);
  }

  async function extrasOf(rows: readonly { id: string; engagement_id: string; kind: string }[]) {
    const ids = rows.map((r) => r.id);
    const engagementIds = [...new Set(rows.map((r) => r.engagement_id))];
    const incidentIds = rows.flatMap((r) => (r.kind === 'incident' ? [r.id] : []));
    const [extras, clocksOf, factsOf] = await Promise.all([
      store.extrasOf(db, ids),
      clocks.currentClocks(db, engagementIds, ids, now()),
      incidentIds.length > 0 ? incidents.of(db, engagementIds, incidentIds) : new Map(),
    ]);
    return (id: string) => ({
      ...extras(id),
      slaClocks: clocksOf.get(id) ?? [],
      incident: factsOf.get(id),
    });
  }

  /**
   * Called inside the transaction that removes a member or deletes a team: tickets keep their
   * history but no longer point at them (the foreign keys would refuse the removal otherwise).
   */
  async function detach(
    trx: Db,
    engagementId: string,
    link: { userId: string } | { teamId: string },
  ): Promise<void> {
    if ('teamId' in link) await store.detachTeam(trx, engagementId, link.teamId);
    else await store.detachMember(trx, engagementId, link.userId);
  }

  return {
    createTicket,
    getTicket,
    readable,
    listTickets,
    listAcrossEngagements,
    updateTicket,
    detach,
    announce,
    // For modules building on tickets; each runs in the caller's transaction.
    openTicketIn: writes.open,
    moveTicketIn: writes.move,
    clockEventIn: writes.clockEvent,
    obligationIn: (trx: Trx, engagementId: string, ticketId: string, event: Obligation) =>
      writes.clockEvent(trx, SYSTEM, engagementId, ticketId, event),
    noteIn: writes.note,
  };
}

function mayUpdate(actor: Principal, engagementId: string): boolean {
  return actor.kind === 'system' || can(actor, 'ticket.update', engagementId);
}

function viewFilter(
  view: TicketQuery['view'],
  userId: string,
  party: Party | undefined,
): { assigneeId?: string | null; moveOf?: Party } {
  const other: Party = party === 'internal' ? 'provider' : 'internal';
  switch (view) {
    case 'assigned_to_me':
      return { assigneeId: userId };
    case 'unassigned':
      return { assigneeId: null };
    case 'our_move':
      return party ? { moveOf: party } : {};
    case 'their_move':
      return party ? { moveOf: other } : {};
    default:
      return {};
  }
}

/** A change request's ticket follows the change's own states; only the change moves it. */
function guardChangeTicket(before: { kind: string; status: string }, body: UpdateTicketBody) {
  if (before.kind === 'change' && body.status !== undefined && body.status !== before.status) {
    throw new Conflict(
      'This ticket is a change request: its status follows the change (PATCH …/changes/{changeId}).',
    );
  }
  if (
    body.kind !== undefined &&
    body.kind !== before.kind &&
    (before.kind === 'change' || body.kind === 'change')
  ) {
    throw new Conflict('A ticket cannot become or stop being a change request; open a change instead.');
  }
}
