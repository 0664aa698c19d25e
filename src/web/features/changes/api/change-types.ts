/**
 * The shapes of the change API (`…/changes`, `…/freeze-windows`, `…/change-templates`), written
 * by hand from the contract until the web app generates its types from `/openapi.json`.
 */
import type { Party, TicketPriority } from '../../../lib/api-types.ts';

export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export const CHANGE_STATES = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'scheduled',
  'in_progress',
  'completed',
  'failed',
  'rolled_back',
] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export const CHANGE_LEVELS = ['low', 'medium', 'high'] as const;
/** Risk and impact share one scale. */
export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

export interface ChangeApproval {
  approverId: string;
  approverName: string;
  decision: 'approve' | 'reject';
  /** Always given for a rejection; may be empty for an approval. */
  reason: string;
  at: string;
}

/** One SLA clock on the change, e.g. the accountable party's approval clock. */
export interface ChangeSlaClock {
  party: Party;
  kind: string;
  state: string;
  running: boolean;
  targetMinutes: number;
  elapsedMinutes: number;
  remainingMinutes: number;
  dueAt: string | null;
  warnAt: string | null;
  startedAt: string;
  stoppedAt: string | null;
  breachedAt: string | null;
  calendarName: string;
}

export interface Change {
  /** Also the id of the change's ticket, which holds its timeline and comments. */
  id: string;
  engagementId: string;
  /** The ticket number, e.g. LOGI-12. */
  number: string;
  title: string;
  /** Markdown. */
  description: string;
  type: ChangeType;
  state: ChangeState;
  risk: ChangeLevel;
  impact: ChangeLevel;
  priority: TicketPriority;
  windowStart: string | null;
  windowEnd: string | null;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
  affectedAssets: string;
  templateId: string | null;
  /** Approvals needed. */
  quorum: number;
  /** The party whose managers approve. */
  approverParty: Party;
  /** none before submission; pending while approvers decide; approved or rejected. */
  approvalStatus: 'none' | 'pending' | 'approved' | 'rejected';
  /** Decisions of the current approval round, oldest first. */
  approvals: ChangeApproval[];
  approvalDueAt: string | null;
  ownerParty: Party;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** States the caller may move the change to now. */
  allowedStates: ChangeState[];
  canApprove: boolean;
  slaClocks: ChangeSlaClock[];
}

export interface NewChange {
  title: string;
  description?: string;
  type: ChangeType;
  risk: ChangeLevel;
  impact: ChangeLevel;
  priority?: TicketPriority;
  windowStart?: string | null;
  windowEnd?: string | null;
  implementationPlan?: string;
  backoutPlan?: string;
  testPlan?: string;
  affectedAssets?: string;
  templateId?: string | null;
  quorum?: number;
}

/** A PATCH: any field of a new change, and `state` to move it (with an optional `reason`). */
export type ChangeEdit = Partial<Omit<NewChange, 'templateId'>> & { state?: ChangeState; reason?: string };

export interface ChangeQuery {
  state?: ChangeState[] | undefined;
  type?: ChangeType | undefined;
  /** Changes whose window overlaps [from, to). */
  from?: string | undefined;
  to?: string | undefined;
  awaitingMyApproval?: boolean | undefined;
}

export interface FreezeWindow {
  id: string;
  name: string;
  startsAt: string;
  /** Exclusive: a change window may start at this instant. */
  endsAt: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export interface NewFreezeWindow {
  name: string;
  startsAt: string;
  endsAt: string;
  reason?: string;
}

/** A pre-approved recipe for a standard change. */
export interface ChangeTemplate {
  id: string;
  name: string;
  description: string;
  risk: ChangeLevel;
  impact: ChangeLevel;
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
}
