import { describe, expect, it } from 'vitest';
import { alertSignal, checkAlertEvent, checkChangeEvent } from './pagerduty.ts';

const NOW = new Date('2026-11-25T02:00:00Z');
const trigger = {
  routing_key: 'tdi_key',
  event_action: 'trigger',
  dedup_key: 'srv01/mysql',
  payload: { summary: 'DISK at 99% on prod-datapipe03', source: 'prod-datapipe03', severity: 'critical' },
};

describe('PagerDuty alert events', () => {
  it('accepts PagerDuty’s own example, +0000 timestamp, links, images and client', () => {
    const checked = checkAlertEvent({
      ...trigger,
      payload: {
        ...trigger.payload,
        timestamp: '2015-07-17T08:42:58.315+0000',
        component: 'mysql',
        class: 'disk',
      },
      links: [{ href: 'https://example.com/', text: 'Link text' }],
      images: [{ src: 'https://example.com/a.png', alt: 'chart' }],
      client: 'Sample Monitoring Service',
      client_url: 'https://monitoring.example.com',
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const signal = alertSignal(checked.value, NOW, 'generated');
    expect(signal).toMatchObject({
      action: 'trigger',
      dedupKey: 'srv01/mysql',
      severity: 'critical',
      component: 'mysql',
      class: 'disk',
      at: new Date('2015-07-17T08:42:58.315Z'),
    });
    expect(signal.links).toHaveLength(2);
  });

  it('generates the dedup key of a trigger sent without one, and stamps it now without a timestamp', () => {
    const { dedup_key: _, ...withoutKey } = trigger;
    const checked = checkAlertEvent(withoutKey);
    expect(checked.ok && alertSignal(checked.value, NOW, 'uuid-1')).toMatchObject({
      dedupKey: 'uuid-1',
      at: NOW,
    });
  });

  it('needs only the key and dedup key to acknowledge or resolve', () => {
    for (const action of ['acknowledge', 'resolve']) {
      expect(checkAlertEvent({ routing_key: 'k', event_action: action, dedup_key: 'x' }).ok).toBe(true);
      expect(checkAlertEvent({ routing_key: 'k', event_action: action })).toEqual({
        ok: false,
        errors: [`'dedup_key' is missing or blank (required for ${action} events)`],
      });
    }
  });

  it('lists every problem of an invalid event, worded as PagerDuty words them', () => {
    const checked = checkAlertEvent({
      routing_key: ' ',
      event_action: 'page',
      dedup_key: 'x'.repeat(256),
      links: [{ text: 'no href' }],
      images: 'nope',
    });
    expect(checked).toEqual({
      ok: false,
      errors: [
        "'routing_key' is missing or blank",
        "'event_action' is missing or invalid (expected trigger, acknowledge or resolve)",
        "'dedup_key' is too long (maximum is 255 characters)",
        "'links[0].href' is missing or blank",
        "'images' must be an array",
      ],
    });
  });

  it('checks a trigger’s payload: summary, source, severity, summary length and timestamp', () => {
    const checked = checkAlertEvent({
      ...trigger,
      payload: { summary: 'x'.repeat(1025), severity: 'fatal', timestamp: 'yesterday' },
    });
    expect(checked.ok === false && checked.errors).toEqual([
      "'payload.summary' is too long (maximum is 1024 characters)",
      "'payload.source' is missing or blank",
      "'payload.severity' is missing or invalid (expected critical, error, warning or info)",
      "'payload.timestamp' is not a valid ISO 8601 timestamp",
    ]);
    expect(checkAlertEvent({ ...trigger, payload: undefined })).toEqual({
      ok: false,
      errors: ["'payload' is missing or not an object (required for trigger events)"],
    });
    expect(checkAlertEvent([trigger]).ok).toBe(false);
  });
});

describe('PagerDuty change events', () => {
  it('reads summary, timestamp, source, details and links', () => {
    const checked = checkChangeEvent({
      routing_key: 'k',
      payload: {
        summary: 'Build 42 deployed',
        timestamp: '2026-11-24T10:00:00Z',
        source: 'ci',
        custom_details: { build: 42 },
      },
      links: [{ href: 'https://ci.example/42' }],
    });
    expect(checked).toEqual({
      ok: true,
      value: {
        routingKey: 'k',
        summary: 'Build 42 deployed',
        timestamp: new Date('2026-11-24T10:00:00Z'),
        source: 'ci',
        customDetails: { build: 42 },
        links: [{ href: 'https://ci.example/42' }],
      },
    });
  });

  it('needs a summary', () => {
    expect(checkChangeEvent({ routing_key: 'k', payload: {} })).toEqual({
      ok: false,
      errors: ["'payload.summary' is missing or blank"],
    });
  });
});
