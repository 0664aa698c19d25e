export interface IdempotencyKeysTable {
  /** The user or token that sent the key: keys of different callers never collide. */
  principal: string;
  key: string;
  /** Hash of method, path and body: reusing a key for another request is refused. */
  fingerprint: string;
  status: number;
  body: string;
  created_at: string;
}
