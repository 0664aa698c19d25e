import {
  type Image,
  isRecord,
  type Link,
  MAX_DEDUP_KEY,
  MAX_SUMMARY,
  SEVERITIES,
  type Severity,
  type Signal,
  type SignalAction,
} from './signal.ts';

/**
 * PagerDuty Events API v2 (`POST /v2/enqueue`, `POST /v2/change/enqueue`): validation with
 * errors worded as PagerDuty words them, so a tool's logs read the same whichever one it pages.
 */
export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: string[] };

export interface PdAlertEvent {
  readonly routingKey: string;
  readonly action: SignalAction;
  readonly dedupKey: string | null;
  readonly payload: PdPayload | null;
  readonly links: readonly Link[];
  readonly images: readonly Image[];
  readonly client: string | null;
  readonly clientUrl: string | null;
}

export interface PdPayload {
  readonly summary: string;
  readonly source: string;
  readonly severity: Severity;
  readonly timestamp: Date | null;
  readonly component: string | null;
  readonly group: string | null;
  readonly class: string | null;
  readonly customDetails: unknown;
}

export interface PdChangeEvent {
  readonly routingKey: string;
  readonly summary: string;
  readonly timestamp: Date | null;
  readonly source: string | null;
  readonly customDetails: unknown;
  readonly links: readonly Link[];
}

const ACTIONS: readonly SignalAction[] = ['trigger', 'acknowledge', 'resolve'];

/** The routing key alone, read before anything else: it names the integration (and its rate). */
export function routingKeyOf(body: unknown): string | null {
  if (!isRecord(body)) return null;
  const key = body.routing_key;
  return typeof key === 'string' && key.trim() !== '' ? key : null;
}

export function checkAlertEvent(body: unknown): Checked<PdAlertEvent> {
  if (!isRecord(body)) return { ok: false, errors: ['Event object is not a JSON object'] };
  const errors: string[] = [];
  const routingKey = routingKeyOf(body);
  if (routingKey === null) errors.push("'routing_key' is missing or blank");
  const action = body.event_action;
  if (typeof action !== 'string' || !ACTIONS.includes(action as SignalAction)) {
    errors.push("'event_action' is missing or invalid (expected trigger, acknowledge or resolve)");
  }
  const dedupKey = optionalString(body, 'dedup_key', errors, MAX_DEDUP_KEY);
  if (action !== 'trigger' && ACTIONS.includes(action as SignalAction) && dedupKey === null) {
    errors.push(`'dedup_key' is missing or blank (required for ${action as string} events)`);
  }
  const payload = action === 'trigger' ? checkPayload(body.payload, errors) : null;
  const links = checkLinks(body.links, errors);
  const images = checkImages(body.images, errors);
  const client = optionalString(body, 'client', errors);
  const clientUrl = optionalString(body, 'client_url', errors);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      routingKey: routingKey!,
      action: action as SignalAction,
      dedupKey,
      payload,
      links,
      images,
      client,
      clientUrl,
    },
  };
}

function checkPayload(payload: unknown, errors: string[]): PdPayload | null {
  if (!isRecord(payload)) {
    errors.push("'payload' is missing or not an object (required for trigger events)");
    return null;
  }
  const summary = requiredString(payload, 'summary', errors, MAX_SUMMARY);
  const source = requiredString(payload, 'source', errors);
  const severity = payload.severity;
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity as Severity)) {
    errors.push("'payload.severity' is missing or invalid (expected critical, error, warning or info)");
  }
  const timestamp = timestampOf(payload.timestamp, 'payload.timestamp', errors);
  const component = optionalString(payload, 'component', errors, undefined, 'payload.');
  const group = optionalString(payload, 'group', errors, undefined, 'payload.');
  const eventClass = optionalString(payload, 'class', errors, undefined, 'payload.');
  if (summary === null || source === null) return null;
  return {
    summary,
    source,
    severity: severity as Severity,
    timestamp,
    component,
    group,
    class: eventClass,
    customDetails: payload.custom_details ?? null,
  };
}

