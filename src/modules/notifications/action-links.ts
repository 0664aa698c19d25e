import { createHmac, timingSafeEqual } from 'node:crypto';

export type PageAction = 'acknowledge' | 'resolve';

/** What a one-click link in a page e-mail lets its holder do, and until when. */
export interface ActionClaim {
  readonly engagementId: string;
  readonly pageId: string;
  readonly userId: string;
  readonly action: PageAction;
  readonly expiresAt: Date;
}

export type ActionCheck =
  | { readonly kind: 'valid'; readonly claim: ActionClaim }
  | { readonly kind: 'expired'; readonly claim: ActionClaim }
  | { readonly kind: 'invalid' };

/** How long a link works after the e-mail is sent. */
export const LINK_LIFETIME_MS = 24 * 60 * 60_000;

const VERSION = 1;
const ACTIONS: readonly PageAction[] = ['acknowledge', 'resolve'];
// Ids are UUIDs (16 bytes each); packed in binary with a 128-bit MAC the token is 94 characters,
// short enough for the router's path-parameter limit and for mail clients that wrap long URLs.
const BODY_BYTES = 1 + 1 + 4 + 16 * 3;
const MAC_BYTES = 16;

/** version | action | expiry (Unix seconds) | engagement | page | user, then the MAC; base64url. */
export function signAction(key: Buffer, claim: ActionClaim): string {
  const body = Buffer.alloc(BODY_BYTES);
  body.writeUInt8(VERSION, 0);
  body.writeUInt8(ACTIONS.indexOf(claim.action), 1);
  body.writeUInt32BE(Math.floor(claim.expiresAt.getTime() / 1000), 2);
  [claim.engagementId, claim.pageId, claim.userId].forEach((id, i) => {
    uuidBytes(id).copy(body, 6 + 16 * i);
  });
  return Buffer.concat([body, mac(key, body)]).toString('base64url');
}

/** Checks the MAC first: an expired link is reported only when it is genuine. */
export function checkAction(key: Buffer, token: string, now: Date): ActionCheck {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return { kind: 'invalid' };
  const bytes = Buffer.from(token, 'base64url');
  // The last character carries spare bits a decoder ignores: only the canonical spelling counts,
  // so no two different links are the same link.
  if (bytes.length !== BODY_BYTES + MAC_BYTES || bytes.toString('base64url') !== token)
    return { kind: 'invalid' };
  const body = bytes.subarray(0, BODY_BYTES);
  if (!timingSafeEqual(bytes.subarray(BODY_BYTES), mac(key, body))) return { kind: 'invalid' };
  const action = ACTIONS[body.readUInt8(1)];
  if (body.readUInt8(0) !== VERSION || !action) return { kind: 'invalid' };
  const [engagementId, pageId, userId] = [0, 1, 2].map((i) =>
    uuidText(body.subarray(6 + 16 * i, 22 + 16 * i)),
  );
  const claim: ActionClaim = {
    engagementId: engagementId!,
    pageId: pageId!,
    userId: userId!,
    action,
    expiresAt: new Date(body.readUInt32BE(2) * 1000),
  };
  return claim.expiresAt.getTime() <= now.getTime() ? { kind: 'expired', claim } : { kind: 'valid', claim };
}

function mac(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);
}

function uuidBytes(id: string): Buffer {
  const hex = id.replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`Action links carry UUIDs; got "${id}"`);
  return Buffer.from(hex, 'hex');
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
