import { PARTY_LABELS } from '../../../lib/api-types.ts';
import type { Change } from '../api/change-types.ts';
import { formatDue } from './local-time.ts';

export interface ApprovalDue {
  text: string;
  /** gray while there is time, orange past the warning, red once breached. */
  color: 'gray' | 'orange' | 'red';
  dueAt: string;
}

/**
 * "Approval due Mon 10:30 (internal)": the approver party's change-approval clock while the
 * change waits for a decision (an emergency change also after it went ahead); null once decided.
 */
export function approvalDue(change: Change, now = Date.now()): ApprovalDue | null {
  if (change.approvalStatus !== 'pending') return null;
  const clock = change.slaClocks.findLast(
    (item) =>
      item.kind === 'change_approval' && item.party === change.approverParty && item.stoppedAt === null,
  );
  const dueAt = change.approvalDueAt ?? clock?.dueAt;
  if (!dueAt) return null;
  const party = PARTY_LABELS[change.approverParty].toLowerCase();
  const breached = clock?.state === 'breached' || new Date(dueAt).getTime() <= now;
  if (breached)
    return { text: `Approval overdue since ${formatDue(dueAt, now)} (${party})`, color: 'red', dueAt };
  const warned = clock?.warnAt ? new Date(clock.warnAt).getTime() <= now : false;
  return {
    text: `Approval due ${formatDue(dueAt, now)} (${party})`,
    color: warned ? 'orange' : 'gray',
    dueAt,
  };
}
