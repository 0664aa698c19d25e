import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The notification key, kept in the data folder beside the audit key, never in the database: a
 * database dump or backup alone can neither forge an acknowledge link nor read the webhook
 * signing secrets. Every node of a multi-node installation needs the same file.
 */
export interface NotificationKeys {
  /** Signs one-click action links (HMAC-SHA256). */
  readonly links: Buffer;
  /** Seals webhook signing secrets (AES-256-GCM); they must be recoverable to sign with. */
  readonly secrets: Buffer;
}

export function notificationKeyFile(dataDir: string): string {
  return path.join(dataDir, 'notification-key');
}

/** Reads the key, creating it on first use. */
export function loadNotificationKeys(dataDir: string): NotificationKeys {
  const master = Buffer.from(readOrCreate(notificationKeyFile(dataDir)).trim(), 'base64url');
  if (master.length < 32) throw new Error(`${notificationKeyFile(dataDir)} holds less than 256 bits`);
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', master, '', purpose, 32));
  return { links: derive('tandem action links'), secrets: derive('tandem webhook secrets') };
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function sealSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The secret, or null when it was sealed with another key (the key file was replaced). */
export function openSecret(key: Buffer, sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}

// Same dance as the audit key: write aside, hard-link into place, so two processes starting
// on one data folder agree on one key and nobody reads a half-written file.
function readOrCreate(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = `${randomBytes(32).toString('base64url')}\n`;
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temporary, key, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temporary, file);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8');
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
