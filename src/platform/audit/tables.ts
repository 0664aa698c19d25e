export interface AuditEventsTable {
  /** The engagement id, or 'global' for organizations, users and tokens. */
  chain_id: string;
  /** Gapless per chain, from 1. */
  seq: number;
  id: string;
  at: string;
  actor_type: 'user' | 'system';
  actor_id: string | null;
  token_id: string | null;
  party: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  /** Canonical JSON of the record before and after the change (null when none). */
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditCheckpointsTable {
  chain_id: string;
  seq: number;
  hash: string;
  at: string;
  key_id: string;
  /** Ed25519 signature (base64) over the checkpoint statement, by a key kept outside the database. */
  signature: string;
}
