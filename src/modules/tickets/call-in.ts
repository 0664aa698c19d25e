import { type Principal, staffParty } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { Party } from '../../platform/access/roles.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Forbidden } from '../../platform/errors.ts';
import type { TicketService } from './service.ts';

export type CallInService = ReturnType<typeof createCallInService>;

/**
 * Calling the other party into an incident, and their joining it. The call starts the called
 * party's incident_join clock; the first of them to join stops it. (Escalation policies page
 * people; this is the hand-raised "we need you on this" between the two teams.)
 */
export function createCallInService(
  { db, now }: Pick<PlatformDeps, 'db' | 'now'>,
  tickets: Pick<TicketService, 'readable' | 'clockEventIn' | 'noteIn' | 'announce'>,
) {
  async function callIn(actor: Principal, engagementId: string, ticketId: string, reason: string) {
    authorize(actor, 'ticket.update', engagementId);
    const ticket = await tickets.readable(actor, engagementId, ticketId);
    const party = staffParty(actor, engagementId);
    if (!party) throw new Forbidden('Only IT staff call the other party in.');
    if (ticket.kind !== 'incident')
      throw new Conflict('Only an incident calls the other party in; ask a question instead.');
    if (ticket.status === 'resolved' || ticket.status === 'closed')
      throw new Conflict(`The incident is ${ticket.status}.`);
    const called: Party = party === 'internal' ? 'provider' : 'internal';
    const label = `${ticket.ticket_prefix}-${ticket.number}`;
    await db.transaction().execute(async (trx) => {
      await tickets.noteIn(trx, actor, {
        engagementId,
        ticketId,
        kind: 'called_in',
        data: { party: called, reason },
      });
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'ticket.called_in',
          targetType: 'ticket',
          targetId: ticketId,
          after: { party: called, reason },
        },
        now(),
      );
      await tickets.clockEventIn(trx, actor, engagementId, ticketId, {
        type: 'obligation_opened',
        party: called,
        kind: 'incident_join',
        reason: `incident ${label} escalated to ${called} by ${actor.name}: ${reason}`,
      });
    });
    await tickets.announce(engagementId, ticketId);
  }

  async function join(actor: Principal, engagementId: string, ticketId: string) {
    authorize(actor, 'ticket.update', engagementId);
    await tickets.readable(actor, engagementId, ticketId);
    const party = staffParty(actor, engagementId);
    if (!party) throw new Forbidden('Only IT staff join an incident.');
    await db.transaction().execute(async (trx) => {
      await tickets.noteIn(trx, actor, { engagementId, ticketId, kind: 'joined', data: { party } });
      await recordAudit(
        trx,
        actor,
        { engagementId, action: 'ticket.joined', targetType: 'ticket', targetId: ticketId, after: { party } },
        now(),
      );
      await tickets.clockEventIn(trx, actor, engagementId, ticketId, {
        type: 'obligation_closed',
        party,
        kind: 'incident_join',
        reason: `${actor.name} joined for the ${party} team`,
      });
    });
    await tickets.announce(engagementId, ticketId);
  }

  return { callIn, join };
}