export function checkChangeEvent(body: unknown): Checked<PdChangeEvent> {
  if (!isRecord(body)) return { ok: false, errors: ['Event object is not a JSON object'] };
  const errors: string[] = [];
  const routingKey = routingKeyOf(body);
  if (routingKey === null) errors.push("'routing_key' is missing or blank");
  const payload = body.payload;
  let summary: string | null = null;
  let timestamp: Date | null = null;
  let source: string | null = null;
  if (!isRecord(payload)) errors.push("'payload' is missing or not an object");
  else {
    summary = requiredString(payload, 'summary', errors, MAX_SUMMARY);
    timestamp = timestampOf(payload.timestamp, 'payload.timestamp', errors);
    source = optionalString(payload, 'source', errors, undefined, 'payload.');
  }
  const links = checkLinks(body.links, errors);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      routingKey: routingKey!,
      summary: summary!,
      timestamp,
      source,
      customDetails: isRecord(payload) ? (payload.custom_details ?? null) : null,
      links,
    },
  };
}

/** A valid alert event as a signal; `generatedKey` (a UUID) names a trigger sent without one. */
export function alertSignal(event: PdAlertEvent, now: Date, generatedKey: string): Signal {
  const p = event.payload;
  const links = event.clientUrl
    ? [...event.links, { href: event.clientUrl, text: event.client ?? 'Client' }]
    : event.links;
  return {
    action: event.action,
    dedupKey: event.dedupKey ?? generatedKey,
    summary: p?.summary ?? '',
    severity: p?.severity ?? 'error',
    source: p?.source ?? '',
    component: p?.component ?? null,
    group: p?.group ?? null,
    class: p?.class ?? null,
    customDetails: p?.customDetails ?? null,
    links,
    images: event.images,
    at: p?.timestamp ?? now,
    episode: null,
    idempotencyKey: null,
    functionKey: null,
    track: null,
  };
}

function requiredString(
  object: Record<string, unknown>,
  field: string,
  errors: string[],
  max?: number,
): string | null {
  const value = object[field];
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push(`'payload.${field}' is missing or blank`);
    return null;
  }
  if (max !== undefined && value.length > max) {
    errors.push(`'payload.${field}' is too long (maximum is ${max} characters)`);
    return null;
  }
  return value;
}

function optionalString(
  object: Record<string, unknown>,
  field: string,
  errors: string[],
  max?: number,
  prefix = '',
): string | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    errors.push(`'${prefix}${field}' must be a string`);
    return null;
  }
  if (max !== undefined && value.length > max) {
    errors.push(`'${prefix}${field}' is too long (maximum is ${max} characters)`);
    return null;
  }
  return value.trim() === '' ? null : value;
}

/** ISO 8601 with a zone (PagerDuty's own examples write +0000, which Date.parse reads too). */
export function timestampOf(value: unknown, field: string, errors: string[]): Date | null {
  if (value === undefined || value === null) return null;
  const normalised = typeof value === 'string' ? value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2') : '';
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(normalised) ? Date.parse(normalised) : Number.NaN;
  if (Number.isNaN(ms)) {
    errors.push(`'${field}' is not a valid ISO 8601 timestamp`);
    return null;
  }
  return new Date(ms);
}

function checkLinks(value: unknown, errors: string[]): Link[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push("'links' must be an array");
    return [];
  }
  const links: Link[] = [];
  value.forEach((link, i) => {
    if (!isRecord(link) || typeof link.href !== 'string' || link.href.trim() === '') {
      errors.push(`'links[${i}].href' is missing or blank`);
      return;
    }
    if (link.text !== undefined && typeof link.text !== 'string')
      errors.push(`'links[${i}].text' must be a string`);
    links.push({ href: link.href, ...(typeof link.text === 'string' ? { text: link.text } : {}) });
  });
  return links;
}

function checkImages(value: unknown, errors: string[]): Image[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push("'images' must be an array");
    return [];
  }
  const images: Image[] = [];
  value.forEach((image, i) => {
    if (!isRecord(image) || typeof image.src !== 'string' || image.src.trim() === '') {
      errors.push(`'images[${i}].src' is missing or blank`);
      return;
    }
    for (const field of ['href', 'alt'] as const) {
      if (image[field] !== undefined && typeof image[field] !== 'string')
        errors.push(`'images[${i}].${field}' must be a string`);
    }
    images.push({
      src: image.src,
      ...(typeof image.href === 'string' ? { href: image.href } : {}),
      ...(typeof image.alt === 'string' ? { alt: image.alt } : {}),
    });
  });
  return images;
}
