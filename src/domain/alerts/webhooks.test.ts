import { describe, expect, it } from 'vitest';
import { webhookSignals } from './alertmanager.ts';
import { emailSignal } from './email.ts';
import { genericSignal, mappingErrors, resolvePointer } from './generic.ts';
import { priorityOf, trackOf } from './routing-defaults.ts';
import { severityOf } from './signal.ts';

const NOW = new Date('2026-11-25T02:00:00Z');
const alert = (status: string, extra: Record<string, unknown> = {}) => ({
  status,
  labels: { alertname: 'DiskFull', instance: 'db-1:9100', severity: 'page', job: 'node' },
  annotations: { summary: 'Disk full on db-1' },
  startsAt: '2026-11-25T01:58:00Z',
  endsAt: status === 'resolved' ? '2026-11-25T02:10:00Z' : '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus:9090/graph?g0.expr=x',
  fingerprint: 'c0ffee',
  ...extra,
});
const webhook = (...alerts: unknown[]) => ({
  version: '4',
  status: 'firing',
  receiver: 'tandem',
  groupKey: '{}:{alertname="DiskFull"}',
  truncatedAlerts: 0,
  alerts,
});

describe('Alertmanager and Grafana webhooks', () => {
  it('turns each alert into a signal keyed by fingerprint, with its episode and idempotency key', () => {
    const checked = webhookSignals(webhook(alert('firing'), alert('resolved')), NOW);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const [firing, resolved] = checked.value;
    expect(firing).toMatchObject({
      action: 'trigger',
      dedupKey: 'c0ffee',
      summary: 'Disk full on db-1',
      severity: 'critical',
      source: 'db-1:9100',
      class: 'DiskFull',
      episode: '2026-11-25T01:58:00.000Z',
      at: new Date('2026-11-25T01:58:00Z'),
    });
    expect(resolved).toMatchObject({ action: 'resolve', at: new Date('2026-11-25T02:10:00Z') });
    expect(firing?.idempotencyKey).not.toBe(resolved?.idempotencyKey);
    expect(firing?.links[0]?.href).toContain('prometheus');
  });

  it('fingerprints the labels when an alert carries no fingerprint, stably', () => {
    const a = webhookSignals(webhook(alert('firing', { fingerprint: undefined })), NOW);
    const b = webhookSignals(webhook(alert('firing', { fingerprint: undefined })), NOW);
    expect(a.ok && a.value[0]?.dedupKey).toMatch(/^[0-9a-f]{16}$/);
    expect(a.ok && a.value[0]?.dedupKey).toBe(b.ok && b.value[0]?.dedupKey);
  });

  it('reads Grafana’s extra links and falls back to the title for the summary', () => {
    const checked = webhookSignals(
      {
        ...webhook(alert('firing', { annotations: {}, labels: {}, dashboardURL: 'https://g/d/1' })),
        title: '[FIRING:1] Grafana',
        state: 'alerting',
        orgId: 1,
      },
      NOW,
    );
    expect(checked.ok && checked.value[0]).toMatchObject({
      summary: '[FIRING:1] Grafana',
      severity: 'error',
    });
    expect(checked.ok && checked.value[0]?.links.map((l) => l.text)).toEqual(['Source', 'Dashboard']);
  });

  it('refuses a body without alerts or with a bad status or start', () => {
    expect(webhookSignals({ version: '4' }, NOW).ok).toBe(false);
    const checked = webhookSignals(webhook(alert('pending'), alert('firing', { startsAt: 'soon' })), NOW);
    expect(checked.ok === false && checked.errors).toEqual([
      "'alerts[0].status' is missing or invalid (expected firing or resolved)",
      "'alerts[1].startsAt' is missing or not a valid timestamp",
    ]);
  });
});

