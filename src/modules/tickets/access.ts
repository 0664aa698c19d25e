import type { Reader } from '../../domain/tickets/visibility.ts';
import type { Actor, Principal } from '../../platform/access/actor.ts';
import { can } from '../../platform/access/policy.ts';

/** How the caller reads tickets in one engagement (call after authorize: the standing exists). */
export function readerIn(actor: Principal, engagementId: string): Reader & { userId: string | null } {
  if (actor.kind === 'system') return { party: 'provider', isRequester: false, userId: null };
  const standing = actor.engagements.get(engagementId)!;
  return { party: standing.party, isRequester: standing.role === 'requester', userId: actor.userId };
}

/** Engagements where the actor sees every ticket, and those where only their own requests. */
export function ticketScope(actor: Actor, engagementIds: Iterable<string>) {
  const all: string[] = [];
  const ownOnly: string[] = [];
  for (const id of engagementIds) {
    if (!can(actor, 'ticket.read', id)) continue;
    (actor.engagements.get(id)?.role === 'requester' ? ownOnly : all).push(id);
  }
  return { all, ownOnly };
}
