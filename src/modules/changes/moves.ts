import { type ChangeState, ticketStatusFor } from '../../domain/changes/lifecycle.ts';
import type { Principal } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { TicketService } from '../tickets/service.ts';
import type { ChangeListRow } from './store.ts';
import * as store from './store.ts';
import type { ChangeRequestsTable } from './tables.ts';

export type ChangeTickets = Pick<
  TicketService,
  'openTicketIn' | 'moveTicketIn' | 'obligationIn' | 'noteIn' | 'announce' | 'getTicket' | 'updateTicket'
>;

/** The change's human label, e.g. LOGI-12. */
export const labelOf = (row: Pick<ChangeListRow, 'ticket_prefix' | 'number'>) =>
  `${row.ticket_prefix}-${row.number}`;

/** The stored change_requests columns of a listed change, for the audit log. */
export function storedPart(row: ChangeListRow): ChangeRequestsTable {
  const {
    title: _title,
    description: _description,
    priority: _priority,
    owner_party: _owner,
    created_by: _createdBy,
    number: _number,
    ticket_status: _status,
    ticket_prefix: _prefix,
    ...stored
  } = row;
  return stored;
}

/**
 * One state move of a change and everything it means, in the caller's transaction: the row,
 * the ticket's status (and so the SLA clocks), the approval obligation, the timeline and the
 * audit log. The caller has already checked the move against the lifecycle table.
 */
export function createChangeMoves({ now }: Pick<PlatformDeps, 'now'>, tickets: ChangeTickets) {
  async function moveIn(
    trx: Trx,
    actor: Principal,
    change: ChangeListRow,
    to: ChangeState,
    why: { reason?: string; extra?: Partial<ChangeRequestsTable> } = {},
  ): Promise<ChangeListRow> {
    const { engagement_id: engagementId, id } = change;
    const from = change.state;
    const label = labelOf(change);
    const changes: Partial<ChangeRequestsTable> = {
      ...why.extra,
      state: to,
      updated_at: now().toISOString(),
    };
    if (to === 'submitted') changes.approval = change.type === 'standard' ? 'none' : 'pending';
    if (to === 'approved' || to === 'rejected') changes.approval = to;
    if (to === 'draft') {
      changes.approval = 'none';
      await store.clearApprovals(trx, engagementId, id);
    }
    await store.updateChange(trx, engagementId, id, changes);
    const after: ChangeListRow = { ...change, ...changes };

    const approvalPending = after.approval === 'pending';
    if (to === 'submitted' && change.type !== 'standard') {
      const emergency = change.type === 'emergency';
      const reason = emergency
        ? `emergency change ${label} went ahead; approval due afterwards`
        : `change ${label} submitted for approval`;
      await tickets.moveTicketIn(
        trx,
        actor,
        engagementId,
        id,
        emergency ? 'in_progress' : 'waiting_on_internal',
        emergency ? undefined : { kind: 'change_approval', reason },
      );
      // Waiting on the ticket's own owner starts no clock, so an internally owned change (and any
      // emergency change, which nobody waits for) owes its approval as an explicit obligation.
      if (emergency || change.owner_party === change.approver_party) {
        await tickets.obligationIn(trx, engagementId, id, {
          type: 'obligation_opened',
          party: change.approver_party,
          kind: 'change_approval',
          reason,
        });
      }
    } else {
      const status = ticketStatusFor(change.type, from, to, approvalPending);
      if (status !== null) await tickets.moveTicketIn(trx, actor, engagementId, id, status);
    }

    await tickets.noteIn(trx, actor, {
      engagementId,
      ticketId: id,
      kind: 'change_state',
      data: { from, to, ...(why.reason ? { reason: why.reason } : {}) },
    });
    await recordAudit(
      trx,
      actor,
      {
        engagementId,
        action: `change.${to}`,
        targetType: 'change',
        targetId: id,
        before: storedPart(change),
        after: { ...storedPart(after), ...(why.reason ? { reason: why.reason } : {}) },
      },
      now(),
    );
    return after;
  }

  return { moveIn };
}
