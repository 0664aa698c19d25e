import { uuidv7 } from 'uuidv7';
import type { PolicySnapshot, Target } from '../../domain/escalation/policy.ts';
import { advance, type Firing, fire, type Position } from '../../domain/escalation/steps.ts';
import type { Track } from '../../domain/oncall/schedule.ts';
import { type Principal, SYSTEM } from '../../platform/access/actor.ts';
import type { Party } from '../../platform/access/roles.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { cancelJobs, enqueueJob } from '../../platform/jobs/queue.ts';
import type { RunningJob } from '../../platform/jobs/worker.ts';
import type { Pager } from '../notifications/pager.ts';
import type { TicketService } from '../tickets/service.ts';
import { type Directory, directoryOf, lookupsAt, namedTarget, type OnCallIn, personOf } from './people.ts';
import * as store from './store.ts';
import type { EscalationRow, EscalationState } from './tables.ts';
import { armWatchdog } from './watchdog.ts';

export const STEP_JOB = 'escalation.step';
export type Escalator = ReturnType<typeof createEscalator>;

export interface EscalatorDeps {
  readonly tickets: Pick<TicketService, 'noteIn' | 'announce'>;
  readonly pager: Pager;
  readonly onCallIn: OnCallIn;
  readonly baseUrl: string;
}

/** A new run of a policy: an incident's escalation or a drill. */
export interface StartEscalation {
  readonly engagementId: string;
  readonly ticketId: string | null;
  readonly snapshot: PolicySnapshot;
  readonly startedBy: string | null;
}

const jobKey = (escalationId: string) => `escalation:${escalationId}`;

/**
 * Runs escalations on durable timers: fires a position (pages, gaps, timeline), arms the next
 * step in the same transaction, and stops. The step job re-reads the escalation under a lock
 * and fires only when it still stands where the job was armed, so a step fires once however
 * many workers claim it or restarts replay it.
 */
