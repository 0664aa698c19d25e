import { type ChangeState, isDecided, moveChange } from '../../domain/changes/lifecycle.ts';
import type { Actor, Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { can } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Invalid, NotFound } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import type { SlaClock } from '../sla/clock-schema.ts';
import { createChangeApprovals } from './approvals.ts';
import { isApprover } from './approvers.ts';
import { createExternalChanges } from './external.ts';
import { createFreezeWindows } from './freeze-windows.ts';
import { type ChangeTickets, createChangeMoves, labelOf, storedPart } from './moves.ts';
import { toChange } from './presenter.ts';
import { checkFreeze, iso, windowOf } from './scheduling.ts';
import type { Change, ChangeQuery, CreateChangeBody, UpdateChangeBody } from './schema.ts';
import type { ChangeListRow } from './store.ts';
import * as store from './store.ts';
import type { ChangeRequestsTable } from './tables.ts';
import { createChangeTemplates } from './templates.ts';

export type ChangeService = ReturnType<typeof createChangeService>;

/** Plan fields that only a draft may change: once submitted, approvers decide on them as they are. */
const PLAN_FIELDS = {
  type: 'type',
  risk: 'risk',
  impact: 'impact',
  implementationPlan: 'implementation_plan',
  backoutPlan: 'backout_plan',
  testPlan: 'test_plan',
  affectedAssets: 'affected_assets',
  quorum: 'quorum',
} as const;

/** States in which the window may still move. */
const WINDOW_OPEN: readonly ChangeState[] = ['draft', 'submitted', 'approved', 'rejected', 'scheduled'];

/**
 * Change requests: a ticket of kind `change` plus its plans, window and approvals. Every state
 * move goes through moves.ts so the ticket, its clocks, the timeline and the audit log follow.
 */
