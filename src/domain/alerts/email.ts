import { clip, MAX_DEDUP_KEY, MAX_SUMMARY, type Signal } from './signal.ts';

export interface AlertEmail {
  readonly subject: string;
  readonly text: string;
  readonly from: string;
  readonly receivedAt: Date;
}

const RESOLVED = /^\s*(\[resolved\]|resolved\b:?)\s*/i;
const REPLY = /^\s*((re|fw|fwd|aw|wg)\s*:\s*)+/i;
/** A sender that knows its key says so in the body, on a line of its own. */
const MARKER = /^\s*X-Tandem-Dedup-Key:\s*(\S.*?)\s*$/im;

/**
 * An e-mail to an integration's address: the subject is the summary, a `RESOLVED` or
 * `[RESOLVED]` prefix resolves, and the dedup key is the body's `X-Tandem-Dedup-Key:` line or
 * else the subject itself, normalised (case, spacing, reply prefixes), so a tool's "RESOLVED:
 * Disk full on db-1" resolves the alert its "Disk full on db-1" opened.
 */
export function emailSignal(mail: AlertEmail): Signal {
  const withoutReply = mail.subject.replace(REPLY, '');
  const resolves = RESOLVED.test(withoutReply);
  const summary = withoutReply.replace(RESOLVED, '').trim() || '(no subject)';
  const marker = MARKER.exec(mail.text)?.[1];
  return {
    action: resolves ? 'resolve' : 'trigger',
    dedupKey: clip(marker ?? normalisedSubject(summary), MAX_DEDUP_KEY),
    summary: clip(summary, MAX_SUMMARY),
    severity: 'error',
    source: mail.from || 'e-mail',
    component: null,
    group: null,
    class: null,
    customDetails: { from: mail.from, body: clip(mail.text, 10_000) },
    links: [],
    images: [],
    at: mail.receivedAt,
    episode: null,
    idempotencyKey: null,
    functionKey: null,
    track: null,
  };
}

export function normalisedSubject(subject: string): string {
  return subject.toLowerCase().replace(/\s+/g, ' ').trim();
}
