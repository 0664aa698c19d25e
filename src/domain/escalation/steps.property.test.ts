import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EscalationPolicySpec, snapshotOf, type Target } from './policy.ts';
import { lookupsOf } from './steps.fixture.ts';
import { advance, comparePositions, fire, type Position } from './steps.ts';

const NOW = new Date('2026-11-03T02:00:00Z');
const people = ['ana', 'ben', 'cy', 'dee'];
const target: fc.Arbitrary<Target> = fc.oneof(
  fc.constantFrom(...people).map((id) => ({ type: 'user' as const, id })),
  fc.constantFrom('s1', 's2', 's3').map((id) => ({ type: 'schedule' as const, id })),
  fc.constantFrom('t1', 't2').map((id) => ({ type: 'team' as const, id })),
);
const policy: fc.Arbitrary<EscalationPolicySpec> = fc.record({
  repeat: fc.integer({ min: 0, max: 3 }),
  levels: fc.array(
    fc.record({
      delayMinutes: fc.integer({ min: 1, max: 1440 }),
      targets: fc.array(target, { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  fallback: fc.array(target, { maxLength: 2 }),
});
const subset = fc.subarray(people);
const world = fc.record({
  onCall: fc.record({ s1: subset, s2: subset, s3: subset }),
  teamSchedules: fc.record({ t1: fc.subarray(['s1', 's2']), t2: fc.subarray(['s3']) }),
  teams: fc.record({ t1: subset, t2: subset }),
  inactive: subset,
  managers: subset,
});

describe('the escalation step machine', () => {
  it('pages someone whenever any target of the policy, its fallback or a manager reaches someone', () => {
    fc.assert(
      fc.property(policy, world, (spec, w) => {
        const snapshot = snapshotOf({ ...spec, policyId: 'p', name: 'P' }, NOW);
        const lookups = lookupsOf(w);
        const fired = fire(snapshot, { level: 1, round: 0 }, lookups, NOW);
        const anyone =
          [...spec.levels.flatMap((l) => l.targets), ...spec.fallback].some(
            (t) =>
              fire(
                { ...snapshot, levels: [{ delayMinutes: 1, targets: [t] }], fallback: [] },
                { level: 1, round: 0 },
                { ...lookups, managers: () => [] },
                NOW,
              ).pages.length > 0,
          ) || lookups.managers().some((m) => lookups.isActive(m));
        expect(fired.pages.length > 0).toBe(anyone);
        expect(fired.pages.every((p) => lookups.isActive(p.userId))).toBe(true);
      }),
    );
  });

  it('only ever moves forward, and ends after (levels × (repeat + 1)) positions', () => {
    fc.assert(
      fc.property(policy, world, (spec, w) => {
        const snapshot = snapshotOf({ ...spec, policyId: 'p', name: 'P' }, NOW);
        let at: Position | null = { level: 1, round: 0 };
        let steps = 0;
        while (at) {
          const fired = fire(snapshot, at, lookupsOf(w), NOW);
          expect(comparePositions(fired.paged, at)).toBeGreaterThanOrEqual(0);
          expect(fired.nextAt.getTime()).toBeGreaterThan(NOW.getTime());
          const next = advance(snapshot, fired.paged);
          if (next) expect(comparePositions(next, fired.paged)).toBeGreaterThan(0);
          at = next;
          steps++;
        }
        expect(steps).toBeLessThanOrEqual(spec.levels.length * (spec.repeat + 1));
      }),
    );
  });

  it('keeps the snapshot an escalation took whatever happens to the policy afterwards', () => {
    fc.assert(
      fc.property(policy, policy, (spec, edit) => {
        const mutable = structuredClone(spec) as {
          -readonly [K in keyof EscalationPolicySpec]: EscalationPolicySpec[K];
        };
        const snapshot = snapshotOf({ ...mutable, policyId: 'p', name: 'P' }, NOW);
        const before = JSON.stringify(snapshot);
        // Edit the very objects the snapshot was taken from, then replace them wholesale.
        for (const level of mutable.levels as { delayMinutes: number; targets: Target[] }[]) {
          level.delayMinutes = 7;
          level.targets.push({ type: 'user', id: 'zed' });
        }
        (mutable.fallback as Target[]).push({ type: 'team', id: 't1' });
        Object.assign(mutable, structuredClone(edit));
        expect(JSON.stringify(snapshot)).toBe(before);
      }),
    );
  });
});
