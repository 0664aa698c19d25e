import type { Target } from '../../domain/escalation/policy.ts';
import { advance } from '../../domain/escalation/steps.ts';
import { type Principal, staffParty } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { Party } from '../../platform/access/roles.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import type { IncidentAlerts } from '../integrations/incident-alerts.ts';
import type { TicketService } from '../tickets/service.ts';
import { type Escalator, snapshotOf } from './escalator.ts';
import { storedIncidentOf } from './hand-opened.ts';
import type { EscalateBody } from './incident-schema.ts';
import { directoryOf, lookupsAt, managersOf, type OnCallIn } from './people.ts';
import * as store from './store.ts';
import type { EscalationRow, IncidentRow } from './tables.ts';

export type IncidentResponse = ReturnType<typeof createIncidentResponse>;

export interface ResponseDeps {
  readonly tickets: Pick<
    TicketService,
    'readable' | 'getTicket' | 'announce' | 'moveTicketIn' | 'noteIn' | 'obligationIn'
  >;
  readonly escalator: Escalator;
  readonly alerts: () => IncidentAlerts;
  readonly onCallIn: OnCallIn;
}

/** How an acknowledgement arrived, for the timeline. */
export type Via = 'api' | 'email' | 'web';

/**
 * A person acting on an incident: acknowledge (paging stops), resolve (it ends), escalate to
 * the next level, a chosen level or the other party. Each writes its timeline entry and audit
 * record in one transaction and tells the alerts; the live update goes out after commit.
 */
