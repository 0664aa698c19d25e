import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import { runAuditVerify } from '../../cli/audit-verify.ts';
import type { Config } from '../config/config.ts';
import { type AuditEventRow, eventHash } from './chain.ts';
import { signCheckpoint, writeCheckpoints } from './checkpoint.ts';
import { recordAudit } from './record.ts';
import { type AuditSigningKey, auditKeyFile, keyIdOf, loadAuditSigningKey } from './signing-key.ts';
import { type AuditTestDatabase, at, openAuditTestDatabase, userActor } from './test-support.ts';
import { verifyAuditLog } from './verify.ts';

describe.each(await testDatabases())('verifying the audit log on $name', (kind) => {
  // Each test gets a fresh copy of the same history: 30 records in one engagement's chain with
  // checkpoints signed at records 10, 20 and 30, and 5 records in the global chain.
  let t: AuditTestDatabase;
  let key: AuditSigningKey;
  let engagement: string;
  beforeEach(async () => {
    t = await openAuditTestDatabase(kind);
    key = loadAuditSigningKey({ dataDir: t.dataDir, env: {} });
    engagement = uuidv7();
    const actor = userActor('provider', { [engagement]: 'provider' });
    for (let i = 1; i <= 30; i += 1) {
      await t.handle.db.transaction().execute(async (trx) => {
        const change = { engagementId: engagement, targetType: 'ticket', targetId: `T-${i}` };
        await recordAudit(
          trx,
          actor,
          { ...change, action: 'ticket.created', after: { title: `Ticket ${i}` } },
          at(i),
        );
        if (i <= 5)
          await recordAudit(trx, actor, { ...change, engagementId: null, action: 'user.invited' }, at(i));
      });
      if (i % 10 === 0) await writeCheckpoints(t.handle.db, key, at(i));
    }
  });
  afterEach(async () => {
    await t.close();
  });

  async function verify(config: Config = t.config): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const code = await runAuditVerify({ config, out: (line) => lines.push(line), env: {} });
    return { code, lines };
  }
  /** The report line for the engagement's chain; the global chain must still verify. */
  async function verdict(): Promise<string> {
    const { code, lines } = await verify();
    expect(code).toBe(1);
    expect(lines).toContain('ok  global  5 records, head 5');
    return lines.find((l) => l.includes(engagement)) ?? '';
  }

  it('passes an untouched log', async () => {
    expect(await verify()).toEqual({
      code: 0,
      lines: ['ok  global  5 records, head 5', `ok  ${engagement}  30 records, head 30`],
    });
  });

  it('names an edited record', async () => {
    await tamper(t.config, async (db) => {
      await db.run(
        `update audit_events set action = 'ticket.deleted' where chain_id = ? and seq = 7`,
        engagement,
      );
    });
    expect(await verdict()).toBe(
      `BAD ${engagement}  record 7: its contents do not match its hash: the record was edited or moved`,
    );
  });

  it('names a record deleted from the middle', async () => {
    await tamper(t.config, (db) =>
      db.run('delete from audit_events where chain_id = ? and seq = 13', engagement),
    );
    expect(await verdict()).toBe(
      `BAD ${engagement}  record 13: it is missing: deleted from the log (the next record is 14)`,
    );
  });

  it('names the first record cut from the tail, by the checkpoint that vouched for it', async () => {
    await tamper(t.config, (db) =>
      db.run('delete from audit_events where chain_id = ? and seq > 25', engagement),
    );
    expect(await verdict()).toBe(
      `BAD ${engagement}  record 26: it is missing, as are records up to 30: the checkpoint signed at ` +
        '2026-11-25T12:00:30.000Z vouches for record 30, but the chain ends at record 25',
    );
  });

  it('names a chain deleted whole', async () => {
    await tamper(t.config, (db) => db.run('delete from audit_events where chain_id = ?', engagement));
    expect(await verdict()).toMatch(
      /record 1: it is missing, as are records up to 30: .* but the chain has no records$/,
    );
  });

  it('names two records swapped', async () => {
    await tamper(t.config, async (db) => {
      await db.run('update audit_events set seq = -4 where chain_id = ? and seq = 4', engagement);
      await db.run('update audit_events set seq = 4 where chain_id = ? and seq = 5', engagement);
      await db.run('update audit_events set seq = 5 where chain_id = ? and seq = -4', engagement);
    });
    expect(await verdict()).toBe(
      `BAD ${engagement}  record 4: its contents do not match its hash: the record was edited or moved`,
    );
  });

  it('catches a forged record whose hash was recomputed, at the record that no longer links to it', async () => {
    await tamper(t.config, (db) => forge(db, engagement, 15, 15));
    expect(await verdict()).toBe(
      `BAD ${engagement}  record 16: it does not link to record 15: record 15 was rewritten or replaced, or records were reordered`,
    );
  });

  it('catches a forged head record by its signed checkpoint', async () => {
    await tamper(t.config, (db) => forge(db, engagement, 30, 30));
    expect(await verdict()).toBe(
      `BAD ${engagement}  record 30: it does not match the checkpoint signed at 2026-11-25T12:00:30.000Z: ` +
        'a record from 21 to 30 was rewritten and the chain recomputed',
    );
  });

  it('catches a chain recomputed after an edit, at the first checkpoint after it', async () => {
    await tamper(t.config, (db) => forge(db, engagement, 12, 30));
    expect(await verdict()).toBe(
      `BAD ${engagement}  record 20: it does not match the checkpoint signed at 2026-11-25T12:00:20.000Z: ` +
        'a record from 11 to 20 was rewritten and the chain recomputed',
    );
  });

  it('catches checkpoints altered to match a recomputed chain', async () => {
    await tamper(t.config, async (db) => {
      await forge(db, engagement, 12, 30);
      for (const seq of [20, 30]) {
        const [row] = await db.rows<AuditEventRow>(
          'select * from audit_events where chain_id = ? and seq = ?',
          engagement,
          seq,
        );
        await db.run(
          'update audit_checkpoints set hash = ? where chain_id = ? and seq = ?',
          row?.hash,
          engagement,
          seq,
        );
      }
    });
    expect(await verdict()).toBe(
      `BAD ${engagement}  record 20: its checkpoint has an invalid signature: the checkpoint was forged or altered`,
    );
  });

  it('catches checkpoints re-signed with a key other than the audit key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const attackerKey = { keyId: keyIdOf(publicKey), privateKey, publicKey };
    await tamper(t.config, async (db) => {
      await forge(db, engagement, 12, 30);
      for (const seq of [20, 30]) {
        const [row] = await db.rows<AuditEventRow>(
          'select * from audit_events where chain_id = ? and seq = ?',
          engagement,
          seq,
        );
        const forged = signCheckpoint(
          { chain_id: engagement, seq, hash: row?.hash ?? '', at: at(seq).toISOString() },
          attackerKey,
        );
        await db.run(
          'update audit_checkpoints set hash = ?, key_id = ?, signature = ? where chain_id = ? and seq = ?',
          forged.hash,
          forged.key_id,
          forged.signature,
          engagement,
          seq,
        );
      }
    });
    expect(await verdict()).toBe(
      `BAD ${engagement}  record 20: its checkpoint was signed by key ${attackerKey.keyId}, not by the audit key on hand (${key.keyId})`,
    );
  });

  it('fails when checkpoints exist but the audit key is gone', async () => {
    fs.rmSync(auditKeyFile(t.dataDir));
    const { code, lines } = await verify();
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(
        /^BAD global {2}record 5: its checkpoint cannot be checked: no audit key was found/,
      ),
      expect.stringMatching(new RegExp(`^BAD ${engagement} {2}record 10: its checkpoint cannot be checked`)),
    ]);
  });

  it('checks one chain when asked', async () => {
    await tamper(t.config, (db) =>
      db.run('delete from audit_events where chain_id = ? and seq = 2', engagement),
    );
    const report = await verifyAuditLog(t.handle.db, key.publicKey, { chainId: 'global' });
    expect(report).toEqual({ ok: true, chains: [{ chainId: 'global', rows: 5, head: 5, ok: true }] });
  });
});

