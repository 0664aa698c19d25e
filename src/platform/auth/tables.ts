import type { Role } from '../access/roles.ts';

export interface SessionsTable {
  /** SHA-256 of the cookie value: a leaked database does not hand out live sessions. */
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** The most the token may do; null means the owner's own role in each engagement. */
  role: Role | null;
  /** 1: every engagement the owner belongs to; 0: only those in api_token_engagements. */
  all_engagements: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ApiTokenEngagementsTable {
  token_id: string;
  engagement_id: string;
}
