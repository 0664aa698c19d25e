import { snapshotOf } from '../../domain/escalation/policy.ts';
import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import type { Party } from '../../platform/access/roles.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, NotFound } from '../../platform/errors.ts';
import type { Drill } from './drill-schema.ts';
import type { Escalator } from './escalator.ts';
import { type Directory, directoryOf } from './people.ts';
import { policyOf } from './policy-presenter.ts';
import * as store from './store.ts';
import type { EscalationRow, PageRow } from './tables.ts';

export type DrillService = ReturnType<typeof createDrillService>;

/**
 * Escalation drills: a manager runs a policy end to end, every level paging for real, with no
 * incident. An acknowledgement moves the drill on to the next level at once; a level nobody
 * acknowledges within its delay is missed and the next fires on the timer. No repeats.
 */
export function createDrillService({ db, now }: Pick<PlatformDeps, 'db' | 'now'>, escalator: Escalator) {
  async function startDrill(actor: Principal, engagementId: string, policyId: string): Promise<Drill> {
    authorize(actor, 'drill.run', engagementId);
    const policy = await store.findPolicy(db, engagementId, policyId);
    if (!policy) throw new NotFound();
    const snapshot = { ...snapshotOf(policyOf(policy), now()), repeat: 0 };
    const row = await db.transaction().execute(async (trx) => {
      const started = await escalator.start(trx, {
        engagementId,
        ticketId: null,
        snapshot,
        startedBy: actor.kind === 'user' ? actor.userId : null,
      });
      await audit(trx, actor, started, 'drill.started', { policyId, policyName: policy.name });
      return started;
    });
    return present(db, row);
  }

  async function listDrills(actor: Principal, engagementId: string) {
    authorize(actor, 'escalation.read', engagementId);
    const rows = await store.listDrills(db, engagementId);
    const dir = await directoryOf(db, engagementId);
    return { items: await Promise.all(rows.map((row) => present(db, row, dir))) };
  }

  async function getDrill(actor: Principal, engagementId: string, drillId: string) {
    authorize(actor, 'escalation.read', engagementId);
    return present(db, await drillOrThrow(db, engagementId, drillId));
  }

  /** The caller acknowledges their page; at the current level that moves the drill on at once. */
  async function acknowledgeDrill(actor: Principal, engagementId: string, drillId: string) {
    authorize(actor, 'escalation.read', engagementId);
    if (actor.kind !== 'user') throw new Conflict('Only a paged person acknowledges a drill page.');
    const row = await db.transaction().execute(async (trx) => {
      await drillOrThrow(trx, engagementId, drillId);
      const esc = (await store.lockEscalation(trx, engagementId, drillId))!;
      return acknowledgeIn(trx, actor, esc, { userId: actor.userId });
    });
    return present(db, row);
  }

  /** Marks the person's open pages of the drill acknowledged; moves on if they were current. */
  async function acknowledgeIn(
    trx: Trx,
    actor: Principal,
    esc: EscalationRow,
    who: { userId: string; pageId?: string },
  ): Promise<EscalationRow> {
    const at = now().toISOString();
    const pages = await store.pagesOf(trx, esc.engagement_id, esc.id);
    const mine = pages.filter(
      (p) => p.user_id === who.userId && p.acknowledged_at === null && (!who.pageId || p.id === who.pageId),
    );
    if (mine.length === 0)
      throw new Conflict('You have no page of this drill waiting for an acknowledgement.');
    await store.acknowledgePages(trx, esc.engagement_id, esc.id, at, { userId: who.userId });
    await audit(trx, actor, esc, 'drill.acknowledged', { level: mine[0]!.level, at });
    const current = mine.some((p) => p.level === esc.level && p.round === esc.round);
    if (esc.state !== 'running' || !current) return esc;
    return escalator.stepFrom(trx, esc);
  }

  async function audit(trx: Trx, actor: Principal, esc: EscalationRow, action: string, after: unknown) {
    await recordAudit(
      trx,
      actor,
      { engagementId: esc.engagement_id, action, targetType: 'drill', targetId: esc.id, after },
      now(),
    );
  }

  return { startDrill, listDrills, getDrill, acknowledgeDrill, acknowledgeIn };
}

async function drillOrThrow(db: Db, engagementId: string, drillId: string) {
  const row = await store.findEscalation(db, engagementId, drillId);
  if (row?.drill !== 1) throw new NotFound();
  return row;
}

async function present(db: Db, row: EscalationRow, known?: Directory): Promise<Drill> {
  const [pages, dir] = await Promise.all([
    store.pagesOf(db, row.engagement_id, row.id),
    known ?? directoryOf(db, row.engagement_id),
  ]);
  const levels = (JSON.parse(row.snapshot) as { levels: unknown[] }).levels.length;
  const finished = row.state !== 'running';
  const starter = row.started_by ? dir.staff.get(row.started_by) : undefined;
  return {
    id: row.id,
    policyId: row.policy_id,
    policyName: row.policy_name,
    state: finished ? 'completed' : 'running',
    startedBy: row.started_by ? { userId: row.started_by, name: starter?.name ?? 'a former member' } : null,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    level: row.level,
    nextAt: finished ? null : row.next_at,
    levels: Array.from({ length: levels }, (_, i) => {
      const level = i + 1;
      const paged = pages.filter((p) => p.level === level);
      const over = finished || level < row.level;
      return {
        level,
        pages: paged.map((page) => presentDrillPage(page, dir)),
        missed: over && !paged.some((p) => p.acknowledged_at !== null),
      };
    }),
  };
}

function presentDrillPage(page: PageRow & { user_name: string }, dir: Directory) {
  return {
    id: page.id,
    userId: page.user_id,
    userName: page.user_name,
    party: (dir.staff.get(page.user_id)?.party ?? null) as Party | null,
    pagedAt: page.paged_at,
    acknowledgedAt: page.acknowledged_at,
  };
}
