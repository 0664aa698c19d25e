import { uuidv7 } from 'uuidv7';
import type { TicketEvent, WaitCause } from '../../domain/sla/plan.ts';
import { changeStatus, type TicketStatus } from '../../domain/tickets/status.ts';
import { type Principal, SYSTEM, staffParty } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { Party } from '../../platform/access/roles.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { readerIn } from './access.ts';
import type { ClockedTicket, TicketClocks } from './clock-hooks.ts';
import type { CreateTicketBody } from './schema.ts';
import * as searchStore from './search-store.ts';
import * as store from './store.ts';
import type { TicketsTable } from './tables.ts';
import { addToTimeline, type TimelineEntry } from './timeline.ts';

export type TicketWrites = ReturnType<typeof createTicketWrites>;
type StoredTicket = NonNullable<Awaited<ReturnType<typeof store.findTicket>>>;

const clocked = (row: TicketsTable, prefix: string): ClockedTicket => ({
  ...row,
  label: `${prefix}-${row.number}`,
});

/**
 * Every write to a ticket, in the caller's transaction: the row, its search entry, timeline,
 * audit record and SLA clocks change together or not at all. Other modules (changes,
 * information requests) build on these, so a change's ticket moves exactly like any other.
 */
export function createTicketWrites({ now }: Pick<PlatformDeps, 'now'>, clocks: TicketClocks) {
  async function open(
    trx: Trx,
    actor: Principal,
    engagementId: string,
    body: CreateTicketBody,
    routed?: Routed,
  ) {
    authorize(actor, 'ticket.create', engagementId);
    const reader = readerIn(actor, engagementId);
    const requesterId = reader.isRequester ? reader.userId : (body.requesterId ?? null);
    if (reader.isRequester && (body.assigneeId || body.teamId || body.ownerParty)) {
      throw new Forbidden('A requester describes the problem; the IT teams assign it.');
    }
    await checkLinks(trx, engagementId, { teamId: body.teamId, assigneeId: body.assigneeId, requesterId });
    // A route found before the transaction may name someone who just left: keep only what still holds.
    const route = routed && (await stillValid(trx, engagementId, routed));
    const stamp = now().toISOString();
    const row: TicketsTable = {
      engagement_id: engagementId,
      id: uuidv7(),
      number: await store.nextNumber(trx, engagementId),
      title: body.title.trim(),
      description: body.description ?? '',
      kind: body.kind ?? 'request',
      priority: body.priority ?? 'P3',
      status: 'new',
      owner_party: body.ownerParty ?? route?.party ?? (reader.isRequester ? 'internal' : reader.party),
      team_id: body.teamId ?? route?.teamId ?? null,
      assignee_id: body.assigneeId ?? route?.assigneeId ?? null,
      requester_id: requesterId,
      function_key: body.functionKey ?? null,
      due_at: body.dueAt ?? null,
      created_by: reader.userId ?? requesterId ?? '',
      created_at: stamp,
      updated_at: stamp,
      resolved_at: null,
    };
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
    if (route) {
      await addToTimeline(trx, SYSTEM, {
        engagementId,
        ticketId: row.id,
        kind: 'routed',
        data: {
          party: route.party,
          teamId: route.teamId,
          assigneeId: route.assigneeId,
          reasons: route.reasons,
        },
        at: now(),
      });
    }
    await recordAudit(
      trx,
      actor,
      { engagementId, action: 'ticket.created', targetType: 'ticket', targetId: row.id, after: row },
      now(),
    );
    const prefix = await store.prefixOf(trx, engagementId);
    await clocks.onTicketEvent(trx, actor, clocked(row, prefix), { type: 'created' }, now());
    return clocked(row, prefix);
  }

  /** Applies column changes already checked by the caller, with timeline, audit and clocks. */
  async function apply(
    trx: Trx,
    actor: Principal,
    before: StoredTicket,
    changes: Partial<TicketsTable>,
    extra: { tags?: { from: readonly string[]; to: readonly string[] }; cause?: WaitCause } = {},
  ): Promise<void> {
    const { engagement_id: engagementId, id: ticketId } = before;
    changes.updated_at = now().toISOString();
    await store.updateTicket(trx, engagementId, ticketId, changes);
    if (changes.title !== undefined || changes.description !== undefined) {
      await searchStore.indexTicket(trx, { ...before, ...changes });
    }
    if (extra.tags) await store.replaceTags(trx, engagementId, ticketId, extra.tags.to);
    const diff: Record<string, { from: unknown; to: unknown }> = Object.fromEntries(
      Object.entries(changes)
        .filter(([column]) => column !== 'updated_at' && column !== 'resolved_at')
        .map(([column, to]) => [column, { from: before[column as keyof typeof before], to }]),
    );
    if (extra.tags) diff.tags = { from: extra.tags.from, to: extra.tags.to };
    const kind = changes.status ? 'status_changed' : 'updated';
    await addToTimeline(trx, actor, { engagementId, ticketId, kind, data: diff, at: now() });
    const { ticket_prefix: prefix, ...beforeRow } = before;
    await recordAudit(
      trx,
      actor,
      {
        engagementId,
        action: `ticket.${kind}`,
        targetType: 'ticket',
        targetId: ticketId,
        before: beforeRow,
        after: { ...beforeRow, ...changes },
      },
      now(),
    );
    const after = clocked({ ...beforeRow, ...changes }, prefix);
    for (const event of clockEvents(actor, before, after, extra.cause)) {
      await clocks.onTicketEvent(trx, actor, after, event, now());
    }
  }

  /**
   * Moves a ticket's status for another module (a question asked, a change submitted); with
   * `onlyFrom`, only if the ticket is still in that status (someone may have moved it since).
   */
  async function move(
    trx: Trx,
    actor: Principal,
    engagementId: string,
    ticketId: string,
    to: TicketStatus,
    cause?: WaitCause,
    onlyFrom?: TicketStatus,
  ): Promise<void> {
    const before = await store.findTicket(trx, engagementId, ticketId);
    if (!before) throw new NotFound();
    if (before.status === to || (onlyFrom !== undefined && before.status !== onlyFrom)) return;
    const moved = changeStatus(before.status, to);
    if (!moved.ok) throw new Conflict(moved.reason);
    const changes: Partial<TicketsTable> = { status: to };
    if (to === 'resolved') changes.resolved_at = now().toISOString();
    await apply(trx, actor, before, changes, { cause });
  }

  /** Tells the clocks about something that is not a column change (a reply, an obligation). */
  async function clockEvent(
    trx: Trx,
    actor: Principal,
    engagementId: string,
    ticketId: string,
    event: TicketEvent,
  ): Promise<void> {
    const row = await store.findTicket(trx, engagementId, ticketId);
    if (!row) throw new NotFound();
    const { ticket_prefix: prefix, ...ticket } = row;
    await clocks.onTicketEvent(trx, actor, clocked(ticket, prefix), event, now());
  }

  async function note(trx: Trx, actor: Principal, entry: Omit<TimelineEntry, 'at'>): Promise<void> {
    await addToTimeline(trx, actor, { ...entry, at: now() });
  }

  return { open, apply, move, clockEvent, note, checkLinks };
}

