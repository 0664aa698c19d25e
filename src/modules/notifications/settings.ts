import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../platform/access/actor.ts';
import { authorizeGlobally } from '../../platform/access/guard.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { Conflict, type FieldError, Invalid, NotFound } from '../../platform/errors.ts';
import { parseAllowedTarget } from './address-guard.ts';
import type { Channels } from './channels.ts';
import { type NotificationKeys, sealSecret } from './keys.ts';
import * as store from './store.ts';
import type { AllowlistRow, ContactMethodRow, ContactMethodType, WebhookFormat } from './tables.ts';
import type { PageNotice } from './webhook-formats.ts';

export interface NewContactMethod {
  readonly type: ContactMethodType;
  readonly address: string;
  readonly format?: WebhookFormat;
  readonly label?: string;
}

export interface RuleInput {
  readonly contactMethodId: string;
  readonly delayMinutes: number;
}

/** Enough for several phones, inboxes and chat channels; more is a mistake or abuse. */
const MAX_CONTACT_METHODS = 20;
const MAX_RULES = 20;
// Deliberately loose: one @, no spaces, a dotted domain. The mail server has the last word.
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

export type NotificationSettings = ReturnType<typeof createNotificationSettings>;

/** A person's own contact methods and rules, and the admins' webhook allowlist. */
export function createNotificationSettings(
  { db, now }: Pick<PlatformDeps, 'db' | 'now'>,
  keys: NotificationKeys,
  channels: Channels,
  baseUrl: string,
) {
  async function listContactMethods(actor: Actor) {
    return { items: (await store.contactMethodsOf(db, actor.userId)).map(toContactMethod) };
  }

  async function addContactMethod(actor: Actor, input: NewContactMethod) {
    const address = checkedAddress(input);
    if ((await store.contactMethodsOf(db, actor.userId)).length >= MAX_CONTACT_METHODS)
      throw new Conflict(`You have ${MAX_CONTACT_METHODS} contact methods already; remove one first.`);
    const secret = input.type === 'webhook' ? `whsec_${randomBytes(32).toString('base64')}` : null;
    const row: ContactMethodRow = {
      id: uuidv7(),
      user_id: actor.userId,
      type: input.type,
      address,
      format: input.type === 'webhook' ? (input.format ?? 'standard') : null,
      label: input.label?.trim() || defaultLabel(input.type, address),
      secret_sealed: secret ? sealSecret(keys.secrets, secret) : null,
      created_at: now().toISOString(),
    };
    await db.transaction().execute(async (trx) => {
      await store.insertContactMethod(trx, row);
      const { secret_sealed: _, ...shown } = row;
      await recordAudit(trx, actor, audit('contact_method.created', row.id, { after: shown }), now());
    });
    return { ...toContactMethod(row), ...(secret ? { secret } : {}) };
  }

  async function removeContactMethod(actor: Actor, id: string) {
    await db.transaction().execute(async (trx) => {
      if (!(await store.deleteContactMethod(trx, actor.userId, id))) throw new NotFound();
      await recordAudit(trx, actor, audit('contact_method.deleted', id, {}), now());
    });
  }

  /** Sends a test message through the method's channel now, so the person sees it work (or why not). */
  async function testContactMethod(actor: Actor, id: string) {
    const method = await store.contactMethod(db, actor.userId, id);
    if (!method) throw new NotFound();
    const at = now();
    const notice = testNotice(actor, at, baseUrl);
    try {
      if (method.type === 'email') await channels.email(method.address, notice, uuidv7(), at);
      else await channels.webhook(method, notice, uuidv7(), at);
      return { outcome: 'sent' as const, error: null, at: at.toISOString() };
    } catch (error) {
      return { outcome: 'failed' as const, error: (error as Error).message, at: at.toISOString() };
    }
  }

  async function listRules(actor: Actor) {
    return { rules: (await store.rulesOf(db, actor.userId)).map(toRule) };
  }

  async function replaceRules(actor: Actor, rules: readonly RuleInput[]) {
    const methods = new Set((await store.contactMethodsOf(db, actor.userId)).map((m) => m.id));
    checkRules(rules, methods);
    const at = now().toISOString();
    const rows = rules.map((r) => ({
      id: uuidv7(),
      user_id: actor.userId,
      contact_method_id: r.contactMethodId,
      delay_minutes: r.delayMinutes,
      created_at: at,
    }));
    await db.transaction().execute(async (trx) => {
      const before = (await store.rulesOf(trx, actor.userId)).map(toRule);
      await store.replaceRules(trx, actor.userId, rows);
      await recordAudit(
        trx,
        actor,
        audit('notification_rules.replaced', actor.userId, { before, after: rows.map(toRule) }),
        now(),
      );
    });
    return listRules(actor);
  }

  async function listAllowlist(actor: Actor) {
    authorizeGlobally(actor, 'organization.manage');
    return { items: (await store.allowlist(db)).map(toAllowlistEntry) };
  }

  async function allowTarget(actor: Actor, target: string) {
    authorizeGlobally(actor, 'organization.manage');
    const value = target.trim().toLowerCase();
    if (!parseAllowedTarget(value))
      throw new Invalid('The target is not a host, host:port or CIDR range.', [
        {
          path: '/target',
          message: 'Write a host (hooks.internal), host:port (10.0.0.5:8443) or a CIDR range (10.20.0.0/16).',
        },
      ]);
    const row: AllowlistRow = {
      id: uuidv7(),
      target: value,
      created_by: actor.userId,
      created_at: now().toISOString(),
    };
    await db.transaction().execute(async (trx) => {
      if (!(await store.insertAllowlistEntry(trx, row))) throw new Conflict(`${value} is already allowed.`);
      await recordAudit(trx, actor, audit('webhook_allowlist.added', row.id, { after: row }), now());
    });
    return toAllowlistEntry(row);
  }

  async function disallowTarget(actor: Actor, id: string) {
    authorizeGlobally(actor, 'organization.manage');
    await db.transaction().execute(async (trx) => {
      const removed = await store.deleteAllowlistEntry(trx, id);
      if (!removed) throw new NotFound();
      await recordAudit(trx, actor, audit('webhook_allowlist.removed', id, { before: removed }), now());
    });
  }

  return {
    listContactMethods,
    addContactMethod,
    removeContactMethod,
    testContactMethod,
    listRules,
    replaceRules,
    listAllowlist,
    allowTarget,
    disallowTarget,
  };
}

