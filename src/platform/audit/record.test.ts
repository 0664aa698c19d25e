import { sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import type { Database } from '../../database.ts';
import { SYSTEM } from '../access/actor.ts';
import { eventHash, GENESIS_HASH, GLOBAL_CHAIN } from './chain.ts';
import { type AuditEntry, recordAudit } from './record.ts';
import { type AuditTestDatabase, at, openAuditTestDatabase, userActor } from './test-support.ts';

describe.each(await testDatabases())('recording audit events on $name', (kind) => {
  let t: AuditTestDatabase;
  beforeEach(async () => {
    t = await openAuditTestDatabase(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  const entry = (engagementId: string | null, action = 'team.created'): AuditEntry => ({
    engagementId,
    action,
    targetType: 'team',
    targetId: uuidv7(),
    after: { name: 'SOC' },
  });

  async function chain(chainId: string) {
    return t.handle.db
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_id', '=', chainId)
      .orderBy('seq')
      .execute();
  }

  it('numbers each chain from 1 without gaps and links every record to the one before', async () => {
    const [a, b] = [uuidv7(), uuidv7()];
    for (let i = 0; i < 12; i += 1) {
      const engagementId = [a, b, null][i % 3] ?? null;
      await t.handle.db.transaction().execute((trx) => recordAudit(trx, SYSTEM, entry(engagementId), at(i)));
    }
    for (const chainId of [a, b, GLOBAL_CHAIN]) {
      const rows = await chain(chainId);
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
      rows.forEach((row, i) => {
        expect(row.prev_hash).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]?.hash);
        expect(row.hash).toBe(eventHash(row));
        expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      });
    }
  });

  it('records who acted, through which token, and for which party', async () => {
    const engagementId = uuidv7();
    const provider = userActor('provider', { [engagementId]: 'provider' }, uuidv7());
    const clientUser = userActor('client');
    const record = (actor: Parameters<typeof recordAudit>[1], engagement: string | null) =>
      t.handle.db.transaction().execute((trx) => recordAudit(trx, actor, entry(engagement), at(0)));

    const inEngagement = await record(provider, engagementId);
    expect(inEngagement).toMatchObject({
      chain_id: engagementId,
      actor_type: 'user',
      actor_id: provider.userId,
      token_id: provider.token?.id,
      party: 'provider',
      at: '2026-11-25T12:00:00.000Z',
    });
    expect((await record(clientUser, null)).party).toBe('internal');
    expect((await record(provider, null)).party).toBe('provider');
    expect(await record(SYSTEM, engagementId)).toMatchObject({
      actor_type: 'system',
      actor_id: null,
      party: null,
    });
  });

  it('stores before and after as canonical JSON, without passwords, token hashes or secrets', async () => {
    const row = await t.handle.db.transaction().execute((trx) =>
      recordAudit(
        trx,
        SYSTEM,
        {
          engagementId: null,
          action: 'user.updated',
          targetType: 'user',
          targetId: 'u1',
          before: { name: 'A', password_hash: '$argon2id$…', email: 'a@example.com' },
          after: {
            name: 'B',
            passwordHash: 'x',
            tokens: [{ id: 't1', token_hash: 'h', secretKey: 's' }],
            at: at(5),
          },
        },
        at(0),
      ),
    );
    expect(row.before).toBe('{"email":"a@example.com","name":"A"}');
    expect(row.after).toBe('{"at":"2026-11-25T12:00:05.000Z","name":"B","tokens":[{"id":"t1"}]}');
    const stored = await chain(GLOBAL_CHAIN);
    expect(stored[0]?.before).toBe(row.before);
  });

  it('stores nothing when the change it records rolls back, and leaves no gap', async () => {
    const engagementId = uuidv7();
    await expect(
      t.handle.db.transaction().execute(async (trx) => {
        await recordAudit(trx, SYSTEM, entry(engagementId), at(0));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await chain(engagementId)).toEqual([]);
    const row = await t.handle.db
      .transaction()
      .execute((trx) => recordAudit(trx, SYSTEM, entry(engagementId), at(1)));
    expect(row).toMatchObject({ seq: 1, prev_hash: GENESIS_HASH });
  });

  it('keeps one chain gapless when many transactions record into it at once', async () => {
    const engagementId = uuidv7();
    const writers = Array.from({ length: 8 }, (_, w) =>
      t.handle.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 3; i += 1) {
          await recordAudit(trx, SYSTEM, entry(engagementId, `writer${w}.step${i}`), at(w));
          // Give the other transactions a chance to interleave while this one holds the chain.
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }),
    );
    await Promise.all(writers);
    const rows = await chain(engagementId);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    rows.slice(1).forEach((row, i) => {
      expect(row.prev_hash).toBe(rows[i]?.hash);
    });
    // Each transaction's records stay together: the chain lock is held until commit.
    const writerOf = rows.map((r) => r.action.split('.')[0]);
    for (let i = 0; i < 24; i += 3) expect(new Set(writerOf.slice(i, i + 3)).size).toBe(1);
  });

  it('refuses to run outside a transaction', async () => {
    const db = t.handle.db as unknown as Transaction<Database>;
    await expect(recordAudit(db, SYSTEM, entry(null), at(0))).rejects.toThrow(/inside the transaction/);
  });

  it("refuses to change or delete audit history, even on Tandem's own connection", async () => {
    const { db } = t.handle;
    await db.transaction().execute((trx) => recordAudit(trx, SYSTEM, entry(null), at(0)));
    await db
      .insertInto('audit_checkpoints')
      .values({
        chain_id: GLOBAL_CHAIN,
        seq: 1,
        hash: 'h',
        at: at(0).toISOString(),
        key_id: 'k',
        signature: 's',
      })
      .execute();
    for (const table of ['audit_events', 'audit_checkpoints'] as const) {
      await expect(db.updateTable(table).set({ hash: 'forged' }).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom(table).execute()).rejects.toThrow(/append-only/);
      if (t.handle.dialect === 'postgres') {
        await expect(sql`truncate ${sql.table(table)}`.execute(db)).rejects.toThrow(/append-only/);
      }
    }
    expect(await chain(GLOBAL_CHAIN)).toHaveLength(1);
  });
});
