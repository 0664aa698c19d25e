import type { Target } from '../../domain/escalation/policy.ts';
import type { Db } from '../../platform/db/database.ts';
import * as store from './store.ts';

/** What other modules read of incidents. */

/** A target a real page found empty (drills excluded), for the coverage map. */
export interface PageGap {
  readonly at: string;
  readonly ticketId: string | null;
  readonly track: 'security' | 'operations' | null;
  readonly level: number;
  readonly target: Target & { readonly name: string };
  readonly reason: string;
}

/** Coverage gaps real pages ran into over [from, to), oldest first. */
export async function pageGapsIn(reader: Db, engagementId: string, from: Date, to: Date): Promise<PageGap[]> {
  const rows = await store.gapsBetween(reader, engagementId, from.toISOString(), to.toISOString());
  return rows.map((row) => ({
    at: row.at,
    ticketId: row.ticket_id,
    track: row.track,
    level: row.level,
    target: JSON.parse(row.target) as PageGap['target'],
    reason: row.reason,
  }));
}
