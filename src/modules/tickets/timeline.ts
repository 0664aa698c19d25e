import { uuidv7 } from 'uuidv7';
import type { Visibility } from '../../domain/tickets/visibility.ts';
import type { Principal } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { readerIn } from './access.ts';
import * as store from './store.ts';

/** One change on a ticket's timeline: who (and for which party), what, when, seen by whom. */
export interface TimelineEntry {
  readonly engagementId: string;
  readonly ticketId: string;
  /** created, status_changed, updated, commented, attached, watcher_added … */
  readonly kind: string;
  readonly data: unknown;
  readonly at: Date;
  /** Who may see the entry; a private note's entry is as private as the note. */
  readonly visibility?: Visibility;
}

/** Adds the entry in the caller's transaction, beside the change it describes. */
export async function addToTimeline(trx: Db, actor: Principal, entry: TimelineEntry): Promise<void> {
  const byUser = actor.kind === 'user';
  await store.insertActivity(trx, {
    engagement_id: entry.engagementId,
    id: uuidv7(),
    ticket_id: entry.ticketId,
    at: entry.at.toISOString(),
    actor_id: byUser ? actor.userId : null,
    party: byUser ? readerIn(actor, entry.engagementId).party : null,
    kind: entry.kind,
    visibility: entry.visibility ?? 'shared',
    data: JSON.stringify(entry.data),
  });
}
