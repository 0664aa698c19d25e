import { verify } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import { SYSTEM } from '../access/actor.ts';
import { GLOBAL_CHAIN } from './chain.ts';
import { checkpointSignatureValid, startCheckpointTimer, writeCheckpoints } from './checkpoint.ts';
import { recordAudit } from './record.ts';
import { type AuditSigningKey, loadAuditSigningKey } from './signing-key.ts';
import { type AuditTestDatabase, at, openAuditTestDatabase } from './test-support.ts';

describe.each(await testDatabases())('audit checkpoints on $name', (kind) => {
  let t: AuditTestDatabase;
  let key: AuditSigningKey;
  beforeEach(async () => {
    t = await openAuditTestDatabase(kind);
    key = loadAuditSigningKey({ dataDir: t.dataDir, env: {} });
  });
  afterEach(async () => {
    await t.close();
  });

  async function record(engagementId: string | null, times = 1) {
    for (let i = 0; i < times; i += 1) {
      await t.handle.db
        .transaction()
        .execute((trx) =>
          recordAudit(
            trx,
            SYSTEM,
            { engagementId, action: 'team.created', targetType: 'team', targetId: null },
            at(0),
          ),
        );
    }
  }
  const checkpoints = () =>
    t.handle.db.selectFrom('audit_checkpoints').selectAll().orderBy('chain_id').execute();

  it('signs the head of every chain that grew since its last checkpoint, and only those', async () => {
    const engagementId = uuidv7();
    await record(engagementId, 3);
    await record(null, 2);

    const first = await writeCheckpoints(t.handle.db, key, at(10));
    expect(first.map((c) => [c.chain_id, c.seq]).sort()).toEqual([
      [engagementId, 3],
      [GLOBAL_CHAIN, 2],
    ]);
    for (const checkpoint of first) {
      expect(checkpoint).toMatchObject({ at: '2026-11-25T12:00:10.000Z', key_id: key.keyId });
      expect(checkpointSignatureValid(checkpoint, key.publicKey)).toBe(true);
    }
    expect(await writeCheckpoints(t.handle.db, key, at(20))).toEqual([]);

    await record(engagementId);
    const second = await writeCheckpoints(t.handle.db, key, at(30));
    expect(second.map((c) => [c.chain_id, c.seq])).toEqual([[engagementId, 4]]);
    expect(await checkpoints()).toHaveLength(3);
  });

  it('signs the canonical JSON of chain, seq, hash and time, so anyone with the public key can check it', async () => {
    await record(null);
    const [checkpoint] = await writeCheckpoints(t.handle.db, key, at(10));
    const head = await t.handle.db.selectFrom('audit_events').select('hash').executeTakeFirstOrThrow();
    const statement = `{"at":"2026-11-25T12:00:10.000Z","chain_id":"global","hash":"${head.hash}","seq":1}`;
    expect(checkpoint?.hash).toBe(head.hash);
    expect(
      verify(null, Buffer.from(statement), key.publicKey, Buffer.from(checkpoint?.signature ?? '', 'base64')),
    ).toBe(true);
  });

  it('are written periodically by the timer, and once more when it stops', async () => {
    const logged: unknown[] = [];
    const log = { info: (entry: unknown) => logged.push(entry), error: () => {} };
    const timer = startCheckpointTimer({ db: t.handle.db, key, intervalSeconds: 1, log, now: () => at(50) });
    await record(null);
    await expect.poll(checkpoints, { timeout: 5000, interval: 100 }).toHaveLength(1);

    await record(null);
    await timer.stop();
    expect((await checkpoints()).map((c) => c.seq)).toEqual([1, 2]);
    expect(logged).toHaveLength(2);
    await timer.stop(); // stopping twice is harmless
  });

  it('logs a failed run instead of throwing', async () => {
    const errors: unknown[] = [];
    const log = { info: () => {}, error: (entry: unknown) => errors.push(entry) };
    await t.handle.close(); // every run now fails
    const timer = startCheckpointTimer({ db: t.handle.db, key, intervalSeconds: 3600, log });
    await timer.stop();
    expect(errors).toHaveLength(1);
  });
});