/** Settings are a person's own, not an engagement's: they are audited on the global chain. */
function audit(action: string, targetId: string, change: { before?: unknown; after?: unknown }) {
  const targetType = action.split('.')[0]!;
  return { engagementId: null, action, targetType, targetId, ...change };
}

function checkedAddress(input: NewContactMethod): string {
  const address = input.address.trim();
  if (input.type === 'email') {
    if (input.format !== undefined)
      throw new Invalid('Only webhooks have a format.', [
        { path: '/format', message: 'Leave it out for e-mail.' },
      ]);
    if (!EMAIL.test(address))
      throw new Invalid('The address is not an e-mail address.', [
        { path: '/address', message: 'Write an e-mail address such as name@example.com.' },
      ]);
    return address.toLowerCase();
  }
  let url: URL | undefined;
  try {
    url = new URL(address);
  } catch {}
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    throw new Invalid('The address is not a webhook URL.', [
      { path: '/address', message: 'Write an https:// (or http://) URL without a user name or password.' },
    ]);
  return url.toString();
}

function checkRules(rules: readonly RuleInput[], methods: ReadonlySet<string>): void {
  const errors: FieldError[] = [];
  if (rules.length > MAX_RULES) errors.push({ path: '/rules', message: `At most ${MAX_RULES} rules.` });
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (!methods.has(rule.contactMethodId))
      errors.push({ path: `/rules/${i}/contactMethodId`, message: 'Not one of your contact methods.' });
    const key = `${rule.contactMethodId}/${rule.delayMinutes}`;
    if (seen.has(key))
      errors.push({ path: `/rules/${i}`, message: 'The same method at the same delay twice.' });
    seen.add(key);
  });
  if (errors.length > 0) throw new Invalid('Some rules cannot be used.', errors);
}

function defaultLabel(type: ContactMethodType, address: string): string {
  if (type === 'email') return address;
  return `Webhook ${new URL(address).host}`;
}

function testNotice(actor: Actor, at: Date, baseUrl: string): PageNotice {
  return {
    engagementId: '',
    engagementName: 'Tandem',
    pageId: uuidv7(),
    escalationId: uuidv7(),
    incidentId: null,
    drill: false,
    userId: actor.userId,
    userName: actor.name,
    level: 1,
    round: 1,
    title: 'Test notification from Tandem',
    summary: 'If you can read this, Tandem can page you here.',
    url: baseUrl,
    pagedAt: at.toISOString(),
    test: true,
  };
}

function toContactMethod(row: ContactMethodRow) {
  return {
    id: row.id,
    type: row.type,
    address: row.address,
    format: row.format,
    label: row.label,
    createdAt: row.created_at,
  };
}

function toRule(row: { contact_method_id: string; delay_minutes: number }) {
  return { contactMethodId: row.contact_method_id, delayMinutes: row.delay_minutes };
}

function toAllowlistEntry(row: AllowlistRow) {
  return { id: row.id, target: row.target, createdBy: row.created_by, createdAt: row.created_at };
}
