import { sql } from 'kysely';
import type { Visibility } from '../../domain/tickets/visibility.ts';
import type { Db } from '../../platform/db/database.ts';
import { type FullTextTable, fullTextHits } from '../../platform/db/full-text.ts';

/** The ticket index as the migration created it: a title hit counts more than a body hit. */
const TICKET_SEARCH: FullTextTable = { table: 'ticket_search', text: { title: 'A', body: 'B' } };

/** Where a search may look: these engagements, documents of these visibilities. */
export interface SearchScope {
  readonly engagementIds: readonly string[];
  readonly visible: readonly Visibility[];
  /** Only tickets this user requested (a requester's own tickets). */
  readonly requesterId?: string;
}

export interface TicketSearch {
  /** One entry per way of reading; a ticket matches only through a document its scope may see. */
  readonly scopes: readonly SearchScope[];
  /** From searchWords(): never empty. */
  readonly words: readonly string[];
  readonly limit: number;
}

export interface SearchHit {
  readonly ticketId: string;
  /** Higher is better; comparable only within one search. */
  readonly score: number;
}

/** Indexes (or re-indexes) a ticket's title and description; call in the writing transaction. */
export async function indexTicket(
  db: Db,
  ticket: { engagement_id: string; id: string; title: string; description: string },
): Promise<void> {
  await db
    .insertInto('ticket_search')
    .values({
      engagement_id: ticket.engagement_id,
      ticket_id: ticket.id,
      source_id: ticket.id,
      visibility: 'shared',
      title: ticket.title,
      body: ticket.description,
    })
    .onConflict((oc) =>
      oc
        .columns(['engagement_id', 'source_id'])
        .doUpdateSet({ title: ticket.title, body: ticket.description }),
    )
    .execute();
}

/** Indexes a comment under its own visibility; call in the writing transaction. */
export async function indexComment(
  db: Db,
  comment: { engagement_id: string; id: string; ticket_id: string; body: string; visibility: Visibility },
): Promise<void> {
  await db
    .insertInto('ticket_search')
    .values({
      engagement_id: comment.engagement_id,
      ticket_id: comment.ticket_id,
      source_id: comment.id,
      visibility: comment.visibility,
      title: '',
      body: comment.body,
    })
    .execute();
}

/**
 * The best-matching tickets, best first (ties by id). Visibility and scope are applied to each
 * document before ranking, so a ticket is found, and scored, only through text the caller may read.
 */
export async function searchTickets(db: Db, search: TicketSearch): Promise<SearchHit[]> {
  const scopes = search.scopes.filter((s) => s.engagementIds.length > 0 && s.visible.length > 0);
  if (scopes.length === 0 || search.words.length === 0) return [];
  const rows = await db
    .selectFrom(fullTextHits(db, TICKET_SEARCH, search.words))
    // A cross join keeps the matches as SQLite's outer loop: with an inner join its planner may
    // instead walk every document of the engagements and probe the matches.
    .crossJoin('ticket_search as d')
    .whereRef('d.doc_id', '=', 'hits.doc_id')
    .select(['d.ticket_id', (eb) => eb.fn.max<number>('hits.score').as('score')])
    .where((eb) =>
      eb.or(
        scopes.map((scope) =>
          eb.and([
            eb('d.engagement_id', 'in', scope.engagementIds),
            eb('d.visibility', 'in', scope.visible),
            ...(scope.requesterId === undefined
              ? []
              : [
                  eb.exists(
                    eb
                      .selectFrom('tickets')
                      .select(sql`1`.as('one'))
                      .whereRef('tickets.engagement_id', '=', 'd.engagement_id')
                      .whereRef('tickets.id', '=', 'd.ticket_id')
                      .where('tickets.requester_id', '=', scope.requesterId),
                  ),
                ]),
          ]),
        ),
      ),
    )
    .groupBy('d.ticket_id')
    .orderBy('score', 'desc')
    .orderBy('d.ticket_id')
    .limit(search.limit)
    .execute();
  return rows.map((row) => ({ ticketId: row.ticket_id, score: Number(row.score) }));
}
