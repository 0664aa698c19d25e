import { uuidv7 } from 'uuidv7';
import { canWrite, visibleTo } from '../../domain/tickets/visibility.ts';
import { type Principal, staffParty } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Invalid } from '../../platform/errors.ts';
import { readerIn } from './access.ts';
import { toComment } from './presenter.ts';
import type { Comment, CreateCommentBody } from './schema.ts';
import * as searchStore from './search-store.ts';
import type { TicketService } from './service.ts';
import * as store from './store.ts';
import { addToTimeline } from './timeline.ts';

export type TicketCommentService = ReturnType<typeof createTicketCommentService>;

/** The audience of a live event about something of this visibility. */
export function audienceOf(visibility: Comment['visibility']) {
  return visibility === 'shared' ? 'all' : visibility === 'provider_only' ? 'provider' : 'internal';
}

/**
 * Comments and the timeline. Every read filters by the reader's visibility in the query itself,
 * so a private note of the other party never leaves the database for them.
 */
export function createTicketCommentService(
  { db, now, bus }: Pick<PlatformDeps, 'db' | 'now' | 'bus'>,
  tickets: Pick<TicketService, 'readable' | 'clockEventIn'>,
) {
  async function addComment(
    actor: Principal,
    engagementId: string,
    ticketId: string,
    body: CreateCommentBody,
  ): Promise<Comment> {
    authorize(actor, 'ticket.comment', engagementId);
    const ticket = await tickets.readable(actor, engagementId, ticketId);
    const reader = readerIn(actor, engagementId);
    const visibility = body.visibility ?? 'shared';
    if (!canWrite(reader, visibility)) {
      throw new Invalid('You cannot write into the other party’s private notes.', [
        { path: '/visibility', message: `is not open to the ${reader.party} party` },
      ]);
    }
    const stamp = now().toISOString();
    const row = {
      engagement_id: engagementId,
      id: uuidv7(),
      ticket_id: ticketId,
      author_id: reader.userId ?? ticket.created_by,
      author_party: reader.party,
      body: body.body,
      visibility,
      created_at: stamp,
    };
    await db.transaction().execute(async (trx) => {
      await store.insertComment(trx, row);
      await searchStore.indexComment(trx, row);
      // A private note must not move the ticket up the other party's "recently updated".
      if (visibility === 'shared')
        await store.updateTicket(trx, engagementId, ticketId, { updated_at: stamp });
      // A shared reply by the owning party's staff is their response: it meets the first
      // response clock and restarts the update cadence. Private notes are not replies.
      const party = staffParty(actor, engagementId);
      if (visibility === 'shared' && party === ticket.owner_party) {
        await tickets.clockEventIn(trx, actor, engagementId, ticketId, { type: 'responded', party });
      }
      await addToTimeline(trx, actor, {
        engagementId,
        ticketId,
        kind: 'commented',
        data: { commentId: row.id },
        at: now(),
        visibility,
      });
      await recordAudit(
        trx,
        actor,
        {
          engagementId,
          action: 'ticket.commented',
          targetType: 'ticket',
          targetId: ticketId,
          after: { commentId: row.id, visibility },
        },
        now(),
      );
    });
    await bus.publish({
      engagementId,
      type: 'ticket.commented',
      id: ticketId,
      data: { commentId: row.id, requesterId: ticket.requester_id },
      audience: audienceOf(visibility),
    });
    const author = await db
      .selectFrom('users')
      .select('name')
      .where('id', '=', row.author_id)
      .executeTakeFirstOrThrow();
    return toComment({ ...row, author_name: author.name });
  }

  async function listComments(actor: Principal, engagementId: string, ticketId: string): Promise<Comment[]> {
    await tickets.readable(actor, engagementId, ticketId);
    const rows = await store.listComments(
      db,
      engagementId,
      ticketId,
      visibleTo(readerIn(actor, engagementId)),
    );
    return rows.map(toComment);
  }

  async function listActivity(actor: Principal, engagementId: string, ticketId: string) {
    await tickets.readable(actor, engagementId, ticketId);
    const rows = await store.listActivity(
      db,
      engagementId,
      ticketId,
      visibleTo(readerIn(actor, engagementId)),
    );
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? 'deleted user' } : null,
      party: row.party,
      kind: row.kind,
      visibility: row.visibility,
      data: JSON.parse(row.data) as unknown,
    }));
  }

  return { addComment, listComments, listActivity };
}