/** Rewrites records `from`..`to` with a changed title and recomputed hashes, as an attacker would. */
async function forge(db: Intruder, chainId: string, from: number, to: number): Promise<void> {
  const rows = await db.rows<AuditEventRow>(
    'select * from audit_events where chain_id = ? order by seq',
    chainId,
  );
  let prevHash = rows[from - 2]?.hash ?? '0'.repeat(64);
  for (const row of rows.slice(from - 1, to)) {
    const rewritten = {
      ...row,
      seq: Number(row.seq),
      after: row.seq === from ? '{"title":"forged"}' : row.after,
      prev_hash: prevHash,
    };
    const hash = eventHash(rewritten);
    await db.run(
      'update audit_events set after = ?, prev_hash = ?, hash = ? where chain_id = ? and seq = ?',
      rewritten.after,
      prevHash,
      hash,
      chainId,
      row.seq,
    );
    prevHash = hash;
  }
}

/** Someone with direct access to the database, who can switch off its append-only protection. */
interface Intruder {
  run(text: string, ...params: unknown[]): Promise<void>;
  rows<T>(text: string, ...params: unknown[]): Promise<T[]>;
}

/**
 * Connects as an attacker would (its own connection, not Tandem's), lifts the append-only
 * triggers, does the damage and puts the triggers back so nothing looks amiss.
 */
async function tamper(config: Config, damage: (db: Intruder) => Promise<void>): Promise<void> {
  if (config.database.kind === 'sqlite') {
    const raw = new SQLite(config.database.file);
    try {
      const triggers = raw
        .prepare(`select name, sql from sqlite_master where type = 'trigger' and tbl_name like 'audit_%'`)
        .all() as { name: string; sql: string }[];
      for (const trigger of triggers) raw.exec(`drop trigger ${trigger.name}`);
      await damage({
        run: async (text, ...params) => void raw.prepare(text).run(...params),
        rows: async <T>(text: string, ...params: unknown[]) => raw.prepare(text).all(...params) as T[],
      });
      for (const trigger of triggers) raw.exec(trigger.sql);
    } finally {
      raw.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: config.database.url });
  await client.connect();
  const numbered = (text: string) => {
    let n = 0;
    return text.replace(/\?/g, () => `$${++n}`);
  };
  try {
    await client.query(
      'alter table audit_events disable trigger user; alter table audit_checkpoints disable trigger user',
    );
    await damage({
      run: async (text, ...params) => void (await client.query(numbered(text), params)),
      rows: async <T>(text: string, ...params: unknown[]) =>
        (await client.query(numbered(text), params)).rows as T[],
    });
    await client.query(
      'alter table audit_events enable trigger user; alter table audit_checkpoints enable trigger user',
    );
  } finally {
    await client.end();
  }
}
