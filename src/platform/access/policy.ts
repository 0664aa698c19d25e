import type { Actor } from './actor.ts';
import type { Role } from './roles.ts';

/**
 * Who may do what inside an engagement. One line per action; an action missing here is
 * allowed to nobody. A request with an API token must be allowed by both the member's role
 * and the token's role.
 */
const ENGAGEMENT_POLICY = {
  'engagement.read': ['admin', 'manager', 'agent', 'analyst', 'viewer', 'requester'],
  'engagement.update': ['admin'],
  'member.read': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  'member.manage': ['admin', 'manager'],
  'team.read': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  'team.manage': ['admin', 'manager'],
  'audit.read': ['admin', 'manager', 'viewer'],
  'events.subscribe': ['admin', 'manager', 'agent', 'analyst', 'viewer', 'requester'],
  // Requesters reach only their own tickets and shared comments; the ticket service narrows them.
  'ticket.read': ['admin', 'manager', 'agent', 'analyst', 'viewer', 'requester'],
  'ticket.create': ['admin', 'manager', 'agent', 'analyst', 'requester'],
  'ticket.update': ['admin', 'manager', 'agent', 'analyst'],
  'ticket.comment': ['admin', 'manager', 'agent', 'analyst', 'requester'],
  'calendar.read': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  'calendar.manage': ['admin', 'manager'],
  'sla.read': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  'sla.manage': ['admin', 'manager'],
  // Either party's staff may ask the other, and answer what was asked of their own party.
  'info_request.read': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  'info_request.ask': ['admin', 'manager', 'agent', 'analyst'],
  'info_request.answer': ['admin', 'manager', 'agent', 'analyst'],
  'change.read': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  'change.create': ['admin', 'manager', 'agent', 'analyst'],
  'change.update': ['admin', 'manager', 'agent', 'analyst'],
  // The change service narrows approvers to the accountable party's managers.
  'change.approve': ['admin', 'manager'],
  'freeze.manage': ['admin', 'manager'],
  'matrix.read': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  // Managers edit the draft and sign it for their party; it takes effect when both have signed.
  'matrix.edit': ['admin', 'manager'],
  'matrix.sign': ['admin', 'manager'],
  'schedule.read': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  'schedule.manage': ['admin', 'manager'],
  // Staff swap shifts (overrides) and enter their own time off.
  'schedule.override': ['admin', 'manager', 'agent', 'analyst'],
  'routing.resolve': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  'integration.read': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  'integration.manage': ['admin', 'manager'],
  'alert.read': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  'escalation.read': ['admin', 'manager', 'agent', 'analyst', 'viewer'],
  'escalation.manage': ['admin', 'manager'],
  // Acknowledge, resolve, escalate, take a role, log a decision, tick the IR checklist.
  'incident.respond': ['admin', 'manager', 'agent', 'analyst'],
  'drill.run': ['admin', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type EngagementAction = keyof typeof ENGAGEMENT_POLICY;
export const ENGAGEMENT_ACTIONS = Object.keys(ENGAGEMENT_POLICY) as EngagementAction[];

/**
 * Installation-wide actions, decided by the user's organization and its role there.
 * Provider admins run the installation; client admins manage their own organization's users.
 */
const GLOBAL_POLICY = {
  'organization.manage': (a: Actor) => a.orgRole === 'admin' && a.organizationKind === 'provider',
  'engagement.create': (a: Actor) => a.orgRole === 'admin' && a.organizationKind === 'provider',
  'user.read': (a: Actor) => a.orgRole === 'admin',
  'user.manage': (a: Actor) => a.orgRole === 'admin',
} as const satisfies Record<string, (actor: Actor) => boolean>;

export type GlobalAction = keyof typeof GLOBAL_POLICY;

function roleAllows(role: Role, action: EngagementAction): boolean {
  return (ENGAGEMENT_POLICY[action] as readonly Role[]).includes(role);
}

/** True when the actor may take this action in this engagement. */
export function can(actor: Actor, action: EngagementAction, engagementId: string): boolean {
  const standing = actor.engagements.get(engagementId);
  if (!standing || !roleAllows(standing.role, action)) return false;
  return actor.token?.role == null || roleAllows(actor.token.role, action);
}

export function canGlobally(actor: Actor, action: GlobalAction): boolean {
  if (actor.token?.role != null && actor.token.role !== 'admin') return false;
  return GLOBAL_POLICY[action](actor);
}

/** Every engagement action the actor may take there, for the UI to show only working buttons. */
export function allowedActions(actor: Actor, engagementId: string): EngagementAction[] {
  return ENGAGEMENT_ACTIONS.filter((action) => can(actor, action, engagementId));
}
