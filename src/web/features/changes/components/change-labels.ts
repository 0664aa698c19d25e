import type { ChangeLevel, ChangeState, ChangeType } from '../api/change-types.ts';

export const STATE_LABELS: Record<ChangeState, string> = {
  draft: 'Draft',
  submitted: 'Awaiting approval',
  approved: 'Approved',
  rejected: 'Rejected',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  failed: 'Failed',
  rolled_back: 'Rolled back',
};

/** One colour per state, shared by badges and the calendar. */
export const STATE_COLORS: Record<ChangeState, string> = {
  draft: 'gray',
  submitted: 'yellow',
  approved: 'teal',
  rejected: 'red',
  scheduled: 'blue',
  in_progress: 'indigo',
  completed: 'green',
  failed: 'red',
  rolled_back: 'orange',
};

/** What the button that makes each move says. */
export const MOVE_LABELS: Record<ChangeState, string> = {
  draft: 'Revise',
  submitted: 'Submit for approval',
  approved: 'Approve',
  rejected: 'Reject',
  scheduled: 'Schedule',
  in_progress: 'Start',
  completed: 'Complete',
  failed: 'Failed',
  rolled_back: 'Rolled back',
};

export const TYPE_LABELS: Record<ChangeType, string> = {
  standard: 'Standard',
  normal: 'Normal',
  emergency: 'Emergency',
};

export const TYPE_DESCRIPTIONS: Record<ChangeType, string> = {
  standard: 'Pre-approved, low risk, from a template',
  normal: 'Needs approval before it is scheduled',
  emergency: 'Urgent; approved as fast as possible',
};

export const LEVEL_LABELS: Record<ChangeLevel, string> = { low: 'Low', medium: 'Medium', high: 'High' };

export const LEVEL_COLORS: Record<ChangeLevel, string> = { low: 'gray', medium: 'orange', high: 'red' };

export const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));
