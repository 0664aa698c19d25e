import type { Principal } from '../../platform/access/actor.ts';
import { can } from '../../platform/access/policy.ts';
import type { Party } from '../../platform/access/roles.ts';

const APPROVING_ROLES = new Set(['manager', 'admin']);

/**
 * Whether the caller approves changes for this party: one of its managers or admins (until the
 * responsibility matrix names the accountable people per function).
 */
export function isApprover(actor: Principal, engagementId: string, party: Party): boolean {
  if (actor.kind !== 'user') return false;
  const standing = actor.engagements.get(engagementId);
  return (
    standing !== undefined &&
    standing.party === party &&
    APPROVING_ROLES.has(standing.role) &&
    can(actor, 'change.approve', engagementId)
  );
}

/** Why the caller may not approve, in words they can act on. */
export function notAnApproverMessage(actor: Principal, engagementId: string, party: Party): string {
  const standing = actor.kind === 'user' ? actor.engagements.get(engagementId) : undefined;
  const who = standing
    ? ` You are ${article(standing.role)} ${standing.role} of the ${standing.party} party.`
    : '';
  return `Changes in this engagement are approved by the ${party} party’s managers and admins.${who}`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
