import { useMembers } from '../../features/members/api/list-members.ts';
import { useTeams } from '../../features/members/api/list-teams.ts';
import type { EngagementDetail } from '../../lib/api-types.ts';

/**
 * What the audit views need from the members feature: the people who can act (for the actor
 * filter) and names for targets the log names only by id (members and teams).
 * Loads nothing the caller's role may not read.
 */
export function useAuditNames(engagement: EngagementDetail) {
  const can = (action: string) => engagement.allowedActions.includes(action);
  const members = useMembers(engagement.id, can('audit.read') && can('member.read'));
  const teams = useTeams(engagement.id, can('audit.read') && can('team.read'));
  const actors = (members.data ?? []).map((member) => ({ id: member.userId, name: member.name }));
  const targetNames = new Map<string, string>([
    ...actors.map((actor) => [actor.id, actor.name] as const),
    ...(teams.data ?? []).map((team) => [team.id, team.name] as const),
  ]);
  return { actors, targetNames };
}
