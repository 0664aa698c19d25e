import { sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../database.ts';
import type { Principal } from '../access/actor.ts';
import type { Party } from '../access/roles.ts';
import { dialectOf } from '../db/database.ts';
import { canonicalJson } from './canonical-json.ts';
import {
  type AuditEventRow,
  eventHash,
  GENESIS_HASH,
  GLOBAL_CHAIN,
  type UnsealedAuditEvent,
} from './chain.ts';
import { chainHead, insertEvent } from './store.ts';

/** What changed, as a service describes it. */
export interface AuditEntry {
  /** The engagement the record belongs to; null for organizations, users and tokens (the global chain). */
  readonly engagementId: string | null;
  /** `<noun>.<past-tense verb>`, e.g. `team.created`, `ticket.status_changed`. */
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  /** The record before the change (omit for a creation). Secrets are stripped before storing. */
  readonly before?: unknown;
  /** The record after the change (omit for a deletion). Secrets are stripped before storing. */
  readonly after?: unknown;
}

/**
 * Appends one record to its chain inside the caller's transaction, so the change and its audit
 * record commit (or roll back) together. Returns the stored record.
 */
export async function recordAudit(
  trx: Transaction<Database>,
  principal: Principal,
  entry: AuditEntry,
  now: Date,
): Promise<AuditEventRow> {
  if (!trx.isTransaction)
    throw new Error('recordAudit must run inside the transaction that makes the change');
  const chainId = entry.engagementId ?? GLOBAL_CHAIN;
  // Two transactions reading the same head would both write seq n+1: one would fail on the
  // primary key. On PostgreSQL a transaction-scoped lock per chain queues them instead (held
  // to commit, so the next reader sees this record; the head is read by a later statement,
  // which under READ COMMITTED takes a fresh snapshot). SQLite transactions begin IMMEDIATE,
  // which already serializes writers.
  if (dialectOf(trx) === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${chainId}))`.execute(trx);
  }
  const head = await chainHead(trx, chainId);
  const unsealed: UnsealedAuditEvent = {
    chain_id: chainId,
    seq: (head?.seq ?? 0) + 1,
    id: uuidv7(),
    at: now.toISOString(),
    actor_type: principal.kind,
    actor_id: principal.kind === 'user' ? principal.userId : null,
    token_id: principal.kind === 'user' ? (principal.token?.id ?? null) : null,
    party: partyOf(principal, entry.engagementId),
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const event: AuditEventRow = { ...unsealed, hash: eventHash(unsealed) };
  await insertEvent(trx, event);
  return event;
}

/**
 * The side the actor acted for: its standing in the engagement; otherwise (the global chain, or
 * an engagement the actor is only now creating) its organization's side. System work has none.
 */
function partyOf(principal: Principal, engagementId: string | null): Party | null {
  if (principal.kind === 'system') return null;
  const standing = engagementId === null ? undefined : principal.engagements.get(engagementId);
  if (standing) return standing.party;
  return principal.organizationKind === 'provider' ? 'provider' : 'internal';
}

function snapshot(value: unknown): string | null {
  return value === undefined || value === null ? null : canonicalJson(withoutSecrets(value));
}

/**
 * Keys whose values must never reach the audit log, which every auditor may read and nobody
 * can ever delete from: password hashes, token and session hashes, secrets and raw tokens.
 * Matched on the key name with case, `_` and `-` ignored.
 */
function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[_-]/g, '');
  return (
    k.includes('password') ||
    k.includes('secret') ||
    k.includes('tokenhash') ||
    k === 'idhash' ||
    k === 'token'
  );
}

/** A copy with secret keys removed at every depth; leaves everything else for canonicalJson. */
function withoutSecrets(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Dates and other values that say how they serialize are stripped in that form.
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') return withoutSecrets(json.call(value));
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value instanceof Map || value instanceof Set) return value;
  // No prototype, so a key named __proto__ (JSON.parse can produce one) stays plain data.
  const copy: Record<string, unknown> = Object.create(null);
  for (const [key, member] of Object.entries(value)) {
    if (!isSecretKey(key)) copy[key] = withoutSecrets(member);
  }
  return copy;
}
