import type { Selectable } from 'kysely';
import type {
  ApprovalStatus,
  ChangeLevel,
  ChangeState,
  ChangeType,
  Decision,
} from '../../domain/changes/lifecycle.ts';
import type { Party } from '../../platform/access/roles.ts';

/**
 * The change-specific half of a change request; the other half is the ticket of kind `change`
 * with the same id (title, description, priority, owner, number, timeline, clocks).
 */
export interface ChangeRequestsTable {
  engagement_id: string;
  id: string;
  type: ChangeType;
  state: ChangeState;
  risk: ChangeLevel;
  impact: ChangeLevel;
  /** ISO instants in UTC; both null until a window is planned. */
  window_start: string | null;
  window_end: string | null;
  implementation_plan: string;
  backout_plan: string;
  test_plan: string;
  /** Free text until the asset inventory exists. */
  affected_assets: string;
  /** The pre-approved template of a standard change. */
  template_id: string | null;
  /** Approvals needed to approve. */
  quorum: number;
  /** The accountable party, whose managers approve (the internal party until the matrix exists). */
  approver_party: Party;
  approval: ApprovalStatus;
  created_at: string;
  updated_at: string;
}

/** One approver's decision in the current approval round. */
export interface ChangeApprovalsTable {
  engagement_id: string;
  change_id: string;
  approver_id: string;
  decision: Decision;
  /** Required to reject; may be empty to approve. */
  reason: string;
  decided_at: string;
}

/** A pre-approved recipe for standard changes: the plans and ratings every instance copies. */
export interface ChangeTemplatesTable {
  engagement_id: string;
  id: string;
  name: string;
  description: string;
  risk: ChangeLevel;
  impact: ChangeLevel;
  implementation_plan: string;
  backout_plan: string;
  test_plan: string;
  created_by: string;
  created_at: string;
}

/** A period in which no change may be scheduled, half-open [starts_at, ends_at). */
export interface FreezeWindowsTable {
  engagement_id: string;
  id: string;
  name: string;
  reason: string;
  starts_at: string;
  ends_at: string;
  created_by: string;
  created_at: string;
}

export type ChangeRequestRow = Selectable<ChangeRequestsTable>;
export type ChangeApprovalRow = Selectable<ChangeApprovalsTable>;
export type ChangeTemplateRow = Selectable<ChangeTemplatesTable>;
export type FreezeWindowRow = Selectable<FreezeWindowsTable>;
