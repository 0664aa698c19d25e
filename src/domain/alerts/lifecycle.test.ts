import { describe, expect, it } from 'vitest';
import { isFlapping, type PastAlert } from './flapping.ts';
import { placeAlert } from './grouping.ts';
import { decide } from './lifecycle.ts';

const open = { id: 'a1', status: 'triggered' as const, episode: null };
const trigger = { action: 'trigger' as const, episode: null };

describe('alert lifecycle', () => {
  it('opens, re-triggers, acknowledges and resolves the open alert of a key', () => {
    const base = { duplicate: false, episodeResolved: false };
    expect(decide({ ...base, open: null, signal: trigger })).toEqual({ kind: 'create' });
    expect(decide({ ...base, open, signal: trigger })).toEqual({ kind: 'retrigger', alertId: 'a1' });
    expect(decide({ ...base, open, signal: { action: 'acknowledge', episode: null } })).toEqual({
      kind: 'acknowledge',
      alertId: 'a1',
    });
    expect(decide({ ...base, open, signal: { action: 'resolve', episode: null } })).toEqual({
      kind: 'resolve',
      alertId: 'a1',
    });
  });

  it('drops acknowledge and resolve without an open alert, saying why', () => {
    for (const action of ['acknowledge', 'resolve'] as const) {
      expect(
        decide({ open: null, signal: { action, episode: null }, duplicate: false, episodeResolved: false }),
      ).toEqual({
        kind: 'drop',
        reason: 'no open alert with this dedup key',
      });
    }
  });

  it('treats a repeated Alertmanager delivery as a no-op and a late firing of a resolved episode as stale', () => {
    const episode = '2026-11-25T01:58:00.000Z';
    expect(decide({ open, signal: trigger, duplicate: true, episodeResolved: false })).toEqual({
      kind: 'deduplicated',
    });
    expect(
      decide({ open: null, signal: { action: 'trigger', episode }, duplicate: false, episodeResolved: true }),
    ).toEqual({
      kind: 'drop',
      reason: 'stale: this episode (startsAt) has already resolved',
    });
    const later = { ...open, episode: '2026-11-25T03:00:00.000Z' };
    expect(
      decide({
        open: later,
        signal: { action: 'resolve', episode },
        duplicate: false,
        episodeResolved: false,
      }).kind,
    ).toBe('drop');
  });
});

describe('grouping', () => {
  const now = new Date('2026-11-25T02:00:00Z');
  const candidate = (id: string, minutesAgo: number, source = 'db-1') => ({
    incidentId: id,
    source,
    component: null,
    functionKey: null,
    lastAt: new Date(now.getTime() - minutesAgo * 60_000),
  });
  const alert = { source: 'db-1', component: null, functionKey: null };

  it('joins the same key’s open incident first', () => {
    expect(
      placeAlert({ sameKeyIncident: 'i0', rule: undefined, alert, candidates: [candidate('i1', 1)], now }),
    ).toEqual({ kind: 'join', incidentId: 'i0', reason: 'dedup_key' });
  });

  it('joins the latest incident with the same source within the window, else opens one', () => {
    const rule = { by: ['source' as const], windowMinutes: 10 };
    const candidates = [candidate('old', 11), candidate('recent', 5), candidate('other', 1, 'web-1')];
    expect(placeAlert({ sameKeyIncident: null, rule, alert, candidates, now })).toEqual({
      kind: 'join',
      incidentId: 'recent',
      reason: 'grouping',
    });
    expect(
      placeAlert({ sameKeyIncident: null, rule, alert, candidates: [candidate('old', 11)], now }),
    ).toEqual({ kind: 'open' });
    expect(placeAlert({ sameKeyIncident: null, rule: undefined, alert, candidates, now })).toEqual({
      kind: 'open',
    });
  });

  it('never groups on a field the alert does not have', () => {
    const rule = { by: ['component' as const], windowMinutes: 10 };
    expect(placeAlert({ sameKeyIncident: null, rule, alert, candidates: [candidate('i', 1)], now })).toEqual({
      kind: 'open',
    });
  });
});

describe('flapping', () => {
  const now = new Date('2026-11-25T02:00:00Z');
  const past = (minutesAgo: number, flapping = false): PastAlert => ({
    firstAt: new Date(now.getTime() - minutesAgo * 60_000),
    lastAt: new Date(now.getTime() - minutesAgo * 60_000 + 60_000),
    flapping,
    incidentId: 'i',
  });

  it('starts at the third re-trigger after a resolve within 30 minutes', () => {
    expect(isFlapping([], now)).toBe(false);
    expect(isFlapping([past(20), past(25)], now)).toBe(false); // this is the 2nd re-trigger
    expect(isFlapping([past(10), past(20), past(25)], now)).toBe(true); // the 3rd
    expect(isFlapping([past(10), past(35), past(40)], now)).toBe(false);
  });

  it('lasts until the key has been quiet for 30 minutes', () => {
    expect(isFlapping([past(20, true), past(50)], now)).toBe(true);
    expect(isFlapping([past(45, true), past(50)], now)).toBe(false);
  });
});
