import type { Selectable } from 'kysely';
import type { Party } from '../../platform/access/roles.ts';

/** The draft (number null) and every version that took effect (1, 2, …) of one engagement. */
export interface MatrixVersionsTable {
  engagement_id: string;
  id: string;
  number: number | null;
  /** JSON text: the domain's Matrix. */
  body: string;
  /** SHA-256 of the canonical body: what a signature approves. */
  content_hash: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  effective_at: string | null;
}
export type MatrixVersionRow = Selectable<MatrixVersionsTable>;

/** One party's manager approving exactly the content with this hash. */
export interface MatrixSignaturesTable {
  engagement_id: string;
  version_id: string;
  party: Party;
  user_id: string;
  content_hash: string;
  signed_at: string;
}