export function createEscalator({ db, now }: Pick<PlatformDeps, 'db' | 'now'>, deps: EscalatorDeps) {
  async function start(trx: Trx, request: StartEscalation): Promise<EscalationRow> {
    const at = now();
    const row: EscalationRow = {
      engagement_id: request.engagementId,
      id: uuidv7(),
      ticket_id: request.ticketId,
      drill: request.ticketId === null ? 1 : 0,
      policy_id: request.snapshot.policyId,
      policy_name: request.snapshot.name,
      snapshot: JSON.stringify(request.snapshot),
      level: 1,
      round: 0,
      state: 'running',
      next_at: null,
      started_at: at.toISOString(),
      started_by: request.startedBy,
      acknowledged_at: null,
      acknowledged_by: null,
      ended_at: null,
    };
    await store.insertEscalation(trx, row);
    await armWatchdog(trx, at);
    return fireAt(trx, row, { level: 1, round: 0 });
  }

  /** Pages the position (falling through gaps), records it, and arms the next step. */
  async function fireAt(trx: Trx, esc: EscalationRow, position: Position): Promise<EscalationRow> {
    const at = now();
    const snapshot = snapshotOf(esc);
    const dir = await directoryOf(trx, esc.engagement_id);
    const owner = await ownerPartyOf(trx, esc, dir);
    const targets = [...snapshot.levels.flatMap((l) => l.targets), ...snapshot.fallback];
    const track = esc.ticket_id
      ? ((await store.findIncident(trx, esc.engagement_id, esc.ticket_id))?.track ?? null)
      : null;
    const lookups = await lookupsAt(trx, deps.onCallIn, esc.engagement_id, dir, targets, owner, track, at);
    const firing = fire(snapshot, position, lookups, at);
    const page = await pageContext(trx, esc);
    await recordFiring(trx, esc, firing, { dir, page, track, at });
    const next: EscalationRow = {
      ...esc,
      level: firing.paged.level,
      round: firing.paged.round,
      state: 'running',
      next_at: firing.nextAt.toISOString(),
    };
    await store.updateEscalation(trx, esc.engagement_id, esc.id, {
      level: next.level,
      round: next.round,
      state: next.state,
      next_at: next.next_at,
    });
    await arm(trx, next);
    return next;
  }

  async function recordFiring(
    trx: Trx,
    esc: EscalationRow,
    firing: Firing,
    { dir, page, track, at }: { dir: Directory; page: PageContext; track: Track | null; at: Date },
  ) {
    for (const gap of firing.gaps) {
      const target = namedTarget(dir, gap.target);
      await store.insertGap(trx, {
        engagement_id: esc.engagement_id,
        id: uuidv7(),
        escalation_id: esc.id,
        ticket_id: esc.ticket_id,
        drill: esc.drill,
        track,
        level: gap.level,
        target: JSON.stringify(target),
        reason: gap.reason,
        at: at.toISOString(),
      });
      await note(trx, esc, 'coverage_gap', { level: gap.level, target, reason: gap.reason });
    }
    if (firing.via === 'nobody') {
      await note(trx, esc, 'coverage_gap', {
        level: firing.paged.level,
        target: null,
        reason: 'nobody to page: every level, the fallback and the managers reach nobody',
      });
    }
    for (const paged of firing.pages) await pageOne(trx, esc, dir, page, { ...paged, at });
  }

  /** One page row, its notifications (through the pager) and its timeline entry. */
  async function pageOne(
    trx: Trx,
    esc: EscalationRow,
    dir: Directory,
    page: PageContext,
    paged: { userId: string; target: Target; level: number; round: number; at: Date },
  ): Promise<string> {
    const pageId = uuidv7();
    const target = namedTarget(dir, paged.target);
    await store.insertPage(trx, {
      engagement_id: esc.engagement_id,
      id: pageId,
      escalation_id: esc.id,
      level: paged.level,
      round: paged.round,
      user_id: paged.userId,
      target: JSON.stringify(target),
      paged_at: paged.at.toISOString(),
      acknowledged_at: null,
    });
    await deps.pager.page(trx, {
      engagementId: esc.engagement_id,
      pageId,
      escalationId: esc.id,
      incidentId: esc.ticket_id,
      drill: esc.drill === 1,
      userId: paged.userId,
      level: paged.level,
      round: paged.round,
      title: page.title,
      summary: page.summary,
      url: page.url,
      at: paged.at,
    });
    const person = personOf(dir, paged.userId);
    await note(trx, esc, 'paged', {
      pageId,
      level: paged.level,
      round: paged.round,
      userId: paged.userId,
      userName: person.name,
      party: person.party,
      target,
    });
    return pageId;
  }

  /** Pages people outside the policy's levels (escalated by hand to a party), at the current position. */
  async function pageExtra(
    trx: Trx,
    esc: EscalationRow,
    people: readonly { userId: string; target: Target }[],
  ) {
    const dir = await directoryOf(trx, esc.engagement_id);
    const page = await pageContext(trx, esc);
    const at = now();
    for (const person of people) {
      await pageOne(trx, esc, dir, page, { ...person, level: esc.level, round: esc.round, at });
    }
  }

  /** (Re-)arms the next step: one pending job per escalation, at next_at. */
  async function arm(trx: Trx, esc: EscalationRow) {
    await cancelJobs(trx, { dedupeKey: jobKey(esc.id) });
    if (esc.state !== 'running' || !esc.next_at) return;
    await enqueueJob(
      trx,
      {
        kind: STEP_JOB,
        engagementId: esc.engagement_id,
        payload: { escalationId: esc.id, level: esc.level, round: esc.round },
        runAt: new Date(esc.next_at),
        dedupeKey: jobKey(esc.id),
      },
      now(),
    );
  }

  /** Stops the escalation: no more steps, and notifications not yet sent are withdrawn. */
  async function stop(
    trx: Trx,
    esc: EscalationRow,
    state: Exclude<EscalationState, 'running'>,
    by: { userId: string | null } = { userId: null },
  ) {
    const at = now().toISOString();
    const changes: Partial<EscalationRow> = { state, next_at: null };
    if (state === 'acknowledged') Object.assign(changes, { acknowledged_at: at, acknowledged_by: by.userId });
    else changes.ended_at = at;
    await store.updateEscalation(trx, esc.engagement_id, esc.id, changes);
    await cancelJobs(trx, { dedupeKey: jobKey(esc.id) });
    const pages = await store.pagesOf(trx, esc.engagement_id, esc.id);
    const open = pages.filter((p) => p.acknowledged_at === null).map((p) => p.id);
    if (open.length > 0) await deps.pager.cancel(trx, esc.engagement_id, open);
  }

  /** The step job: fires the next position when the escalation still stands where it was armed. */
  async function onStep(job: RunningJob): Promise<void> {
    const payload = job.payload as { escalationId?: string; level?: number; round?: number } | null;
    if (!job.engagementId || !payload?.escalationId) return;
    const engagementId = job.engagementId;
    const ticketId = await db.transaction().execute(async (trx) => {
      const esc = await store.lockEscalation(trx, engagementId, payload.escalationId!);
      if (!esc || !standsAt(esc, payload)) return undefined;
      await stepFrom(trx, esc);
      return esc.ticket_id;
    });
    if (ticketId) await deps.tickets.announce(engagementId, ticketId);
  }

  /** Moves a running escalation on from where it stands: the next level, or its end. */
  async function stepFrom(trx: Trx, esc: EscalationRow): Promise<EscalationRow> {
    const next = advance(snapshotOf(esc), { level: esc.level, round: esc.round });
    if (next) return fireAt(trx, esc, next);
    const state = esc.drill ? 'completed' : 'exhausted';
    const ended = { state, next_at: null, ended_at: esc.drill ? now().toISOString() : esc.ended_at } as const;
    await store.updateEscalation(trx, esc.engagement_id, esc.id, ended);
    await note(trx, esc, 'escalation_ended', {
      reason: esc.drill
        ? 'the drill paged every level'
        : 'every level and repeat was paged and nobody acknowledged: the incident stays flagged',
    });
    return { ...esc, ...ended };
  }

  async function note(trx: Trx, esc: EscalationRow, kind: string, data: unknown, actor: Principal = SYSTEM) {
    if (!esc.ticket_id) return;
    await deps.tickets.noteIn(trx, actor, {
      engagementId: esc.engagement_id,
      ticketId: esc.ticket_id,
      kind,
      data,
    });
  }

  interface PageContext {
    readonly title: string;
    readonly summary: string;
    readonly url: string;
  }

  async function pageContext(trx: Db, esc: EscalationRow): Promise<PageContext> {
    const slug = await store.engagementSlug(trx, esc.engagement_id);
    if (!esc.ticket_id) {
      return {
        title: `[DRILL] ${esc.policy_name}`,
        summary: `An escalation drill of “${esc.policy_name}”: acknowledge to show the path works.`,
        url: `${deps.baseUrl}/e/${slug}/incidents`,
      };
    }
    const ticket = await trx
      .selectFrom('tickets')
      .innerJoin('engagements', 'engagements.id', 'tickets.engagement_id')
      .select([
        'tickets.title',
        'tickets.description',
        'tickets.priority',
        'tickets.number',
        'engagements.ticket_prefix',
      ])
      .where('tickets.engagement_id', '=', esc.engagement_id)
      .where('tickets.id', '=', esc.ticket_id)
      .executeTakeFirstOrThrow();
    return {
      title: `[${ticket.priority}] ${ticket.ticket_prefix}-${ticket.number} ${ticket.title}`,
      summary: ticket.description.slice(0, 500),
      url: `${deps.baseUrl}/e/${slug}/tickets/${esc.ticket_id}`,
    };
  }

  /** The party whose managers are the last resort: the incident's owner, or the drill's runner. */
  async function ownerPartyOf(trx: Db, esc: EscalationRow, dir: Directory): Promise<Party> {
    if (esc.ticket_id) {
      const ticket = await trx
        .selectFrom('tickets')
        .select('owner_party')
        .where('engagement_id', '=', esc.engagement_id)
        .where('id', '=', esc.ticket_id)
        .executeTakeFirst();
      if (ticket) return ticket.owner_party;
    }
    return (esc.started_by && dir.staff.get(esc.started_by)?.party) || 'provider';
  }

  return { start, fireAt, stepFrom, pageExtra, arm, stop, onStep, note };
}

export function snapshotOf(esc: Pick<EscalationRow, 'snapshot'>): PolicySnapshot {
  return JSON.parse(esc.snapshot) as PolicySnapshot;
}

/** Whether a running escalation still stands where a step job was armed. */
function standsAt(esc: EscalationRow, armed: { level?: number; round?: number }): boolean {
  return esc.state === 'running' && esc.level === armed.level && esc.round === armed.round;
}
