import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The Ed25519 key that signs audit checkpoints. It lives outside the database on purpose: someone
 * who can rewrite the database cannot also re-sign checkpoints for the rewritten chain.
 */
export interface AuditSigningKey {
  /** First 16 hex digits of SHA-256 over the public key (SPKI DER); stored with each checkpoint. */
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** Where the key comes from: TANDEM_AUDIT_KEY (PEM, PKCS#8) if set, else `<dataDir>/audit-signing-key.pem`. */
export interface AuditKeySource {
  readonly dataDir: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export const AUDIT_KEY_ENV = 'TANDEM_AUDIT_KEY';

export function auditKeyFile(dataDir: string): string {
  return path.join(dataDir, 'audit-signing-key.pem');
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/**
 * The signing key, for the server. With neither TANDEM_AUDIT_KEY nor the file present, a new key
 * is generated into the file (mode 0600). Throws when the configured key is not Ed25519.
 */
export function loadAuditSigningKey(source: AuditKeySource): AuditSigningKey {
  const pem = readKeyPem(source) ?? createKeyFile(auditKeyFile(source.dataDir));
  return signingKeyFrom(pem);
}

/**
 * The public half of the configured key, never creating one: for verification. The source may
 * also hold just the public key (PEM, SPKI), so an auditor can verify without the means to sign.
 */
export function readAuditPublicKey(source: AuditKeySource): KeyObject | null {
  const pem = readKeyPem(source);
  if (pem === null) return null;
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new Error(`The audit key is not a readable PEM key: ${(error as Error).message}`);
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`The audit key must be Ed25519; got ${publicKey.asymmetricKeyType ?? 'unknown'}`);
  }
  return publicKey;
}

function readKeyPem(source: AuditKeySource): string | null {
  const fromEnv = (source.env ?? process.env)[AUDIT_KEY_ENV]?.trim();
  // Environment files often carry a PEM on one line with literal "\n" escapes.
  if (fromEnv) return fromEnv.replaceAll('\\n', '\n');
  try {
    return fs.readFileSync(auditKeyFile(source.dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function signingKeyFrom(pem: string): AuditSigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new Error(`The audit signing key is not a readable PEM private key: ${(error as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `The audit signing key must be Ed25519; got ${privateKey.asymmetricKeyType ?? 'unknown'}`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

/**
 * Writes a new key to a temporary file and hard-links it into place: the link fails if another
 * process got there first, so two nodes starting together on one data folder end up with one
 * key, and nobody ever reads a half-written file.
 */
function createKeyFile(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temporary, pem, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temporary, file);
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8');
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
