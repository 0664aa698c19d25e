import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFlapping, type PastAlert } from './flapping.ts';
import { type AlertStatus, decide, laterEpisode } from './lifecycle.ts';

interface Alert {
  id: string;
  key: string;
  status: AlertStatus;
  episode: string | null;
  count: number;
}
interface Event {
  key: string;
  action: 'trigger' | 'acknowledge' | 'resolve';
  episode: string | null;
  idempotencyKey: string | null;
}

/** A tiny model of the store: the service does exactly this with rows. */
function run(events: readonly Event[]) {
  const alerts: Alert[] = [];
  const seen = new Set<string>();
  const resolvedEpisodes = new Set<string>();
  const outcomes: string[] = [];
  for (const e of events) {
    const open = alerts.find((a) => a.key === e.key && a.status !== 'resolved') ?? null;
    const decision = decide({
      open,
      signal: e,
      duplicate: e.idempotencyKey !== null && seen.has(e.idempotencyKey),
      episodeResolved: e.episode !== null && resolvedEpisodes.has(`${e.key}|${e.episode}`),
    });
    if (decision.kind !== 'deduplicated') {
      if (e.idempotencyKey) seen.add(e.idempotencyKey);
      if (e.action === 'resolve' && e.episode) resolvedEpisodes.add(`${e.key}|${e.episode}`);
    }
    outcomes.push(decision.kind);
    if (decision.kind === 'create')
      alerts.push({
        id: String(alerts.length),
        key: e.key,
        status: 'triggered',
        episode: e.episode,
        count: 1,
      });
    if (decision.kind === 'retrigger') {
      open!.count += 1;
      open!.episode = laterEpisode(open!.episode, e.episode);
    }
    if (decision.kind === 'acknowledge') open!.status = 'acknowledged';
    if (decision.kind === 'resolve') open!.status = 'resolved';
  }
  return { alerts, outcomes };
}

const pdEvent = fc.record({
  key: fc.constantFrom('a', 'b'),
  action: fc.constantFrom('trigger', 'acknowledge', 'resolve'),
  episode: fc.constant(null),
  idempotencyKey: fc.constant(null),
}) as fc.Arbitrary<Event>;

const amDelivery = (key: string, episode: string, status: 'firing' | 'resolved'): Event => ({
  key,
  action: status === 'firing' ? 'trigger' : 'resolve',
  episode,
  idempotencyKey: `g|${key}|${episode}|${status}`,
});

describe('alert lifecycle properties', () => {
  it('keeps at most one open alert per key, and only triggers open alerts', () => {
    fc.assert(
      fc.property(fc.array(pdEvent, { maxLength: 40 }), (events) => {
        const { alerts, outcomes } = run(events);
        for (const key of ['a', 'b']) {
          expect(alerts.filter((a) => a.key === key && a.status !== 'resolved').length).toBeLessThanOrEqual(
            1,
          );
        }
        const triggers = events.filter((e) => e.action === 'trigger').length;
        expect(outcomes.filter((o) => o === 'create' || o === 'retrigger').length).toBe(triggers);
        const created = outcomes.filter((o) => o === 'create').length;
        expect(alerts.length).toBe(created);
      }),
    );
  });

  it('opens a new alert for a trigger after a resolve, never re-opening the old one', () => {
    fc.assert(
      fc.property(fc.array(pdEvent, { maxLength: 40 }), (events) => {
        const withResolve = [
          ...events,
          { key: 'a', action: 'resolve', episode: null, idempotencyKey: null } as Event,
        ];
        const before = run(withResolve).alerts.length;
        const after = run([
          ...withResolve,
          { key: 'a', action: 'trigger', episode: null, idempotencyKey: null },
        ]);
        expect(after.alerts.length).toBe(before + 1);
        expect(after.alerts.at(-1)?.status).toBe('triggered');
      }),
    );
  });

  it('ends Alertmanager episodes the same whatever the order and repeats of their deliveries', () => {
    const episodes = ['2026-11-25T01:00:00.000Z', '2026-11-25T02:00:00.000Z'];
    const deliveries = episodes.flatMap((ep) => [
      amDelivery('fp', ep, 'firing'),
      amDelivery('fp', ep, 'resolved'),
    ]);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(deliveries, { minLength: deliveries.length, maxLength: deliveries.length }),
        fc.array(fc.constantFrom(...deliveries), { maxLength: 6 }),
        (order, repeats) => {
          const { alerts } = run([...order, ...repeats]);
          // Every episode was resolved, so nothing stays open, whichever came first.
          expect(alerts.filter((a) => a.status !== 'resolved')).toEqual([]);
          // An episode never opens more than one alert.
          const perEpisode = new Map<string | null, number>();
          for (const a of alerts) perEpisode.set(a.episode, (perEpisode.get(a.episode) ?? 0) + 1);
          for (const n of perEpisode.values()) expect(n).toBe(1);
        },
      ),
    );
  });
});

describe('flap damping properties', () => {
  const MIN = 60_000;
  it('never flaps a key with fewer than three re-triggers in the window, always with three or more', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 8 }), (ago) => {
        const now = new Date('2026-11-25T02:00:00Z');
        const sorted = [...ago].sort((a, b) => a - b);
        const history: PastAlert[] = sorted.map((m) => ({
          firstAt: new Date(now.getTime() - m * MIN),
          lastAt: new Date(now.getTime() - m * MIN),
          flapping: false,
          incidentId: null,
        }));
        const reopeningsInWindow = sorted.slice(0, -1).filter((m) => m < 30).length + 1;
        expect(isFlapping(history, now)).toBe(reopeningsInWindow >= 3);
      }),
    );
  });
});
