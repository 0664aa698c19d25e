import type { Track } from '../oncall/schedule.ts';
import type { Checked } from './pagerduty.ts';
import {
  clip,
  isRecord,
  MAX_DEDUP_KEY,
  MAX_SUMMARY,
  type Signal,
  type SignalAction,
  severityOf,
  text,
} from './signal.ts';

/** Where each field lives in a generic JSON body, as JSON Pointers (RFC 6901). */
export interface FieldMapping {
  readonly summary?: string;
  readonly severity?: string;
  readonly dedupKey?: string;
  readonly source?: string;
  readonly functionKey?: string;
  readonly track?: string;
  readonly action?: string;
}

export const MAPPED_FIELDS = [
  'summary',
  'severity',
  'dedupKey',
  'source',
  'functionKey',
  'track',
  'action',
] as const;

/** Errors in a mapping itself (not a pointer, or a bad escape), for the integration's form. */
export function mappingErrors(mapping: FieldMapping): { path: string; message: string }[] {
  return MAPPED_FIELDS.flatMap((field) => {
    const pointer = mapping[field];
    if (pointer === undefined || isPointer(pointer)) return [];
    return [{ path: `/mapping/${field}`, message: 'is not a JSON Pointer (write /path/to/field)' }];
  });
}

function isPointer(pointer: string): boolean {
  return pointer === '' || (pointer.startsWith('/') && !/~[^01]|~$/.test(pointer));
}

/** The value a JSON Pointer names, or undefined when the body has nothing there. */
export function resolvePointer(body: unknown, pointer: string): unknown {
  if (pointer === '') return body;
  let node: unknown = body;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node) && /^(0|[1-9]\d*)$/.test(token)) node = node[Number(token)];
    else if (isRecord(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

const ACTION_WORDS: Readonly<Record<string, SignalAction>> = {
  trigger: 'trigger',
  triggered: 'trigger',
  firing: 'trigger',
  alert: 'trigger',
  alerting: 'trigger',
  problem: 'trigger',
  open: 'trigger',
  down: 'trigger',
  acknowledge: 'acknowledge',
  acknowledged: 'acknowledge',
  ack: 'acknowledge',
  resolve: 'resolve',
  resolved: 'resolve',
  ok: 'resolve',
  recovered: 'resolve',
  recovery: 'resolve',
  closed: 'resolve',
  up: 'resolve',
};

/**
 * A generic JSON body through the integration's mapping. Missing action → trigger; missing
 * dedup key on a trigger → `generatedKey`; summary falls back to the body's own `summary`,
 * `title` or `message` so a mapping can stay empty for simple senders.
 */
export function genericSignal(
  body: unknown,
  mapping: FieldMapping,
  now: Date,
  generatedKey: string,
): Checked<Signal> {
  if (!isRecord(body)) return { ok: false, errors: ['Event object is not a JSON object'] };
  const errors: string[] = [];
  const read = (field: (typeof MAPPED_FIELDS)[number]) => {
    const pointer = mapping[field];
    return pointer === undefined ? undefined : resolvePointer(body, pointer);
  };
  const actionWord = text(read('action'));
  const action = actionWord === null ? 'trigger' : ACTION_WORDS[actionWord.toLowerCase()];
  if (action === undefined) {
    errors.push(
      `'${mapping.action}' (action) is '${actionWord}'; expected trigger, acknowledge or resolve (or firing/resolved, ok, ack)`,
    );
  }
  const summary =
    text(read('summary')) ??
    (mapping.summary === undefined ? (text(body.summary) ?? text(body.title) ?? text(body.message)) : null);
  if (action === 'trigger' && summary === null) {
    errors.push(
      mapping.summary === undefined
        ? "no summary: map one (mapping.summary) or send 'summary', 'title' or 'message'"
        : `'${mapping.summary}' (summary) is missing or blank`,
    );
  }
  const dedupKey = text(read('dedupKey'));
  if (dedupKey !== null && dedupKey.length > MAX_DEDUP_KEY)
    errors.push(`'${mapping.dedupKey}' (dedupKey) is too long (maximum is ${MAX_DEDUP_KEY} characters)`);
  if (action !== undefined && action !== 'trigger' && dedupKey === null) {
    errors.push(
      mapping.dedupKey === undefined
        ? `a ${action} needs a dedup key: map one (mapping.dedupKey)`
        : `'${mapping.dedupKey}' (dedupKey) is missing or blank (required for ${action} events)`,
    );
  }
  const trackWord = text(read('track'))?.toLowerCase();
  const track: Track | null =
    trackWord === 'security' ? 'security' : trackWord === 'operations' ? 'operations' : null;
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      action: action!,
      dedupKey: dedupKey ?? generatedKey,
      summary: clip(summary ?? '', MAX_SUMMARY),
      severity: severityOf(read('severity')),
      source: text(read('source')) ?? 'generic webhook',
      component: null,
      group: null,
      class: null,
      customDetails: body,
      links: [],
      images: [],
      at: now,
      episode: null,
      idempotencyKey: null,
      functionKey: text(read('functionKey')),
      track,
    },
  };
}
