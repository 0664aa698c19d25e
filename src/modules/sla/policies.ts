import { uuidv7 } from 'uuidv7';
import type { ClockKind, ClockParty } from '../../domain/sla/clock.ts';
import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflictOnDuplicate } from '../../platform/db/unique.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../platform/errors.ts';
import type { CalendarService } from '../calendars/service.ts';
import { DEFAULT_WARN_PERCENT, type SlaPolicy, type SlaPolicyBody, type SlaTarget } from './policy-schema.ts';
import * as store from './policy-store.ts';
import type { SlaPolicyRow } from './tables.ts';

export type SlaPolicyService = ReturnType<typeof createSlaPolicyService>;

/** What a ticket is held to: its policy's targets at the ticket's priority. */
export interface TicketTargets {
  /** The policy that applies; null when the engagement has none for the ticket's kind. */
  readonly policyId: string | null;
  readonly warnPercent: number;
  /** The target of one party's clock of one kind; undefined when no clock of that kind runs. */
  readonly targetOf: (
    party: ClockParty,
    kind: ClockKind,
  ) => { minutes: number; calendarId: string } | undefined;
}

/**
 * SLA policies of one engagement: targets for both parties, per clock kind and priority. A ticket
 * kind is covered by at most one policy; a policy naming no kinds is the catch-all for the rest.
 */
export function createSlaPolicyService(
  { db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>,
  calendars: Pick<CalendarService, 'byIds'>,
) {
  async function listPolicies(actor: Principal, engagementId: string): Promise<SlaPolicy[]> {
    authorize(actor, 'sla.read', engagementId);
    return (await store.listPolicies(db, engagementId)).map(toPolicy);
  }

  async function getPolicy(actor: Principal, engagementId: string, policyId: string): Promise<SlaPolicy> {
    authorize(actor, 'sla.read', engagementId);
    return toPolicy(await policyOrThrow(db, engagementId, policyId));
  }

  async function createPolicy(
    actor: Principal,
    engagementId: string,
    body: SlaPolicyBody,
  ): Promise<SlaPolicy> {
    authorize(actor, 'sla.manage', engagementId);
    const at = now().toISOString();
    const row: SlaPolicyRow = {
      engagement_id: engagementId,
      id: uuidv7(),
      ...columnsOf(body),
      created_at: at,
      updated_at: at,
    };
    await db.transaction().execute(async (trx) => {
      await checkAgainstOthers(trx, engagementId, row);
      await store.insertPolicy(trx, row).catch(duplicateName);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'sla_policy.created',
          targetType: 'sla_policy',
          targetId: row.id,
          after: toPolicy(row),
        },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'sla_policy.created', id: row.id });
    return toPolicy(row);
  }

  /** Replaces the whole policy. Clocks already running keep the target they started with. */
  async function updatePolicy(
    actor: Principal,
    engagementId: string,
    policyId: string,
    body: SlaPolicyBody,
  ): Promise<SlaPolicy> {
    authorize(actor, 'sla.manage', engagementId);
    const before = await policyOrThrow(db, engagementId, policyId);
    const changes = { ...columnsOf(body), updated_at: laterThan(now(), before.updated_at) };
    const after: SlaPolicyRow = { ...before, ...changes };
    await db.transaction().execute(async (trx) => {
      await checkAgainstOthers(trx, engagementId, after);
      await store.updatePolicy(trx, engagementId, policyId, changes).catch(duplicateName);
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'sla_policy.updated',
          targetType: 'sla_policy',
          targetId: policyId,
          before: toPolicy(before),
          after: toPolicy(after),
        },
        now(),
      );
    });
    await bus.publish({ engagementId, type: 'sla_policy.updated', id: policyId });
    return toPolicy(after);
  }

  /**
   * Calendars must be the engagement's own, and a ticket kind (or the catch-all) belongs to one
   * policy. Runs under the policies' lock, so two writers cannot both claim a kind.
   */
  async function checkAgainstOthers(trx: Db, engagementId: string, row: SlaPolicyRow): Promise<void> {
    const targets = JSON.parse(row.targets) as SlaTarget[];
    const known = await calendars.byIds(
      trx,
      engagementId,
      targets.map((target) => target.calendarId),
    );
    const unknown: FieldError[] = targets.flatMap((target, index) =>
      known.has(target.calendarId)
        ? []
        : [{ path: `/targets/${index}/calendarId`, message: 'is not a calendar of this engagement' }],
    );
    if (unknown.length > 0)
      throw new Invalid('A target names a calendar this engagement does not have.', unknown);

    await store.lockPolicies(trx, engagementId);
    const kinds = JSON.parse(row.ticket_kinds) as string[];
    for (const other of await store.listPolicies(trx, engagementId)) {
      if (other.id === row.id) continue;
      const theirs = JSON.parse(other.ticket_kinds) as string[];
      if (kinds.length === 0 && theirs.length === 0)
        throw new Conflict(`“${other.name}” is already the catch-all policy (it names no ticket kinds).`);
      const shared = kinds.filter((kind) => theirs.includes(kind));
      if (shared.length > 0)
        throw new Conflict(`“${other.name}” already covers ${shared.join(', ')} tickets.`);
    }
  }

  /**
   * The targets a ticket is held to: the policy naming its kind, else the catch-all, else none.
   * Read each time (the engagement's few policy rows), so an edit anywhere is seen at once.
   */
  async function targetsFor(
    db: Db,
    engagementId: string,
    ticket: { kind: string; priority: string },
  ): Promise<TicketTargets> {
    const policies = await store.listPolicies(db, engagementId);
    const kindsOf = (policy: SlaPolicyRow) => JSON.parse(policy.ticket_kinds) as string[];
    const policy =
      policies.find((p) => kindsOf(p).includes(ticket.kind)) ?? policies.find((p) => kindsOf(p).length === 0);
    if (!policy) return { policyId: null, warnPercent: DEFAULT_WARN_PERCENT, targetOf: () => undefined };
    const targets = (JSON.parse(policy.targets) as SlaTarget[]).filter((t) => t.priority === ticket.priority);
    return {
      policyId: policy.id,
      warnPercent: policy.warn_percent,
      targetOf(party, kind) {
        const target = targets.find((t) => t.party === party && t.kind === kind);
        return target && { minutes: target.minutes, calendarId: target.calendarId };
      },
    };
  }

  return { listPolicies, getPolicy, createPolicy, updatePolicy, targetsFor };
}

