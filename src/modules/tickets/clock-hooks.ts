import type { TicketEvent } from '../../domain/sla/plan.ts';
import type { Principal } from '../../platform/access/actor.ts';
import type { Db, Trx } from '../../platform/db/database.ts';
import type { SlaClock } from '../sla/clock-schema.ts';
import type { TicketsTable } from './tables.ts';

/** A ticket as the clocks see it: the row after the change, with its human number. */
export type ClockedTicket = TicketsTable & { readonly label: string };

/**
 * What the tickets module asks of the SLA clocks. Passed in at composition, so tickets do not
 * depend on how clocks are kept; every call runs in the transaction of the ticket change.
 */
export interface TicketClocks {
  onTicketEvent(
    trx: Trx,
    actor: Principal,
    ticket: ClockedTicket,
    event: TicketEvent,
    at: Date,
  ): Promise<void>;
  /** The current clock of each party and kind, per ticket, read at `at`. */
  currentClocks(
    db: Db,
    engagementIds: readonly string[],
    ticketIds: readonly string[],
    at: Date,
  ): Promise<Map<string, SlaClock[]>>;
}

/** No clocks at all (one-shot tools that never read SLAs). */
export const NO_CLOCKS: TicketClocks = {
  onTicketEvent: async () => {},
  currentClocks: async () => new Map(),
};

/** Where a new ticket with a function goes, by the responsibility matrix in effect. */
export interface NewTicketRouting {
  routeNewTicket(
    engagementId: string,
    ticket: { functionKey: string; kind: string; priority?: 'P1' | 'P2' | 'P3' | 'P4' },
    at: Date,
  ): Promise<
    | { party: 'internal' | 'provider'; teamId: string | null; assigneeId: string | null; reasons: string[] }
    | undefined
  >;
}
