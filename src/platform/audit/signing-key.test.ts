import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_KEY_ENV, auditKeyFile, loadAuditSigningKey, readAuditPublicKey } from './signing-key.ts';

describe('the audit signing key', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-key-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is created in the data folder, readable by its owner only, on first use', () => {
    const key = loadAuditSigningKey({ dataDir, env: {} });
    const file = auditKeyFile(dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(fs.readdirSync(dataDir)).toEqual(['audit-signing-key.pem']);
    const signature = sign(null, Buffer.from('statement'), key.privateKey);
    expect(verify(null, Buffer.from('statement'), key.publicKey, signature)).toBe(true);
  });

  it('is the same key on every later start', () => {
    const first = loadAuditSigningKey({ dataDir, env: {} });
    const second = loadAuditSigningKey({ dataDir, env: {} });
    expect(second.keyId).toBe(first.keyId);
  });

  it('is named by the first 16 hex digits of the SHA-256 of its public key', () => {
    const key = loadAuditSigningKey({ dataDir, env: {} });
    const der = key.publicKey.export({ type: 'spki', format: 'der' });
    expect(key.keyId).toBe(createHash('sha256').update(der).digest('hex').slice(0, 16));
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('comes from TANDEM_AUDIT_KEY when set, even written on one line, and no file is made', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const key = loadAuditSigningKey({ dataDir, env: { [AUDIT_KEY_ENV]: pem.replaceAll('\n', '\\n') } });
    expect(key.publicKey.export({ type: 'spki', format: 'pem' })).toBe(
      createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }),
    );
    expect(fs.existsSync(auditKeyFile(dataDir))).toBe(false);
  });

  it('must be Ed25519', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadAuditSigningKey({ dataDir, env: { [AUDIT_KEY_ENV]: pem } })).toThrow(/must be Ed25519/);
    expect(() => loadAuditSigningKey({ dataDir, env: { [AUDIT_KEY_ENV]: 'not a key' } })).toThrow(
      /not a readable/,
    );
  });

  it('is never created by verification, which also accepts just the public key', () => {
    expect(readAuditPublicKey({ dataDir, env: {} })).toBeNull();
    expect(fs.existsSync(auditKeyFile(dataDir))).toBe(false);

    const key = loadAuditSigningKey({ dataDir, env: {} });
    expect(readAuditPublicKey({ dataDir, env: {} })?.equals(key.publicKey)).toBe(true);
    const publicPem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const fromPublic = readAuditPublicKey({ dataDir: '/nonexistent', env: { [AUDIT_KEY_ENV]: publicPem } });
    expect(fromPublic?.equals(key.publicKey)).toBe(true);
  });
});