describe('generic JSON with a field mapping', () => {
  const mapping = {
    summary: '/check/title',
    severity: '/level',
    dedupKey: '/check/id',
    source: '/host',
    action: '/state',
    track: '/kind',
    functionKey: '/fn',
  };

  it('reads every mapped field through its JSON Pointer', () => {
    const checked = genericSignal(
      {
        check: { title: 'VPN down', id: 'vpn-1' },
        level: 'high',
        host: 'fw-1',
        state: 'ALERT',
        kind: 'security',
        fn: 'network',
      },
      mapping,
      NOW,
      'gen',
    );
    expect(checked).toMatchObject({
      ok: true,
      value: {
        action: 'trigger',
        summary: 'VPN down',
        dedupKey: 'vpn-1',
        severity: 'error',
        source: 'fw-1',
        track: 'security',
        functionKey: 'network',
      },
    });
  });

  it('says which pointer is missing, and needs a dedup key to resolve', () => {
    expect(genericSignal({ state: 'resolved' }, mapping, NOW, 'gen')).toEqual({
      ok: false,
      errors: ["'/check/id' (dedupKey) is missing or blank (required for resolve events)"],
    });
    expect(genericSignal({ state: 'maybe', check: { title: 't' } }, mapping, NOW, 'gen').ok).toBe(false);
    expect(genericSignal({ title: 'Plain' }, {}, NOW, 'gen')).toMatchObject({
      ok: true,
      value: { summary: 'Plain', dedupKey: 'gen' },
    });
  });

  it('resolves RFC 6901 pointers with escapes and array indexes', () => {
    const body = { 'a/b': { 'm~n': ['x', 'y'] } };
    expect(resolvePointer(body, '/a~1b/m~0n/1')).toBe('y');
    expect(resolvePointer(body, '/a~1b/missing')).toBeUndefined();
    expect(mappingErrors({ summary: 'title', source: '/ok' })).toEqual([
      { path: '/mapping/summary', message: 'is not a JSON Pointer (write /path/to/field)' },
    ]);
  });
});

describe('e-mail alerts', () => {
  const mail = { from: 'nagios@example.com', text: '', receivedAt: NOW };
  it('keys by the normalised subject, so the RESOLVED mail resolves the alert the first opened', () => {
    const opened = emailSignal({ ...mail, subject: 'Disk  full on DB-1' });
    const resolved = emailSignal({ ...mail, subject: '[RESOLVED] Disk full on db-1' });
    expect(opened).toMatchObject({ action: 'trigger', summary: 'Disk  full on DB-1' });
    expect(resolved).toMatchObject({ action: 'resolve', dedupKey: opened.dedupKey });
    expect(emailSignal({ ...mail, subject: 'RESOLVED: Disk full on db-1' }).dedupKey).toBe(opened.dedupKey);
  });
  it('prefers an X-Tandem-Dedup-Key line in the body', () => {
    expect(emailSignal({ ...mail, subject: 'x', text: 'hello\nX-Tandem-Dedup-Key: job-7\n' }).dedupKey).toBe(
      'job-7',
    );
  });
});

describe('routing defaults', () => {
  it('sends security integrations and security-marked events to the security track', () => {
    expect(trackOf({ security: true }, { track: null, class: null })).toBe('security');
    expect(trackOf({ track: 'security' }, { track: null, class: null })).toBe('security');
    expect(trackOf({}, { track: 'security', class: null })).toBe('security');
    expect(trackOf({}, { track: null, class: 'Security: malware' })).toBe('security');
    expect(trackOf({}, { track: null, class: 'disk' })).toBe('operations');
  });
  it('maps severity to priority, with the integration’s map first', () => {
    expect(priorityOf({}, 'critical')).toBe('P1');
    expect(priorityOf({}, 'info')).toBe('P4');
    expect(
      priorityOf(
        { severityPriority: { critical: 'P2', error: 'P2', warning: 'P4', info: 'P4' } },
        'critical',
      ),
    ).toBe('P2');
  });
  it('maps tools’ severity words onto the four, unknown to error', () => {
    expect(['page', 'HIGH', 'warn', 'low', 'bogus', undefined].map(severityOf)).toEqual([
      'critical',
      'error',
      'warning',
      'info',
      'error',
      'error',
    ]);
  });
});
