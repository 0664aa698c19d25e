import type { Selectable } from 'kysely';
import type { Party } from '../../platform/access/roles.ts';

/** A question one party asks the other about a ticket; its answer hands the move back. */
export interface InfoRequestsTable {
  engagement_id: string;
  id: string;
  ticket_id: string;
  from_party: Party;
  to_party: Party;
  question: string;
  answer: string | null;
  state: 'open' | 'answered' | 'withdrawn';
  asked_by: string;
  answered_by: string | null;
  created_at: string;
  answered_at: string | null;
}
export type InfoRequestRow = Selectable<InfoRequestsTable>;
