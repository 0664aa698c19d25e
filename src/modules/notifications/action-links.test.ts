import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { type ActionClaim, checkAction, signAction } from './action-links.ts';

const key = randomBytes(32);
const claim: ActionClaim = {
  engagementId: uuidv7(),
  pageId: uuidv7(),
  userId: uuidv7(),
  action: 'acknowledge',
  expiresAt: new Date('2026-12-03T08:00:00Z'),
};
const before = new Date('2026-12-02T08:00:00Z');

describe('signed action links', () => {
  it('carry who may do what to which page, until when, in a short URL-safe token', () => {
    const token = signAction(key, claim);
    expect(token).toMatch(/^[A-Za-z0-9_-]{94}$/);
    expect(checkAction(key, token, before)).toEqual({ kind: 'valid', claim });
    expect(checkAction(key, signAction(key, { ...claim, action: 'resolve' }), before)).toMatchObject({
      kind: 'valid',
      claim: { action: 'resolve' },
    });
  });

  it('stop working when they expire', () => {
    const token = signAction(key, claim);
    expect(checkAction(key, token, claim.expiresAt)).toEqual({ kind: 'expired', claim });
  });

  it('refuse any change to the token, another key, and garbage', () => {
    const token = signAction(key, claim);
    const bytes = Buffer.from(token, 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      changed[i]! ^= 1;
      expect(checkAction(key, changed.toString('base64url'), before).kind, `byte ${i}`).toBe('invalid');
    }
    expect(checkAction(randomBytes(32), token, before).kind).toBe('invalid');
    for (const garbage of ['', 'abc', `${token}A`, token.slice(1), token.replace(/.$/, '!')])
      expect(checkAction(key, garbage, before).kind).toBe('invalid');
  });

  it('take only UUIDs', () => {
    expect(() => signAction(key, { ...claim, pageId: 'page-1' })).toThrow(RangeError);
  });
});
