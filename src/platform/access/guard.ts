import { Forbidden, NotFound } from '../errors.ts';
import type { Principal } from './actor.ts';
import { can, canGlobally, type EngagementAction, type GlobalAction } from './policy.ts';

/**
 * Call first in every service function. A caller outside the engagement gets NotFound, the
 * same answer as for an engagement that does not exist; a member without the right gets
 * Forbidden. Tandem's own work (the system principal) is not restricted.
 */
export function authorize(actor: Principal, action: EngagementAction, engagementId: string): void {
  if (actor.kind === 'system') return;
  if (!actor.engagements.has(engagementId)) throw new NotFound();
  if (!can(actor, action, engagementId))
    throw new Forbidden(`Your role does not allow ${action} in this engagement.`);
}

export function authorizeGlobally(actor: Principal, action: GlobalAction): void {
  if (actor.kind === 'system') return;
  if (!canGlobally(actor, action)) throw new Forbidden(`Only an organization admin may do ${action}.`);
}
