import { type Principal, staffParty } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import type { TicketService } from '../tickets/service.ts';
import type { ChecklistStep, IrStep } from './checklist.ts';
import { incidentRecordOf, storedIncidentOf } from './hand-opened.ts';
import { presentIncident } from './incident-presenter.ts';
import type { ChecklistBody, DecisionBody, Incident, RolesBody, SeverityBody } from './incident-schema.ts';
import { directoryOf } from './people.ts';
import * as store from './store.ts';
import type { IncidentRow } from './tables.ts';

export type IncidentRecord = ReturnType<typeof createIncidentRecord>;
type Roles = Record<'commander' | 'communications' | 'scribe', string | null>;

/**
 * The incident as a record of the response: who holds which role, what was decided and by
 * whom for which party, the IR checklist of a security incident, its severity.
 */
export function createIncidentRecord(
  { db, now }: Pick<PlatformDeps, 'db' | 'now'>,
  tickets: Pick<TicketService, 'readable' | 'announce' | 'noteIn'>,
) {
  async function getIncident(actor: Principal, engagementId: string, ticketId: string): Promise<Incident> {
    authorize(actor, 'escalation.read', engagementId);
    await tickets.readable(actor, engagementId, ticketId);
    const incident = (await incidentRecordOf(db, engagementId, ticketId, now()))?.row;
    if (!incident) throw new NotFound();
    const row = await store.escalationOfTicket(db, engagementId, ticketId);
    const [dir, pages, gaps] = await Promise.all([
      directoryOf(db, engagementId),
      row ? store.pagesOf(db, engagementId, row.id) : [],
      row ? store.gapsOf(db, engagementId, row.id) : [],
    ]);
    return presentIncident(incident, row ? { row, pages, gaps } : null, dir);
  }

  /** Runs a change to the incident record in a transaction; answers the incident. */
  async function change(
    actor: Principal,
    engagementId: string,
    ticketId: string,
    work: (trx: Trx, incident: IncidentRow) => Promise<Partial<IncidentRow>>,
  ) {
    authorize(actor, 'incident.respond', engagementId);
    await tickets.readable(actor, engagementId, ticketId);
    await db.transaction().execute(async (trx) => {
      const incident = await storedIncidentOf(trx, engagementId, ticketId, now());
      if (!incident) throw new NotFound();
      const changes = await work(trx, incident);
      if (Object.keys(changes).length > 0) {
        await store.updateIncident(trx, engagementId, ticketId, {
          ...changes,
          updated_at: now().toISOString(),
        });
      }
    });
    await tickets.announce(engagementId, ticketId);
    return getIncident(actor, engagementId, ticketId);
  }

  const setRoles = (actor: Principal, engagementId: string, ticketId: string, body: RolesBody) =>
    change(actor, engagementId, ticketId, async (trx, incident) => {
      const dir = await directoryOf(trx, engagementId);
      const roles = JSON.parse(incident.roles) as Roles;
      const next = { ...roles };
      for (const role of ['commander', 'communications', 'scribe'] as const) {
        const userId = body[role];
        if (userId === undefined || userId === roles[role]) continue;
        if (userId !== null && !dir.staff.has(userId)) {
          throw new Invalid('A role goes to a staff member of either party.', [
            { path: `/${role}`, message: 'is not staff of this engagement' },
          ]);
        }
        next[role] = userId;
        const member = userId ? dir.staff.get(userId) : undefined;
        await tickets.noteIn(trx, actor, {
          engagementId,
          ticketId,
          kind: 'role_assigned',
          data: { role, userId, userName: member?.name ?? null, party: member?.party ?? null },
        });
      }
      await audit(trx, actor, incident, 'incident.roles_changed', { before: roles, after: next });
      return { roles: JSON.stringify(next) };
    });

  const recordDecision = (actor: Principal, engagementId: string, ticketId: string, body: DecisionBody) =>
    change(actor, engagementId, ticketId, async (trx, incident) => {
      const data = {
        decision: body.decision.trim(),
        rationale: body.rationale?.trim() ?? '',
        by: actor.name,
        party: staffParty(actor, engagementId) ?? null,
      };
      await tickets.noteIn(trx, actor, { engagementId, ticketId, kind: 'decision', data });
      await audit(trx, actor, incident, 'incident.decision_recorded', { after: data });
      return {};
    });

  const tickStep = (
    actor: Principal,
    engagementId: string,
    ticketId: string,
    step: IrStep,
    body: ChecklistBody,
  ) =>
    change(actor, engagementId, ticketId, async (trx, incident) => {
      if (!incident.checklist) throw new Conflict('Only a security incident has an IR checklist.');
      const checklist = JSON.parse(incident.checklist) as ChecklistStep[];
      const before = checklist.find((entry) => entry.step === step)!;
      const by =
        actor.kind === 'user'
          ? { userId: actor.userId, name: actor.name, party: staffParty(actor, engagementId) ?? null }
          : null;
      const after: ChecklistStep = {
        step,
        done: body.done,
        doneAt: body.done ? (before.done ? before.doneAt : now().toISOString()) : null,
        doneBy: body.done ? (before.done ? before.doneBy : by) : null,
        evidence: body.evidence ?? before.evidence,
      };
      await tickets.noteIn(trx, actor, {
        engagementId,
        ticketId,
        kind: 'checklist',
        data: { step, done: after.done, evidence: after.evidence },
      });
      await audit(trx, actor, incident, 'incident.checklist_changed', { before, after });
      return { checklist: JSON.stringify(checklist.map((entry) => (entry.step === step ? after : entry))) };
    });

  const setSeverity = (actor: Principal, engagementId: string, ticketId: string, body: SeverityBody) =>
    change(actor, engagementId, ticketId, async (trx, incident) => {
      if (incident.severity === body.severity) return {};
      const diff = { severity: { from: incident.severity, to: body.severity } };
      await tickets.noteIn(trx, actor, { engagementId, ticketId, kind: 'updated', data: diff });
      await audit(trx, actor, incident, 'incident.severity_changed', {
        before: incident.severity,
        after: body.severity,
      });
      return { severity: body.severity };
    });

  async function audit(
    trx: Trx,
    actor: Principal,
    incident: IncidentRow,
    action: string,
    detail: { before?: unknown; after?: unknown } | object,
  ) {
    await recordAudit(
      trx,
      actor,
      {
        engagementId: incident.engagement_id,
        action,
        targetType: 'ticket',
        targetId: incident.ticket_id,
        ...detail,
      },
      now(),
    );
  }

  return { getIncident, setRoles, recordDecision, tickStep, setSeverity };
}