export function createChangeService({ db, now }: Pick<PlatformDeps, 'db' | 'now'>, tickets: ChangeTickets) {
  const { moveIn } = createChangeMoves({ now }, tickets);

  async function createChange(actor: Actor, engagementId: string, body: CreateChangeBody): Promise<Change> {
    authorize(actor, 'change.create', engagementId);
    const template = body.templateId
      ? await store.findTemplate(db, engagementId, body.templateId)
      : undefined;
    if (body.templateId && !template) {
      throw new Invalid('No such change template in this engagement.', [
        { path: '/templateId', message: 'is not a change template of this engagement' },
      ]);
    }
    const type = body.type ?? (template ? 'standard' : 'normal');
    if (type === 'standard' && !template) {
      throw new Invalid('A standard change is made from a pre-approved template.', [
        { path: '/templateId', message: 'is required for a standard change' },
      ]);
    }
    if (template && type !== 'standard') {
      throw new Invalid('A change made from a template is a standard change.', [
        { path: '/type', message: 'must be standard when templateId is given' },
      ]);
    }
    const title = body.title?.trim() || template?.name;
    if (!title) throw new Invalid('Give the change a title.', [{ path: '/title', message: 'is required' }]);
    const window = windowOf(body.windowStart ?? null, body.windowEnd ?? null);
    if (body.quorum !== undefined) await checkQuorum(engagementId, body.quorum);

    const id = await db.transaction().execute(async (trx) => {
      const ticket = await tickets.openTicketIn(trx, actor, engagementId, {
        title,
        description: body.description ?? template?.description ?? '',
        kind: 'change',
        priority: body.priority,
        ownerParty: body.ownerParty,
      });
      const row: ChangeRequestsTable = {
        engagement_id: engagementId,
        id: ticket.id,
        type,
        state: 'draft',
        risk: body.risk ?? template?.risk ?? 'medium',
        impact: body.impact ?? template?.impact ?? 'medium',
        window_start: window.start,
        window_end: window.end,
        implementation_plan: body.implementationPlan ?? template?.implementation_plan ?? '',
        backout_plan: body.backoutPlan ?? template?.backout_plan ?? '',
        test_plan: body.testPlan ?? template?.test_plan ?? '',
        affected_assets: body.affectedAssets ?? '',
        template_id: template?.id ?? null,
        quorum: body.quorum ?? 1,
        approver_party: 'internal',
        approval: 'none',
        created_at: ticket.created_at,
        updated_at: ticket.created_at,
      };
      await store.insertChange(trx, row);
      await tickets.noteIn(trx, actor, {
        engagementId,
        ticketId: row.id,
        kind: 'change_state',
        data: { from: null, to: 'draft' },
      });
      await recordAudit(
        trx,
        actor,
        { engagementId, action: 'change.created', targetType: 'change', targetId: row.id, after: row },
        now(),
      );
      return row.id;
    });
    await tickets.announce(engagementId, id);
    return getChange(actor, engagementId, id);
  }

  async function getChange(actor: Principal, engagementId: string, changeId: string): Promise<Change> {
    authorize(actor, 'change.read', engagementId);
    const row = await store.findChange(db, engagementId, changeId);
    if (!row) throw new NotFound();
    const [presented] = await present(actor, engagementId, [row]);
    return presented!;
  }

  async function listChanges(actor: Actor, engagementId: string, query: ChangeQuery) {
    authorize(actor, 'change.read', engagementId);
    const limit = query.limit ?? 50;
    const position = decodeCursor(query.cursor);
    if (
      query.from !== undefined &&
      query.to !== undefined &&
      !(Date.parse(query.from) < Date.parse(query.to))
    ) {
      throw new Invalid('The range must end after it starts.', [
        { path: 'query:/to', message: 'is not after from' },
      ]);
    }
    // The approval queue of someone who approves nothing is empty.
    if (query.awaitingMyApproval && !isApprover(actor, engagementId, 'internal')) {
      return { items: [], nextCursor: null };
    }
    const sort = query.from !== undefined || query.to !== undefined ? 'window' : 'updated';
    const rows = await store.listChanges(db, {
      engagementId,
      states: query.state,
      type: query.type,
      from: query.from && iso(query.from),
      to: query.to && iso(query.to),
      undecidedBy: query.awaitingMyApproval ? actor.userId : undefined,
      sort,
      after: position ?? undefined,
      limit,
    });
    const presented = new Map(
      (await present(actor, engagementId, rows.slice(0, limit))).map((change) => [change.id, change]),
    );
    return pageOf(
      rows,
      limit,
      (row) => presented.get(row.id)!,
      (row) =>
        store.SORTS[sort].map(
          (c) => row[c.ref.slice('change_requests.'.length) as keyof typeof row] as string,
        ),
    );
  }

  async function updateChange(
    actor: Actor,
    engagementId: string,
    changeId: string,
    body: UpdateChangeBody,
  ): Promise<Change> {
    authorize(actor, 'change.update', engagementId);
    if (body.quorum !== undefined) await checkQuorum(engagementId, body.quorum);
    const moved = await db.transaction().execute(async (trx) => {
      await store.lockChange(trx, engagementId, changeId);
      const before = await store.findChange(trx, engagementId, changeId);
      if (!before) throw new NotFound();
      const label = labelOf(before);
      const edits: Partial<ChangeRequestsTable> = {};
      for (const [key, column] of Object.entries(PLAN_FIELDS) as [
        keyof typeof PLAN_FIELDS,
        (typeof PLAN_FIELDS)[keyof typeof PLAN_FIELDS],
      ][]) {
        const value = body[key];
        if (value !== undefined && value !== before[column]) Object.assign(edits, { [column]: value });
      }
      // Revising a rejected change and moving it back to draft may come in one request.
      const revisable = before.state === 'draft' || (before.state === 'rejected' && body.state === 'draft');
      if (Object.keys(edits).length > 0 && !revisable) {
        throw new Conflict(
          `${label} is ${words(before.state)}; only a draft change can be revised${before.state === 'rejected' ? ' (move it back to draft first)' : ''}.`,
        );
      }
      if (edits.type !== undefined && (edits.type === 'standard' || before.type === 'standard')) {
        throw new Invalid('A standard change comes from a template; create a new change from one instead.', [
          { path: '/type', message: 'cannot change to or from standard' },
        ]);
      }
      const windowAsked = body.windowStart !== undefined || body.windowEnd !== undefined;
      const window = windowOf(
        body.windowStart !== undefined ? body.windowStart : before.window_start,
        body.windowEnd !== undefined ? body.windowEnd : before.window_end,
      );
      const windowMoved =
        windowAsked && (window.start !== before.window_start || window.end !== before.window_end);
      if (windowMoved && !WINDOW_OPEN.includes(before.state)) {
        throw new Conflict(`${label} is ${words(before.state)}; its window can no longer move.`);
      }
      if (windowMoved) Object.assign(edits, { window_start: window.start, window_end: window.end });

      const to = body.state !== undefined && body.state !== before.state ? body.state : undefined;
      if (to !== undefined) {
        if (isDecided(to)) {
          throw new Conflict(
            `Approvers decide whether ${label} is approved or rejected: POST its approvals.`,
          );
        }
        const allowed = moveChange(before.type, before.state, to);
        if (!allowed.ok) throw new Conflict(allowed.reason);
      }
      const endState = to ?? before.state;
      const freezeOverride =
        to === 'scheduled' || (endState === 'scheduled' && windowMoved)
          ? await checkFreeze(trx, before, window)
          : undefined;
      if (to === 'submitted' && before.type !== 'standard') await checkApproversExist(trx, before);

      let current: ChangeListRow = before;
      if (Object.keys(edits).length > 0) {
        edits.updated_at = now().toISOString();
        await store.updateChange(trx, engagementId, changeId, edits);
        current = { ...before, ...edits };
        await tickets.noteIn(trx, actor, {
          engagementId,
          ticketId: changeId,
          kind: 'change_updated',
          data: diffOf(before, edits),
        });
        await recordAudit(
          trx,
          actor,
          {
            engagementId,
            action: 'change.updated',
            targetType: 'change',
            targetId: changeId,
            before: storedPart(before),
            after: storedPart(current),
          },
          now(),
        );
      }
      if (to !== undefined)
        current = await moveIn(trx, actor, current, to, { reason: body.reason?.trim() || undefined });
      if (to === 'submitted' && current.type === 'standard') {
        const template = current.template_id
          ? await store.findTemplate(trx, engagementId, current.template_id)
          : undefined;
        current = await moveIn(trx, actor, current, 'approved', {
          reason: `pre-approved by the template “${template?.name ?? 'standard change'}”`,
        });
      }
      if (freezeOverride) {
        await tickets.noteIn(trx, actor, {
          engagementId,
          ticketId: changeId,
          kind: 'change_freeze_overridden',
          data: {
            freezeWindowId: freezeOverride.id,
            name: freezeOverride.name,
            detail: freezeOverride.detail,
          },
        });
      }
      return current !== before;
    });
    const ticketFields = {
      ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.priority !== undefined ? { priority: body.priority } : {}),
    };
    // Title, description and priority are the ticket's; its own service records their change.
    if (Object.keys(ticketFields).length > 0)
      await tickets.updateTicket(actor, engagementId, changeId, ticketFields);
    else if (moved) await tickets.announce(engagementId, changeId);
    return getChange(actor, engagementId, changeId);
  }

  async function checkApproversExist(trx: Trx, change: ChangeListRow) {
    const approvers = await store.approverIds(trx, change.engagement_id, change.approver_party);
    if (approvers.length === 0) {
      throw new Conflict(
        `No one can approve ${labelOf(change)}: the ${change.approver_party} party has no manager or admin in this engagement.`,
      );
    }
  }

  async function checkQuorum(engagementId: string, quorum: number) {
    const eligible = (await store.approverIds(db, engagementId, 'internal')).length;
    if (quorum > eligible) {
      throw new Invalid(`The quorum must be between 1 and the ${eligible} eligible approvers.`, [
        { path: '/quorum', message: `is more than the ${eligible} eligible approvers` },
      ]);
    }
  }

  /** Presents changes with their approvals and their tickets' SLA clocks. */
  async function present(
    actor: Principal,
    engagementId: string,
    rows: readonly ChangeListRow[],
  ): Promise<Change[]> {
    const approvals = await store.approvalsOf(
      db,
      engagementId,
      rows.map((r) => r.id),
    );
    const clocks = new Map<string, SlaClock[]>();
    for (const row of rows) {
      clocks.set(row.id, (await tickets.getTicket(actor, engagementId, row.id)).slaClocks);
    }
    const viewer = {
      userId: actor.kind === 'user' ? actor.userId : null,
      mayUpdate: actor.kind === 'system' || can(actor, 'change.update', engagementId),
    };
    return rows.map((row) =>
      toChange(
        row,
        approvals.filter((a) => a.change_id === row.id),
        clocks.get(row.id) ?? [],
        { ...viewer, isApprover: isApprover(actor, engagementId, row.approver_party) },
      ),
    );
  }

  return {
    createChange,
    getChange,
    listChanges,
    updateChange,
    ...createChangeApprovals({ db, now }, tickets, { moveIn, getChange }),
    ...createFreezeWindows({ db, now }),
    ...createChangeTemplates({ db, now }),
    ...createExternalChanges({ now }, tickets),
  };
}

function words(state: ChangeState): string {
  return state.replaceAll('_', ' ');
}

function diffOf(before: ChangeListRow, edits: Partial<ChangeRequestsTable>) {
  return Object.fromEntries(
    Object.entries(edits)
      .filter(([column]) => column !== 'updated_at')
      .map(([column, to]) => [column, { from: before[column as keyof ChangeListRow], to }]),
  );
}
