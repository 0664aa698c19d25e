import { uuidv7 } from 'uuidv7';
import { changeStatus } from '../../domain/tickets/status.ts';
import type { Actor, Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { can } from '../../platform/access/policy.ts';
import type { Party } from '../../platform/access/roles.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { searchWords } from '../../platform/db/full-text.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { readerIn, ticketScope } from './access.ts';
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
import { addToTimeline } from './timeline.ts';

export type TicketService = ReturnType<typeof createTicketService>;

/** The shared ticket both parties work: create, read, list, change. Comments are comments.ts. */
export function createTicketService({ db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>) {
  async function createTicket(
    actor: Principal,
    engagementId: string,
    body: CreateTicketBody,
  ): Promise<Ticket> {
    authorize(actor, 'ticket.create', engagementId);
    const reader = readerIn(actor, engagementId);
    const requesterId = reader.isRequester ? reader.userId : (body.requesterId ?? null);
    if (reader.isRequester && (body.assigneeId || body.teamId || body.ownerParty)) {
      throw new Forbidden('A requester describes the problem; the IT teams assign it.');
    }
    await checkLinks(db, engagementId, { teamId: body.teamId, assigneeId: body.assigneeId, requesterId });
    const stamp = now().toISOString();
    const row: TicketsTable = {
      engagement_id: engagementId,
      id: uuidv7(),
      number: 0,
      title: body.title.trim(),
      description: body.description ?? '',
      kind: body.kind ?? 'request',
      priority: body.priority ?? 'P3',
      status: 'new',
      owner_party: body.ownerParty ?? (reader.isRequester ? 'internal' : reader.party),
      team_id: body.teamId ?? null,
      assignee_id: body.assigneeId ?? null,
      requester_id: requesterId,
      function_key: body.functionKey ?? null,
      due_at: body.dueAt ?? null,
      created_by: reader.userId ?? requesterId ?? '',
      created_at: stamp,
      updated_at: stamp,
      resolved_at: null,
    };
    await db.transaction().execute(async (trx) => {
      row.number = await store.nextNumber(trx, engagementId);
      await store.insertTicket(trx, row);
      await searchStore.indexTicket(trx, row);
      await store.replaceTags(trx, engagementId, row.id, body.tags ?? []);
      await addToTimeline(trx, actor, {
        engagementId,
        ticketId: row.id,
        kind: 'created',
        data: { title: row.title, status: row.status },
        at: now(),
      });
      await recordAudit(
        trx,
        actor,
        { engagementId, action: 'ticket.created', targetType: 'ticket', targetId: row.id, after: row },
        now(),
      );
    });
    await bus.publish({
      engagementId,
      type: 'ticket.created',
      id: row.id,
      data: { requesterId: row.requester_id },
    });
    return getTicket(actor, engagementId, row.id);
  }

  async function getTicket(actor: Principal, engagementId: string, ticketId: string): Promise<Ticket> {
    const row = await readable(actor, engagementId, ticketId);
    const extras = await store.extrasOf(db, [row.id]);
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
    const extras = await store.extrasOf(
      db,
      rows.slice(0, limit).map((r) => r.id),
    );
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
    const _reader = readerIn(actor, engagementId);
    await checkLinks(db, engagementId, { teamId: body.teamId, assigneeId: body.assigneeId });
    const changes: Partial<TicketsTable> = {};
    if (body.status !== undefined && body.status !== before.status) {
      const moved = changeStatus(before.status, body.status);
      if (!moved.ok) throw new Conflict(moved.reason);
      changes.status = moved.status;
      if (moved.status === 'resolved') changes.resolved_at = now().toISOString();
    }
    const fields = {
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
    for (const [key, column] of Object.entries(fields) as [
      keyof typeof fields,
      (typeof fields)[keyof typeof fields],
    ][]) {
      const value = body[key];
      if (value !== undefined && value !== before[column]) Object.assign(changes, { [column]: value });
    }
    const oldTags = (await store.tagsOf(db, [ticketId])).get(ticketId) ?? [];
    const tagsChanged = body.tags !== undefined && [...body.tags].sort().join(',') !== oldTags.join(',');
    if (Object.keys(changes).length === 0 && !tagsChanged) return getTicket(actor, engagementId, ticketId);
    changes.updated_at = now().toISOString();
    await db.transaction().execute(async (trx) => {
      await store.updateTicket(trx, engagementId, ticketId, changes);
      if (changes.title !== undefined || changes.description !== undefined) {
        await searchStore.indexTicket(trx, { ...before, ...changes });
      }
      if (tagsChanged) await store.replaceTags(trx, engagementId, ticketId, body.tags!);
      const diff: Record<string, { from: unknown; to: unknown }> = Object.fromEntries(
        Object.entries(changes)
          .filter(([column]) => column !== 'updated_at' && column !== 'resolved_at')
          .map(([column, to]) => [column, { from: before[column as keyof typeof before], to }]),
      );
      if (tagsChanged) diff.tags = { from: oldTags, to: body.tags };
      const kind = changes.status ? 'status_changed' : 'updated';
      await addToTimeline(trx, actor, { engagementId, ticketId, kind, data: diff, at: now() });
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: `ticket.${kind}`,
          targetType: 'ticket',
          targetId: ticketId,
          before,
          after: { ...before, ...changes },
        },
        now(),
      );
    });
    await bus.publish({
      engagementId,
      type: 'ticket.updated',
      id: ticketId,
      data: { requesterId: before.requester_id },
    });
    return getTicket(actor, engagementId, ticketId);
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

  return { createTicket, getTicket, readable, listTickets, listAcrossEngagements, updateTicket, detach };
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

/** Team, assignee and requester must belong to this engagement; the assignee must be staff. */
async function checkLinks(
  db: Db,
  engagementId: string,
  links: { teamId?: string | null; assigneeId?: string | null; requesterId?: string | null },
) {
  if (links.teamId && !(await store.teamOf(db, engagementId, links.teamId))) {
    throw new Invalid('No such team in this engagement.', [
      { path: '/teamId', message: 'is not a team of this engagement' },
    ]);
  }
  if (links.assigneeId) {
    const member = await store.membership(db, engagementId, links.assigneeId);
    if (!member || member.role === 'requester' || member.role === 'viewer') {
      throw new Invalid('The assignee must be IT staff of this engagement.', [
        { path: '/assigneeId', message: 'is not staff of this engagement' },
      ]);
    }
  }
  if (links.requesterId && !(await store.membership(db, engagementId, links.requesterId))) {
    throw new Invalid('The requester must be a member of this engagement.', [
      { path: '/requesterId', message: 'is not a member of this engagement' },
    ]);
  }
}
