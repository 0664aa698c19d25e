import { awaitsApproval, decide, isFinished } from '../../domain/changes/lifecycle.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { isApprover, notAnApproverMessage } from './approvers.ts';
import { type ChangeTickets, type createChangeMoves, labelOf } from './moves.ts';
import type { ApprovalBody, Change } from './schema.ts';
import * as store from './store.ts';
import type { ChangeApprovalsTable } from './tables.ts';

type Moves = ReturnType<typeof createChangeMoves>;

/**
 * Approvers decide: each eligible approver once per round. Any rejection rejects; approvals
 * reaching the quorum approve. The decision closes the approval obligation (and its clock).
 */
export function createChangeApprovals(
  { db, now }: Pick<PlatformDeps, 'db' | 'now'>,
  tickets: ChangeTickets,
  {
    moveIn,
    getChange,
  }: Moves & { getChange: (actor: Actor, engagementId: string, id: string) => Promise<Change> },
) {
  async function decideChange(
    actor: Actor,
    engagementId: string,
    changeId: string,
    body: ApprovalBody,
  ): Promise<Change> {
    authorize(actor, 'change.approve', engagementId);
    const reason = body.reason?.trim() ?? '';
    await db.transaction().execute(async (trx) => {
      await store.lockChange(trx, engagementId, changeId);
      const change = await store.findChange(trx, engagementId, changeId);
      if (!change) throw new NotFound();
      const label = labelOf(change);
      if (!isApprover(actor, engagementId, change.approver_party)) {
        throw new Forbidden(notAnApproverMessage(actor, engagementId, change.approver_party));
      }
      if (!awaitsApproval(change.type, change.state, change.approval)) {
        throw new Conflict(
          `${label} is not awaiting approval: it is ${change.state.replaceAll('_', ' ')}${change.approval === 'approved' || change.approval === 'rejected' ? ` and was ${change.approval}` : ''}.`,
        );
      }
      const earlier = await store.approvalsOf(trx, engagementId, [changeId]);
      const mine = earlier.find((a) => a.approver_id === actor.userId);
      if (mine) {
        throw new Conflict(`You already ${mine.decision === 'approve' ? 'approved' : 'rejected'} ${label}.`);
      }
      if (body.decision === 'reject' && reason === '') {
        throw new Invalid('Say why the change is rejected, so its owner can revise it.', [
          { path: '/reason', message: 'is required to reject' },
        ]);
      }
      const approval: ChangeApprovalsTable = {
        engagement_id: engagementId,
        change_id: changeId,
        approver_id: actor.userId,
        decision: body.decision,
        reason,
        decided_at: now().toISOString(),
      };
      await store.insertApproval(trx, approval);
      const eligible = (await store.approverIds(trx, engagementId, change.approver_party)).length;
      const outcome = decide([...earlier.map((a) => a.decision), body.decision], change.quorum, eligible);
      await tickets.noteIn(trx, actor, {
        engagementId,
        ticketId: changeId,
        kind: 'change_approval',
        data: {
          decision: body.decision,
          reason,
          outcome,
          approvals: earlier.length + 1,
          quorum: change.quorum,
        },
      });
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'change.approval',
          targetType: 'change',
          targetId: changeId,
          after: { ...approval, outcome },
        },
        now(),
      );
      if (outcome === 'pending') {
        await store.updateChange(trx, engagementId, changeId, { updated_at: now().toISOString() });
        return;
      }
      // Closed before any ticket move: resolving the ticket would cancel the clock instead.
      await tickets.obligationIn(trx, engagementId, changeId, {
        type: 'obligation_closed',
        party: change.approver_party,
        kind: 'change_approval',
        reason: `change ${label} ${outcome}`,
      });
      if (change.state === 'submitted') {
        await moveIn(trx, actor, change, outcome, { reason: reason || undefined });
        return;
      }
      // An emergency change that went ahead: the decision is recorded; its state stays.
      await store.updateChange(trx, engagementId, changeId, {
        approval: outcome,
        updated_at: now().toISOString(),
      });
      if (isFinished(change.state))
        await tickets.moveTicketIn(trx, actor, engagementId, changeId, 'resolved');
    });
    await tickets.announce(engagementId, changeId);
    return getChange(actor, engagementId, changeId);
  }

  return { decideChange };
}
