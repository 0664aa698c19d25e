import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import type { BulkUpdateBody, BulkUpdateResult } from './bulk-schema.ts';
import type { TicketService } from './service.ts';

export type BulkTicketService = ReturnType<typeof createBulkTicketService>;

/**
 * One change applied to many tickets. Each goes through `updateTicket`, so every rule, timeline
 * entry, audit record and live event is the same as for a single PATCH. Each ticket is its own
 * transaction: the answer says which changed and why the others did not — it is not all or
 * nothing, as a queue clean-up should not fail because one ticket moved meanwhile.
 */
export function createBulkTicketService(tickets: Pick<TicketService, 'updateTicket'>) {
  async function bulkUpdate(
    actor: Principal,
    engagementId: string,
    body: BulkUpdateBody,
  ): Promise<BulkUpdateResult> {
    authorize(actor, 'ticket.update', engagementId);
    const result: BulkUpdateResult = { updated: [], failed: [] };
    for (const id of body.ticketIds) {
      try {
        await tickets.updateTicket(actor, engagementId, id, body.changes);
        result.updated.push(id);
      } catch (error) {
        const detail = reasonOf(error);
        // Anything outside the closed set is a fault, not a per-ticket answer.
        if (detail === undefined) throw error;
        result.failed.push({ id, detail });
      }
    }
    return result;
  }

  return { bulkUpdate };
}

function reasonOf(error: unknown): string | undefined {
  if (error instanceof NotFound) return 'Not found.';
  if (error instanceof Invalid) {
    return [error.message, ...error.errors.map((e) => `${e.path} ${e.message}`)].join(' ');
  }
  if (error instanceof Conflict || error instanceof Forbidden) return error.message;
  return undefined;
}
