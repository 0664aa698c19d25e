import type { Trx } from '../../platform/db/database.ts';

/** One person paged at one step of an escalation (or a drill). */
export interface PageRequest {
  readonly engagementId: string;
  /** The incidents module's page row; the outbox key is (page, contact method, rule). */
  readonly pageId: string;
  readonly escalationId: string;
  /** Null for a drill: no incident exists. */
  readonly incidentId: string | null;
  readonly drill: boolean;
  readonly userId: string;
  readonly level: number;
  readonly round: number;
  /** e.g. "[P1] HARB-42 Disk full on db-1" or "[DRILL] After-hours operations". */
  readonly title: string;
  readonly summary: string;
  /** Where the web app shows it. */
  readonly url: string;
  readonly at: Date;
}

/** Writes a page's notifications (per the user's rules) to the outbox, in the caller's transaction. */
export interface Pager {
  page(trx: Trx, request: PageRequest): Promise<void>;
  /** Cancels notifications not yet sent for these pages (acknowledged or resolved meanwhile). */
  cancel(trx: Trx, engagementId: string, pageIds: readonly string[]): Promise<void>;
}
