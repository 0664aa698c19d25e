import { awaitsApproval, requestableStates } from '../../domain/changes/lifecycle.ts';
import type { SlaClock } from '../sla/clock-schema.ts';
import type { Change, ChangeTemplate, FreezeWindow } from './schema.ts';
import type { ApprovalListRow, ChangeListRow } from './store.ts';
import type { ChangeTemplateRow, FreezeWindowRow } from './tables.ts';

/** What the caller may do with a change, decided by the service. */
export interface ChangeViewer {
  readonly userId: string | null;
  /** May move the change's state and edit it (change.update). */
  readonly mayUpdate: boolean;
  /** Is one of the approver party's managers or admins. */
  readonly isApprover: boolean;
}

/** A change as its caller sees it: the change row, its ticket's fields, approvals and clocks. */
export function toChange(
  row: ChangeListRow,
  approvals: readonly ApprovalListRow[],
  slaClocks: readonly SlaClock[],
  viewer: ChangeViewer,
): Change {
  const waiting = awaitsApproval(row.type, row.state, row.approval);
  const decided = approvals.some((a) => a.approver_id === viewer.userId);
  // The newest open change-approval clock of the approver party says when approval is due.
  const approvalClock = slaClocks.findLast(
    (c) => c.kind === 'change_approval' && c.party === row.approver_party && c.stoppedAt === null,
  );
  return {
    id: row.id,
    engagementId: row.engagement_id,
    number: `${row.ticket_prefix}-${row.number}`,
    title: row.title,
    description: row.description,
    type: row.type,
    state: row.state,
    risk: row.risk,
    impact: row.impact,
    priority: row.priority,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    implementationPlan: row.implementation_plan,
    backoutPlan: row.backout_plan,
    testPlan: row.test_plan,
    affectedAssets: row.affected_assets,
    templateId: row.template_id,
    quorum: row.quorum,
    approverParty: row.approver_party,
    approvalStatus: row.approval,
    approvals: approvals.map((a) => ({
      approverId: a.approver_id,
      approverName: a.approver_name,
      decision: a.decision,
      reason: a.reason,
      at: a.decided_at,
    })),
    approvalDueAt: row.approval === 'pending' ? (approvalClock?.dueAt ?? null) : null,
    ownerParty: row.owner_party,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    allowedStates: viewer.mayUpdate ? requestableStates(row.type, row.state) : [],
    canApprove: viewer.isApprover && waiting && !decided,
    slaClocks: [...slaClocks],
  };
}

export function toFreezeWindow(row: FreezeWindowRow): FreezeWindow {
  return {
    id: row.id,
    name: row.name,
    reason: row.reason,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function toChangeTemplate(row: ChangeTemplateRow): ChangeTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    risk: row.risk,
    impact: row.impact,
    implementationPlan: row.implementation_plan,
    backoutPlan: row.backout_plan,
    testPlan: row.test_plan,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
