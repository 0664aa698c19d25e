import type { KeyObject } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { type AuditEventRow, type ChainBreak, checkEvent, GENESIS_HASH, GLOBAL_CHAIN } from './chain.ts';
import { checkpointSignatureValid } from './checkpoint.ts';
import { keyIdOf } from './signing-key.ts';
import { type AuditCheckpointRow, chainIds, checkpointsOf, eventsOf } from './store.ts';

/** The verdict on one chain. */
export interface ChainVerification {
  readonly chainId: string;
  /** How many records the chain holds. */
  readonly rows: number;
  /** The seq of its last record; null when it has none. */
  readonly head: number | null;
  readonly ok: boolean;
  /** The first record that breaks the chain, and why. */
  readonly firstBad?: ChainBreak;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly chains: readonly ChainVerification[];
}

/**
 * Walks every chain (or one) from its first record: each record must be next in sequence, hash
 * to its stored hash and link to the one before; each signed checkpoint must carry a valid
 * signature by `publicKey` and name a record that is still there with the hash it signed. The
 * links catch edits, deletions and reordering; the checkpoints catch what links cannot: a cut
 * tail, and a chain recomputed from an edit onwards.
 */
export async function verifyAuditLog(
  db: Kysely<Database>,
  publicKey: KeyObject | null,
  options: { chainId?: string } = {},
): Promise<AuditVerification> {
  const ids = options.chainId === undefined ? await chainIds(db) : [options.chainId];
  // The global chain first, then engagements in a stable order.
  ids.sort((a, b) => Number(b === GLOBAL_CHAIN) - Number(a === GLOBAL_CHAIN) || (a < b ? -1 : a > b ? 1 : 0));
  const chains: ChainVerification[] = [];
  for (const chainId of ids) chains.push(await verifyChain(db, chainId, publicKey));
  return { ok: chains.every((c) => c.ok), chains };
}

async function verifyChain(
  db: Kysely<Database>,
  chainId: string,
  publicKey: KeyObject | null,
): Promise<ChainVerification> {
  // Checkpoints are read before records: records only ever grow, so every checkpoint read here
  // names a record the walk below will reach unless it was removed.
  const checkpoints = await checkpointsOf(db, chainId);
  const checkpointAt = new Map(checkpoints.map((c) => [c.seq, c]));
  const witness = new Witness(publicKey);
  let rows = 0;
  let head: number | null = null;
  let firstBad: ChainBreak | null = null;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  // The last seq a valid checkpoint confirmed: a rewrite found later happened after it.
  let anchored = 0;
  for await (const event of eventsOf(db, chainId)) {
    rows += 1;
    head = event.seq;
    if (firstBad) continue; // keep counting, stop judging
    const checkpoint = checkpointAt.get(event.seq);
    firstBad =
      checkEvent(event, expectedSeq, prevHash) ??
      (checkpoint ? witness.check(event, checkpoint, anchored) : null);
    if (checkpoint && !firstBad) anchored = event.seq;
    expectedSeq = event.seq + 1;
    prevHash = event.hash;
  }
  firstBad ??= missingTail(checkpoints, head ?? 0, witness);
  return firstBad ? { chainId, rows, head, ok: false, firstBad } : { chainId, rows, head, ok: true };
}

/** A genuine checkpoint beyond the last record proves records were cut from the end. */
function missingTail(
  checkpoints: readonly AuditCheckpointRow[],
  last: number,
  witness: Witness,
): ChainBreak | null {
  const beyond = checkpoints.filter((c) => c.seq > last);
  const furthest = beyond.filter((c) => witness.signatureProblem(c) === null).at(-1);
  if (!furthest) {
    // Only checkpoints that do not check out lie beyond the end: that is the problem to name.
    const first = beyond[0];
    return first ? { seq: first.seq, reason: witness.signatureProblem(first) ?? '' } : null;
  }
  const missing =
    furthest.seq === last + 1 ? 'it is missing' : `it is missing, as are records up to ${furthest.seq}`;
  const end = last === 0 ? 'the chain has no records' : `the chain ends at record ${last}`;
  return {
    seq: last + 1,
    reason: `${missing}: the checkpoint signed at ${furthest.at} vouches for record ${furthest.seq}, but ${end}`,
  };
}

/** Judges checkpoints with the key on hand. */
class Witness {
  private readonly keyId: string | null;
  constructor(private readonly publicKey: KeyObject | null) {
    this.keyId = publicKey ? keyIdOf(publicKey) : null;
  }

  check(event: AuditEventRow, checkpoint: AuditCheckpointRow, anchored: number): ChainBreak | null {
    const forged = this.signatureProblem(checkpoint);
    if (forged) return { seq: event.seq, reason: forged };
    if (checkpoint.hash === event.hash) return null;
    const span =
      anchored + 1 === event.seq ? 'this record was' : `a record from ${anchored + 1} to ${event.seq} was`;
    return {
      seq: event.seq,
      reason: `it does not match the checkpoint signed at ${checkpoint.at}: ${span} rewritten and the chain recomputed`,
    };
  }

  signatureProblem(checkpoint: AuditCheckpointRow): string | null {
    if (!this.publicKey) {
      return 'its checkpoint cannot be checked: no audit key was found (set TANDEM_AUDIT_KEY or restore the key file)';
    }
    if (checkpointSignatureValid(checkpoint, this.publicKey)) return null;
    if (checkpoint.key_id !== this.keyId) {
      return `its checkpoint was signed by key ${checkpoint.key_id}, not by the audit key on hand (${this.keyId})`;
    }
    return 'its checkpoint has an invalid signature: the checkpoint was forged or altered';
  }
}
