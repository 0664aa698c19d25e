import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { canonicalJson } from './canonical-json.ts';
import type { AuditEventsTable } from './tables.ts';

/** One stored audit record. */
export type AuditEventRow = Selectable<AuditEventsTable>;
/** A record before its hash is computed. */
export type UnsealedAuditEvent = Omit<AuditEventRow, 'hash'>;

/** The chain of records that are not about one engagement (organizations, users, tokens). */
export const GLOBAL_CHAIN = 'global';
/** The `prev_hash` of the first record of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 (hex) over the canonical JSON of every field but `hash`. The fields are named one by
 * one so that a column added later changes nothing until it is deliberately brought in here.
 */
export function eventHash(event: UnsealedAuditEvent): string {
  const sealed = {
    chain_id: event.chain_id,
    seq: event.seq,
    id: event.id,
    at: event.at,
    actor_type: event.actor_type,
    actor_id: event.actor_id,
    token_id: event.token_id,
    party: event.party,
    action: event.action,
    target_type: event.target_type,
    target_id: event.target_id,
    before: event.before,
    after: event.after,
    prev_hash: event.prev_hash,
  };
  return createHash('sha256').update(canonicalJson(sealed)).digest('hex');
}

/** A record that breaks its chain, and why, in words an auditor can act on. */
export interface ChainBreak {
  readonly seq: number;
  readonly reason: string;
}

/**
 * Checks one record against the one expected next (its seq, and the previous record's stored
 * hash). The hash is checked before the link so that an edit to any field, `prev_hash`
 * included, reads as an edit; a link that fails on an intact record means the record before
 * it was replaced, or records were reordered.
 */
export function checkEvent(event: AuditEventRow, expectedSeq: number, prevHash: string): ChainBreak | null {
  if (event.seq < expectedSeq) {
    return {
      seq: event.seq,
      reason: `it is out of sequence (record ${expectedSeq} was expected): it was inserted`,
    };
  }
  if (event.seq !== expectedSeq) {
    const others = event.seq === expectedSeq + 1 ? '' : `, as are records up to ${event.seq - 1}`;
    return {
      seq: expectedSeq,
      reason: `it is missing${others}: deleted from the log (the next record is ${event.seq})`,
    };
  }
  if (eventHash(event) !== event.hash) {
    return { seq: event.seq, reason: 'its contents do not match its hash: the record was edited or moved' };
  }
  if (event.prev_hash !== prevHash) {
    const reason =
      expectedSeq === 1
        ? 'it is the first record but does not start the chain: records before it were removed or it was replaced'
        : `it does not link to record ${expectedSeq - 1}: record ${expectedSeq - 1} was rewritten or replaced, or records were reordered`;
    return { seq: event.seq, reason };
  }
  return null;
}