/** What a change means for the clocks, in the order the rules expect. */
function clockEvents(actor: Principal, before: TicketsTable, after: ClockedTicket, cause?: WaitCause) {
  const events: TicketEvent[] = [];
  if (after.owner_party !== before.owner_party) {
    events.push({ type: 'owner_changed', from: before.owner_party, to: after.owner_party });
  }
  if (after.status !== before.status) {
    events.push({ type: 'status_changed', from: before.status, to: after.status, cause, by: actor.name });
    const party = staffParty(actor, after.engagement_id);
    // Taking the ticket up (or asking the other side something) is the owner's first response.
    if (party === after.owner_party && after.status !== 'resolved' && after.status !== 'closed') {
      events.push({ type: 'responded', party });
    }
  }
  const changed = (['priority', 'kind'] as const).filter((column) => after[column] !== before[column]);
  if (changed.length) events.push({ type: 'retargeted', changed });
  return events;
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

type Routed = { party: Party; teamId: string | null; assigneeId: string | null; reasons: string[] };

async function stillValid(db: Db, engagementId: string, routed: Routed): Promise<Routed> {
  const team = routed.teamId ? await store.teamOf(db, engagementId, routed.teamId) : undefined;
  const member = routed.assigneeId ? await store.membership(db, engagementId, routed.assigneeId) : undefined;
  const staff = member && member.role !== 'requester' && member.role !== 'viewer';
  return { ...routed, teamId: team ? routed.teamId : null, assigneeId: staff ? routed.assigneeId : null };
}