export function createIncidentResponse({ db, now }: Pick<PlatformDeps, 'db' | 'now'>, deps: ResponseDeps) {
  const { tickets, escalator } = deps;

  /** Runs `work` on the incident in a transaction, with its escalation locked; answers the ticket. */
  async function act(
    actor: Principal,
    engagementId: string,
    ticketId: string,
    work: (trx: Trx, incident: IncidentRow, esc: EscalationRow | undefined) => Promise<void>,
  ) {
    authorize(actor, 'incident.respond', engagementId);
    await tickets.readable(actor, engagementId, ticketId);
    await db.transaction().execute(async (trx) => {
      const incident = await storedIncidentOf(trx, engagementId, ticketId, now());
      if (!incident) throw new NotFound();
      const found = await store.escalationOfTicket(trx, engagementId, ticketId);
      const esc = found && (await store.lockEscalation(trx, engagementId, found.id));
      await work(trx, incident, esc);
    });
    await tickets.announce(engagementId, ticketId);
    return tickets.getTicket(actor, engagementId, ticketId);
  }

  async function acknowledgeIn(
    trx: Trx,
    actor: Principal,
    incident: IncidentRow,
    esc: EscalationRow | undefined,
    via: Via,
  ) {
    const { engagement_id: engagementId, ticket_id: ticketId } = incident;
    await openOrThrow(trx, engagementId, ticketId);
    // A person already acknowledged it: a second click (or e-mail link) changes nothing.
    if (esc?.state === 'acknowledged' && esc.acknowledged_by !== null) return;
    const userId = actor.kind === 'user' ? actor.userId : null;
    if (esc && (esc.state === 'running' || esc.state === 'exhausted')) {
      await escalator.stop(trx, esc, 'acknowledged', { userId });
      if (userId) await store.acknowledgePages(trx, engagementId, esc.id, now().toISOString(), { userId });
    }
    await takeOver(trx, incident);
    for (const from of ['new', 'triaged'] as const) {
      await tickets.moveTicketIn(trx, actor, engagementId, ticketId, 'in_progress', undefined, from);
    }
    await tickets.noteIn(trx, actor, {
      engagementId,
      ticketId,
      kind: 'acknowledged',
      data: { by: actor.name, party: staffParty(actor, engagementId) ?? null, via },
    });
    await audit(trx, actor, incident, 'incident.acknowledged', { via });
    await deps.alerts().acknowledgeAll(trx, engagementId, ticketId, now());
  }

  async function resolveIn(
    trx: Trx,
    actor: Principal,
    incident: IncidentRow,
    esc: EscalationRow | undefined,
    via: Via,
  ) {
    const { engagement_id: engagementId, ticket_id: ticketId } = incident;
    await openOrThrow(trx, engagementId, ticketId);
    if (esc && esc.state !== 'ended') {
      await escalator.stop(trx, esc, 'ended');
      await escalator.note(trx, esc, 'escalation_ended', { reason: `resolved by ${actor.name}` }, actor);
    }
    await takeOver(trx, incident);
    await tickets.moveTicketIn(trx, actor, engagementId, ticketId, 'resolved');
    await audit(trx, actor, incident, 'incident.resolved', { via });
    await deps.alerts().resolveAll(trx, engagementId, ticketId, now());
  }

  async function escalateIn(
    trx: Trx,
    actor: Principal,
    incident: IncidentRow,
    esc: EscalationRow | undefined,
    body: EscalateBody,
  ) {
    const { engagement_id: engagementId, ticket_id: ticketId } = incident;
    const ticket = await openOrThrow(trx, engagementId, ticketId);
    if (!esc) throw new Conflict('This incident has no escalation to move.');
    const reason = body.reason?.trim() || `escalated by ${actor.name}`;
    let toLevel: number | null = null;
    if (body.toParty) {
      await pageParty(trx, incident, esc, body.toParty);
      if (body.toParty === 'internal') {
        await tickets.obligationIn(trx, engagementId, ticketId, {
          type: 'obligation_opened',
          party: 'internal',
          kind: 'incident_join',
          reason: `incident ${ticket.label} escalated to internal by ${actor.name}: ${reason}`,
        });
      }
    } else {
      const snapshot = snapshotOf(esc);
      const to = body.level ?? advance(snapshot, { level: esc.level, round: esc.round })?.level;
      if (to === undefined)
        throw new Conflict('The escalation is already at its last level; escalate to a party instead.');
      if (to > snapshot.levels.length) {
        throw new Invalid(`The policy has ${snapshot.levels.length} levels.`, [
          { path: '/level', message: `must be from 1 to ${snapshot.levels.length}` },
        ]);
      }
      await escalator.fireAt(trx, esc, { level: to, round: esc.round });
      toLevel = to;
    }
    await tickets.noteIn(trx, actor, {
      engagementId,
      ticketId,
      kind: 'escalated',
      data: { toLevel, toParty: body.toParty ?? null, reason },
    });
    await audit(trx, actor, incident, 'incident.escalated', { ...body, reason });
  }

  /** The party's on-call people on the incident's track, else its managers: paged now. */
  async function pageParty(trx: Trx, incident: IncidentRow, esc: EscalationRow, party: Party) {
    const dir = await directoryOf(trx, incident.engagement_id);
    const schedules = [...dir.schedules].filter(([, s]) => s.party === party && s.track === incident.track);
    const targets: Target[] = schedules.map(([id]) => ({ type: 'schedule', id }));
    const lookups = await lookupsAt(
      trx,
      deps.onCallIn,
      incident.engagement_id,
      dir,
      targets,
      party,
      incident.track,
      now(),
    );
    const onCall = targets.flatMap((target) =>
      lookups.onCall(target.id).map((userId) => ({ userId, target })),
    );
    const people =
      onCall.length > 0
        ? onCall.filter(
            (p, i) => onCall.findIndex((q) => q.userId === p.userId) === i && dir.staff.has(p.userId),
          )
        : managersOf(dir, party).map((userId) => ({ userId, target: { type: 'user' as const, id: userId } }));
    if (people.length === 0) throw new Conflict(`Nobody of the ${party} party can be paged.`);
    await escalator.pageExtra(trx, esc, people);
  }

  async function openOrThrow(trx: Trx, engagementId: string, ticketId: string) {
    const ticket = await trx
      .selectFrom('tickets')
      .innerJoin('engagements', 'engagements.id', 'tickets.engagement_id')
      .select(['tickets.status', 'tickets.number', 'engagements.ticket_prefix'])
      .where('tickets.engagement_id', '=', engagementId)
      .where('tickets.id', '=', ticketId)
      .executeTakeFirstOrThrow();
    if (ticket.status === 'resolved' || ticket.status === 'closed') {
      throw new Conflict(`The incident is ${ticket.status}.`);
    }
    return { status: ticket.status, label: `${ticket.ticket_prefix}-${ticket.number}` };
  }

  async function takeOver(trx: Trx, incident: IncidentRow) {
    if (incident.taken_over === 1) return;
    await store.updateIncident(trx, incident.engagement_id, incident.ticket_id, {
      taken_over: 1,
      updated_at: now().toISOString(),
    });
  }

  async function audit(trx: Trx, actor: Principal, incident: IncidentRow, action: string, after: unknown) {
    await recordAudit(
      trx,
      actor,
      {
        engagementId: incident.engagement_id,
        action,
        targetType: 'ticket',
        targetId: incident.ticket_id,
        after,
      },
      now(),
    );
  }

  return {
    acknowledge: (actor: Principal, engagementId: string, ticketId: string, via: Via = 'api') =>
      act(actor, engagementId, ticketId, (trx, incident, esc) =>
        acknowledgeIn(trx, actor, incident, esc, via),
      ),
    resolve: (actor: Principal, engagementId: string, ticketId: string, via: Via = 'api') =>
      act(actor, engagementId, ticketId, (trx, incident, esc) => resolveIn(trx, actor, incident, esc, via)),
    escalate: (actor: Principal, engagementId: string, ticketId: string, body: EscalateBody) =>
      act(actor, engagementId, ticketId, (trx, incident, esc) => escalateIn(trx, actor, incident, esc, body)),
  };
}
