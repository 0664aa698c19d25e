import type { Selectable } from 'kysely';

/** A person's saved ticket query, shown in their views sidebar. */
export interface SavedViewsTable {
  id: string;
  user_id: string;
  /** The engagement the view is narrowed to; null for the one queue across all of them. */
  engagement_id: string | null;
  name: string;
  /** JSON text: the ticket list's query parameters (see schema.ts). */
  query: string;
  created_at: string;
}

export type SavedViewRow = Selectable<SavedViewsTable>;
