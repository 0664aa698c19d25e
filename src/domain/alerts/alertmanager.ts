import type { Checked } from './pagerduty.ts';
import {
  clip,
  fingerprintOf,
  isRecord,
  type Link,
  MAX_DEDUP_KEY,
  MAX_SUMMARY,
  type Signal,
  severityOf,
  text,
} from './signal.ts';

/**
 * Alertmanager's webhook (payload version 4) and Grafana's unified-alerting webhook, which sends
 * the same alert shape with title, message and state on top. Each alert becomes one signal,
 * keyed by its fingerprint; its startsAt names the episode, so a resolve that overtook its
 * firing is recognised when the firing arrives late.
 */
export function webhookSignals(body: unknown, receivedAt: Date): Checked<Signal[]> {
  if (!isRecord(body)) return { ok: false, errors: ['Event object is not a JSON object'] };
  if (!Array.isArray(body.alerts)) return { ok: false, errors: ["'alerts' is missing or not an array"] };
  const errors: string[] = [];
  const groupKey = text(body.groupKey) ?? '';
  const receiver = text(body.receiver);
  const signals: Signal[] = [];
  body.alerts.forEach((alert, i) => {
    const signal = alertSignal(alert, i, { groupKey, receiver, receivedAt, errors, grafana: body });
    if (signal) signals.push(signal);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: signals };
}

interface Context {
  readonly groupKey: string;
  readonly receiver: string | null;
  readonly receivedAt: Date;
  readonly errors: string[];
  readonly grafana: Record<string, unknown>;
}

function alertSignal(alert: unknown, i: number, c: Context): Signal | null {
  if (!isRecord(alert)) {
    c.errors.push(`'alerts[${i}]' is not an object`);
    return null;
  }
  const status = alert.status;
  if (status !== 'firing' && status !== 'resolved') {
    c.errors.push(`'alerts[${i}].status' is missing or invalid (expected firing or resolved)`);
    return null;
  }
  const labels = stringMap(alert.labels);
  const annotations = stringMap(alert.annotations);
  const startsAt = text(alert.startsAt);
  if (startsAt === null || Number.isNaN(Date.parse(startsAt))) {
    c.errors.push(`'alerts[${i}].startsAt' is missing or not a valid timestamp`);
    return null;
  }
  const fingerprint = clip(text(alert.fingerprint) ?? fingerprintOf(canonical(labels)), MAX_DEDUP_KEY);
  const endsAt = validTime(text(alert.endsAt));
  const generatorURL = text(alert.generatorURL);
  return {
    action: status === 'firing' ? 'trigger' : 'resolve',
    dedupKey: fingerprint,
    summary: clip(
      annotations.summary ?? annotations.description ?? labels.alertname ?? text(c.grafana.title) ?? 'Alert',
      MAX_SUMMARY,
    ),
    severity: severityOf(labels.severity ?? labels.priority),
    source:
      labels.instance ?? labels.host ?? labels.job ?? hostOf(generatorURL) ?? c.receiver ?? 'alertmanager',
    component: labels.service ?? labels.job ?? null,
    group: labels.cluster ?? labels.namespace ?? null,
    class: labels.alertname ?? null,
    customDetails: { labels, annotations, ...(generatorURL ? { generatorURL } : {}) },
    links: linksOf(alert, generatorURL),
    images: [],
    at: status === 'resolved' && endsAt ? endsAt : status === 'firing' ? new Date(startsAt) : c.receivedAt,
    episode: new Date(startsAt).toISOString(),
    idempotencyKey: [c.groupKey, fingerprint, new Date(startsAt).toISOString(), status].join('\u001f'),
    functionKey: null,
    track: null,
  };
}

function linksOf(alert: Record<string, unknown>, generatorURL: string | null): Link[] {
  const links: Link[] = [];
  if (generatorURL) links.push({ href: generatorURL, text: 'Source' });
  for (const [field, label] of [
    ['dashboardURL', 'Dashboard'],
    ['panelURL', 'Panel'],
    ['silenceURL', 'Silence'],
  ] as const) {
    const href = text(alert[field]);
    if (href) links.push({ href, text: label });
  }
  return links;
}

function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const map: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    const s = text(v);
    if (s !== null) map[key] = s;
  }
  return map;
}

function canonical(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

/** Alertmanager writes 0001-01-01T00:00:00Z for "not ended". */
function validTime(value: string | null): Date | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) || ms <= 0 ? null : new Date(ms);
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}
