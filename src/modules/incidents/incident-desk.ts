import { SYSTEM } from '../../platform/access/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { TicketService } from '../tickets/service.ts';
import { emptyChecklist } from './checklist.ts';
import type { AlertNote, IncidentDesk, OpenIncident } from './desk.ts';
import type { Escalator } from './escalator.ts';
import { policyFor, type RouteDeps, routeIncident } from './incident-route.ts';
import { type Directory, directoryOf, managersOf } from './people.ts';
import * as store from './store.ts';

export const NO_ROLES = { commander: null, communications: null, scribe: null };

export interface DeskDeps {
  readonly tickets: Pick<TicketService, 'openTicketIn' | 'moveTicketIn' | 'noteIn'>;
  readonly escalator: Escalator;
  readonly routes: RouteDeps;
}

/**
 * The incidents module as the alerts pipeline sees it: every call runs in the pipeline's
 * transaction, so an alert, its incident and the first pages commit together.
 */
export function createIncidentDesk(
  deps: Pick<PlatformDeps, 'now'>,
  { tickets, escalator, routes }: DeskDeps,
) {
  const { now } = deps;

  async function openIncident(trx: Trx, request: OpenIncident) {
    const { engagementId } = request;
    const dir = await directoryOf(trx, engagementId);
    const route = await routeIncident(trx, deps, routes, request, dir);
    const policy = await policyFor(trx, request, route, dir, now());
    const ticket = await tickets.openTicketIn(
      trx,
      SYSTEM,
      engagementId,
      {
        title: request.title.slice(0, 200),
        description: request.description,
        kind: 'incident',
        priority: request.priority,
        functionKey: request.functionKey,
        requesterId: standIn(dir, route),
      },
      { party: route.party, teamId: route.teamId, assigneeId: route.assigneeId, reasons: route.reasons },
    );
    const stamp = now().toISOString();
    const security = request.track === 'security';
    await store.insertIncident(trx, {
      engagement_id: engagementId,
      ticket_id: ticket.id,
      severity: request.severity,
      track: request.track,
      security: security ? 1 : 0,
      taken_over: 0,
      integration_id: request.integration.id,
      route_reasons: JSON.stringify(route.reasons),
      roles: JSON.stringify(NO_ROLES),
      checklist: security ? JSON.stringify(emptyChecklist()) : null,
      created_at: stamp,
      updated_at: stamp,
    });
    await tickets.noteIn(trx, SYSTEM, {
      engagementId,
      ticketId: ticket.id,
      kind: 'escalation_started',
      data: {
        policyId: policy.snapshot.policyId,
        policyName: policy.snapshot.name,
        reasons: [...route.reasons, `escalation: ${policy.why}`],
      },
    });
    await escalator.start(trx, {
      engagementId,
      ticketId: ticket.id,
      snapshot: policy.snapshot,
      startedBy: null,
    });
    return { incidentId: ticket.id };
  }

  async function noteAlert(trx: Trx, note: AlertNote) {
    await tickets.noteIn(trx, SYSTEM, {
      engagementId: note.engagementId,
      ticketId: note.incidentId,
      kind: note.kind,
      data: { alertId: note.alertId, summary: note.summary, source: note.source },
    });
  }

  /** The source acknowledged every alert: the escalation stops as if a person had acknowledged. */
  async function alertsAcknowledged(trx: Trx, engagementId: string, incidentId: string) {
    const esc = await store.escalationOfTicket(trx, engagementId, incidentId);
    if (esc?.state !== 'running') return;
    await escalator.stop(trx, esc, 'acknowledged');
    await escalator.note(trx, esc, 'acknowledged', { by: null, party: null, via: 'alert' });
  }

  /**
   * The incident's last alert resolved: the incident resolves with it unless a person has taken
   * it over (takenOver), who then decides when it is done.
   */
  async function alertsResolved(trx: Trx, engagementId: string, incidentId: string) {
    const incident = await store.findIncident(trx, engagementId, incidentId);
    if (!incident || (await takenOver(trx, engagementId, incidentId, incident.taken_over))) return;
    const esc = await store.escalationOfTicket(trx, engagementId, incidentId);
    if (esc && (esc.state === 'running' || esc.state === 'acknowledged' || esc.state === 'exhausted')) {
      await escalator.stop(trx, esc, 'ended');
      await escalator.note(trx, esc, 'escalation_ended', { reason: 'every alert resolved' });
    }
    await tickets.moveTicketIn(trx, SYSTEM, engagementId, incidentId, 'resolved');
  }

  async function isOpen(trx: Trx, engagementId: string, incidentId: string) {
    const ticket = await trx
      .selectFrom('tickets')
      .select('status')
      .where('engagement_id', '=', engagementId)
      .where('id', '=', incidentId)
      .executeTakeFirst();
    return !!ticket && ticket.status !== 'resolved' && ticket.status !== 'closed';
  }

  const desk: IncidentDesk = {
    openIncident,
    noteAlert,
    alertsAcknowledged: (trx, engagementId, incidentId) => alertsAcknowledged(trx, engagementId, incidentId),
    alertsResolved: (trx, engagementId, incidentId) => alertsResolved(trx, engagementId, incidentId),
    isOpen,
  };
  return desk;
}

/**
 * "Taken over" means a person acted on the incident: acknowledged, escalated or resolved it
 * through Tandem (the flag), or changed its status or assignee on the ticket (its timeline).
 * Comments alone do not count: anyone may remark on an incident without owning it.
 */
async function takenOver(trx: Trx, engagementId: string, ticketId: string, flag: number) {
  if (flag === 1) return true;
  const moved = await trx
    .selectFrom('ticket_activity')
    .select(['kind', 'data'])
    .where('engagement_id', '=', engagementId)
    .where('ticket_id', '=', ticketId)
    .where('actor_id', 'is not', null)
    .where('kind', 'in', ['status_changed', 'updated'])
    .execute();
  return moved.some((entry) => entry.kind === 'status_changed' || entry.data.includes('"assignee_id"'));
}

/**
 * A ticket must name a user who created it (tickets.created_by references users), and one
 * opened by Tandem itself has none: it names the person it routes to, else a manager of the
 * owning party, as its requester (which is what created_by falls back to). Remove once
 * ticket writes accept the system as creator.
 */
function standIn(dir: Directory, route: { party: 'internal' | 'provider'; assigneeId: string | null }) {
  return route.assigneeId ?? managersOf(dir, route.party)[0] ?? [...dir.staff.keys()][0] ?? null;
}
