import { uuidv7 } from 'uuidv7';
import { type Actor, type Principal, staffParty } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { Party } from '../../platform/access/roles.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Forbidden, NotFound } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import type { TicketService } from '../tickets/service.ts';
import type { AskBody, InfoRequest, InfoRequestQuery } from './schema.ts';
import * as store from './store.ts';
import type { InfoRequestsTable } from './tables.ts';

export type InfoRequestService = ReturnType<typeof createInfoRequestService>;

const other = (party: Party): Party => (party === 'internal' ? 'provider' : 'internal');

/**
 * Questions one party asks the other. Asking hands the ticket to the other party (their
 * answer clock runs, the asker's clocks pause); the answer hands it back.
 */
export function createInfoRequestService(
  { db, now }: Pick<PlatformDeps, 'db' | 'now'>,
  tickets: Pick<TicketService, 'readable' | 'openTicketIn' | 'moveTicketIn' | 'noteIn' | 'announce'>,
) {
  async function ask(actor: Principal, engagementId: string, body: AskBody): Promise<InfoRequest> {
    authorize(actor, 'info_request.ask', engagementId);
    const from = staffParty(actor, engagementId);
    if (!from || actor.kind !== 'user') throw new Forbidden('Only IT staff of either party ask questions.');
    const to = other(from);
    if (body.ticketId) {
      const ticket = await tickets.readable(actor, engagementId, body.ticketId);
      if (ticket.status === 'resolved' || ticket.status === 'closed') {
        throw new Conflict(
          `Ticket ${ticket.ticket_prefix}-${ticket.number} is ${ticket.status}; reopen it to ask about it.`,
        );
      }
    }
    const id = uuidv7();
    const ticketId = await db.transaction().execute(async (trx) => {
      const ticket = body.ticketId
        ? { id: body.ticketId }
        : await tickets.openTicketIn(trx, actor, engagementId, {
            title: body.title ?? firstLine(body.question),
            description: body.question,
            kind: 'info_request',
            priority: body.priority,
            ownerParty: from,
          });
      const row: InfoRequestsTable = {
        engagement_id: engagementId,
        id,
        ticket_id: ticket.id,
        from_party: from,
        to_party: to,
        question: body.question,
        answer: null,
        state: 'open',
        asked_by: actor.userId,
        answered_by: null,
        created_at: now().toISOString(),
        answered_at: null,
      };
      await store.insertRequest(trx, row);
      await tickets.noteIn(trx, actor, {
        engagementId,
        ticketId: ticket.id,
        kind: 'info_requested',
        data: { infoRequestId: id, toParty: to, question: body.question },
      });
      await recordAudit(
        trx,
        actor,
        { engagementId, action: 'info_request.asked', targetType: 'info_request', targetId: id, after: row },
        now(),
      );
      const label = await labelOf(trx, engagementId, id);
      await tickets.moveTicketIn(trx, actor, engagementId, ticket.id, `waiting_on_${to}`, {
        kind: 'info_request_response',
        reason: `info request ${label}: “${excerpt(body.question)}”`,
      });
      return ticket.id;
    });
    await tickets.announce(engagementId, ticketId);
    return getRequest(actor, engagementId, id);
  }

  async function answer(actor: Principal, engagementId: string, id: string, text: string) {
    authorize(actor, 'info_request.answer', engagementId);
    const request = await readable(actor, engagementId, id);
    if (staffParty(actor, engagementId) !== request.to_party || actor.kind !== 'user') {
      throw new Forbidden(`This question was asked of the ${request.to_party} team; one of them answers it.`);
    }
    await settle(actor, request, { state: 'answered', answer: text, answered_by: actor.userId }, 'answered');
    return getRequest(actor, engagementId, id);
  }

  async function withdraw(actor: Principal, engagementId: string, id: string) {
    authorize(actor, 'info_request.ask', engagementId);
    const request = await readable(actor, engagementId, id);
    if (staffParty(actor, engagementId) !== request.from_party) {
      throw new Forbidden(`Only the ${request.from_party} team, who asked, can withdraw the question.`);
    }
    await settle(actor, request, { state: 'withdrawn', answer: null, answered_by: null }, 'withdrawn');
    return getRequest(actor, engagementId, id);
  }

  /** Closes the question; the last open one hands the ticket back to the asking side. */
  async function settle(
    actor: Principal,
    request: store.InfoRequestView,
    changes: Pick<InfoRequestsTable, 'state' | 'answer' | 'answered_by'>,
    outcome: 'answered' | 'withdrawn',
  ) {
    if (request.state !== 'open') throw new Conflict(`This question was already ${request.state}.`);
    const { engagement_id: engagementId, ticket_id: ticketId } = request;
    await db.transaction().execute(async (trx) => {
      await store.settleRequest(trx, engagementId, request.id, {
        ...changes,
        answered_at: now().toISOString(),
      });
      await tickets.noteIn(trx, actor, {
        engagementId,
        ticketId,
        kind: `info_request_${outcome}`,
        data: { infoRequestId: request.id, answer: changes.answer },
      });
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: `info_request.${outcome}`,
          targetType: 'info_request',
          targetId: request.id,
          before: { state: request.state },
          after: changes,
        },
        now(),
      );
      if ((await store.openCount(trx, engagementId, ticketId, request.to_party)) === 0) {
        const waiting = `waiting_on_${request.to_party}` as const;
        await tickets.moveTicketIn(trx, actor, engagementId, ticketId, 'in_progress', undefined, waiting);
      }
    });
    await tickets.announce(engagementId, ticketId);
  }

  async function readable(actor: Principal, engagementId: string, id: string) {
    authorize(actor, 'info_request.read', engagementId);
    const row = await store.findRequest(db, engagementId, id);
    if (!row) throw new NotFound();
    return row;
  }

  async function getRequest(actor: Principal, engagementId: string, id: string): Promise<InfoRequest> {
    return present(actor, await readable(actor, engagementId, id));
  }

  async function listRequests(actor: Actor, engagementId: string, query: InfoRequestQuery) {
    authorize(actor, 'info_request.read', engagementId);
    const limit = query.limit ?? 50;
    const rows = await store.listRequests(db, engagementId, {
      state: query.state,
      toParty: query.toParty,
      ticketId: query.ticketId,
      after: decodeCursor(query.cursor) ?? undefined,
      limit,
    });
    return pageOf(
      rows,
      limit,
      (row) => present(actor, row),
      (row) => [row.created_at, row.id],
    );
  }

  function present(actor: Principal, row: store.InfoRequestView): InfoRequest {
    const party = staffParty(actor, row.engagement_id);
    return {
      id: row.id,
      ticketId: row.ticket_id,
      ticketNumber: `${row.ticket_prefix}-${row.ticket_number}`,
      ticketTitle: row.ticket_title,
      fromParty: row.from_party,
      toParty: row.to_party,
      question: row.question,
      answer: row.answer,
      state: row.state,
      askedBy: { id: row.asked_by, name: row.asker_name },
      answeredBy: row.answered_by ? { id: row.answered_by, name: row.answerer_name ?? 'deleted user' } : null,
      createdAt: row.created_at,
      answeredAt: row.answered_at,
      canAnswer: row.state === 'open' && party === row.to_party,
    };
  }

  async function labelOf(trx: Trx, engagementId: string, id: string) {
    const row = await store.findRequest(trx, engagementId, id);
    return row ? `${row.ticket_prefix}-${row.ticket_number}` : '';
  }

  return { ask, answer, withdraw, getRequest, listRequests };
}

function firstLine(text: string): string {
  const line = text
    .trim()
    .split('\n')[0]!
    .replace(/^#+\s*/, '');
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
