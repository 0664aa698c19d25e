import { type KeyObject, sign, verify } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import type { Logger } from '../log/logger.ts';
import { canonicalJson } from './canonical-json.ts';
import type { AuditSigningKey } from './signing-key.ts';
import { type AuditCheckpointRow, chainHeads, eventAt, insertCheckpoint, lastCheckpoints } from './store.ts';

/** What a checkpoint vouches for: this chain's record `seq` had this hash at this time. */
export interface CheckpointClaim {
  readonly chain_id: string;
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
}

/** The exact bytes that are signed: the canonical JSON of the claim and nothing else. */
export function checkpointStatement(claim: CheckpointClaim): Buffer {
  const { chain_id, seq, hash, at } = claim;
  return Buffer.from(canonicalJson({ chain_id, seq, hash, at }), 'utf8');
}

export function signCheckpoint(claim: CheckpointClaim, key: AuditSigningKey): AuditCheckpointRow {
  const signature = sign(null, checkpointStatement(claim), key.privateKey).toString('base64');
  return {
    chain_id: claim.chain_id,
    seq: claim.seq,
    hash: claim.hash,
    at: claim.at,
    key_id: key.keyId,
    signature,
  };
}

export function checkpointSignatureValid(checkpoint: AuditCheckpointRow, publicKey: KeyObject): boolean {
  try {
    return verify(
      null,
      checkpointStatement(checkpoint),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/**
 * Signs the head of every chain that has grown since its last checkpoint. Returns the
 * checkpoints this call wrote; one another node wrote first for the same head is skipped.
 */
export async function writeCheckpoints(
  db: Kysely<Database>,
  key: AuditSigningKey,
  now: Date,
): Promise<AuditCheckpointRow[]> {
  const [heads, signed] = await Promise.all([chainHeads(db), lastCheckpoints(db)]);
  const written: AuditCheckpointRow[] = [];
  for (const [chainId, seq] of heads) {
    if (seq <= (signed.get(chainId) ?? 0)) continue;
    const head = await eventAt(db, chainId, seq);
    if (!head) continue;
    const checkpoint = signCheckpoint(
      { chain_id: chainId, seq, hash: head.hash, at: now.toISOString() },
      key,
    );
    if (await insertCheckpoint(db, checkpoint)) written.push(checkpoint);
  }
  return written;
}

export interface CheckpointTimerOptions {
  readonly db: Kysely<Database>;
  readonly key: AuditSigningKey;
  readonly intervalSeconds: number;
  readonly log: Pick<Logger, 'info' | 'error'>;
  /** The clock; tests pass their own. */
  readonly now?: () => Date;
}

export interface CheckpointTimer {
  /** Stops the timer and signs the heads once more, so a clean shutdown leaves nothing unsigned. */
  stop(): Promise<void>;
}

/**
 * Signs chain heads every `intervalSeconds`. The next run is scheduled only when the last one
 * has finished, so a slow database never piles runs up; failures are logged and retried on the
 * next tick. Each checkpoint is also logged in full: logs shipped elsewhere then hold a copy of
 * the signed heads that an attacker with only database access cannot reach.
 */
export function startCheckpointTimer(options: CheckpointTimerOptions): CheckpointTimer {
  const { db, key, log } = options;
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const run = async (): Promise<void> => {
    try {
      for (const checkpoint of await writeCheckpoints(db, key, now())) {
        log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint signed');
      }
    } catch (error) {
      log.error({ err: error }, 'audit checkpoint failed; will retry');
    }
  };

  const schedule = (): void => {
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        if (!stopped) schedule();
      });
    }, options.intervalSeconds * 1000);
    // Never the reason the process stays alive; stop() does the final run at shutdown.
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      await running;
      await run();
    },
  };
}
