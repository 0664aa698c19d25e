import type { Principal } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { ChangeTickets } from './moves.ts';
import * as store from './store.ts';
import type { ChangeRequestsTable } from './tables.ts';

/** A change another tool already made (a deploy, a config push), as PagerDuty change events report it. */
export interface ExternalChange {
  readonly engagementId: string;
  readonly summary: string;
  readonly at: Date;
  /** The tool or system it came from. */
  readonly source: string;
  readonly links: readonly { readonly href: string; readonly text?: string }[];
  readonly details: unknown;
}

/**
 * Records an external change in the caller's transaction: a standard change, already completed,
 * whose one-minute window starts at the event's time, so it shows on the change calendar and
 * its ticket's timeline says where it came from. Nobody approves it: it has happened.
 */
export function createExternalChanges({ now }: Pick<PlatformDeps, 'now'>, tickets: ChangeTickets) {
  async function recordExternalChangeIn(trx: Trx, actor: Principal, change: ExternalChange): Promise<string> {
    const { engagementId } = change;
    const ticket = await tickets.openTicketIn(trx, actor, engagementId, {
      title: change.summary,
      description: descriptionOf(change),
      kind: 'change',
    });
    const row: ChangeRequestsTable = {
      engagement_id: engagementId,
      id: ticket.id,
      type: 'standard',
      state: 'completed',
      risk: 'low',
      impact: 'low',
      window_start: change.at.toISOString(),
      window_end: new Date(change.at.getTime() + 60_000).toISOString(),
      implementation_plan: '',
      backout_plan: '',
      test_plan: '',
      affected_assets: change.source,
      template_id: null,
      quorum: 1,
      approver_party: 'internal',
      approval: 'none',
      created_at: ticket.created_at,
      updated_at: ticket.created_at,
    };
    await store.insertChange(trx, row);
    await tickets.noteIn(trx, actor, {
      engagementId,
      ticketId: row.id,
      kind: 'change_recorded',
      data: { source: change.source, at: row.window_start, links: change.links, details: change.details },
    });
    await tickets.moveTicketIn(trx, actor, engagementId, row.id, 'resolved');
    await recordAudit(
      trx,
      actor,
      { engagementId, action: 'change.recorded', targetType: 'change', targetId: row.id, after: row },
      now(),
    );
    return row.id;
  }

  return { recordExternalChangeIn };
}

function descriptionOf(change: ExternalChange): string {
  const lines = [`Reported by ${change.source} at ${change.at.toISOString()}.`];
  for (const link of change.links) lines.push(`- [${link.text ?? link.href}](${link.href})`);
  return lines.join('\n');
}