async function policyOrThrow(db: Db, engagementId: string, policyId: string): Promise<SlaPolicyRow> {
  const row = await store.findPolicy(db, engagementId, policyId);
  if (!row) throw new NotFound();
  return row;
}

/** The stored columns of a body, refusing what one policy alone can tell is wrong. */
function columnsOf(
  body: SlaPolicyBody,
): Pick<SlaPolicyRow, 'name' | 'ticket_kinds' | 'warn_percent' | 'targets'> {
  const name = body.name.trim();
  if (name === '') throw new Invalid('Name the policy.', [{ path: '/name', message: 'is blank' }]);
  const seen = new Map<string, number>();
  const repeated: FieldError[] = [];
  body.targets.forEach((target, index) => {
    const key = `${target.party} ${target.kind} ${target.priority}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else repeated.push({ path: `/targets/${index}`, message: `repeats ${key} (already /targets/${first})` });
  });
  if (repeated.length > 0)
    throw new Invalid('A policy has one target per party, clock kind and priority.', repeated);
  const targets = body.targets.map(({ party, kind, priority, minutes, calendarId }) => ({
    party,
    kind,
    priority,
    minutes,
    calendarId,
  }));
  return {
    name,
    ticket_kinds: JSON.stringify([...body.ticketKinds].sort()),
    warn_percent: body.warnPercent ?? DEFAULT_WARN_PERCENT,
    targets: JSON.stringify(targets),
  };
}

function toPolicy(row: SlaPolicyRow): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    ticketKinds: JSON.parse(row.ticket_kinds) as SlaPolicy['ticketKinds'],
    warnPercent: row.warn_percent,
    targets: JSON.parse(row.targets) as SlaTarget[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** `now`, or a millisecond after `previous` when the clock has not moved past it, so every edit shows. */
function laterThan(at: Date, previous: string): string {
  return new Date(Math.max(at.getTime(), Date.parse(previous) + 1)).toISOString();
}

const duplicateName = conflictOnDuplicate('An SLA policy with this name exists in the engagement.');
