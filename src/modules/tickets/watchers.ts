import type { Principal } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Invalid, NotFound } from '../../platform/errors.ts';
import type { TicketService } from './service.ts';
import * as store from './store.ts';
import { addToTimeline } from './timeline.ts';

export type TicketWatcherService = ReturnType<typeof createTicketWatcherService>;

/**
 * Who follows a ticket. Anyone who can read a ticket may follow it; adding or removing someone
 * else needs the right to change tickets. A requester follows only their own tickets.
 */
export function createTicketWatcherService(
  { db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>,
  tickets: Pick<TicketService, 'readable'>,
) {
  async function changeWatcher(
    actor: Principal,
    engagementId: string,
    ticketId: string,
    userId: string,
    watching: boolean,
  ) {
    const ticket = await tickets.readable(actor, engagementId, ticketId);
    const self = actor.kind === 'user' && actor.userId === userId;
    if (!self) authorize(actor, 'ticket.update', engagementId);
    const member = await store.membership(db, engagementId, userId);
    if (!member) throw new NotFound();
    if (watching && member.role === 'requester' && ticket.requester_id !== userId) {
      throw new Invalid('A requester can follow only their own tickets.', [
        { path: 'params:/userId', message: 'is a requester of other tickets' },
      ]);
    }
    await db.transaction().execute(async (trx) => {
      if (watching) await store.addWatcher(trx, engagementId, ticketId, userId);
      else if ((await store.removeWatcher(trx, engagementId, ticketId, userId)) === 0) throw new NotFound();
      const kind = watching ? 'watcher_added' : 'watcher_removed';
      await addToTimeline(trx, actor, { engagementId, ticketId, kind, data: { userId }, at: now() });
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: `ticket.${kind}`,
          targetType: 'ticket',
          targetId: ticketId,
          after: { userId },
        },
        now(),
      );
    });
    await bus.publish({
      engagementId,
      type: 'ticket.updated',
      id: ticketId,
      data: { requesterId: ticket.requester_id },
    });
  }

  return {
    watch: (actor: Principal, engagementId: string, ticketId: string, userId: string) =>
      changeWatcher(actor, engagementId, ticketId, userId, true),
    unwatch: (actor: Principal, engagementId: string, ticketId: string, userId: string) =>
      changeWatcher(actor, engagementId, ticketId, userId, false),
  };
}
