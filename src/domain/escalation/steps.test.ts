import { describe, expect, it } from 'vitest';
import { checkPolicy, snapshotOf } from './policy.ts';
import { lookupsOf, schedule, snapshot, team, user } from './steps.fixture.ts';
import { advance, fire } from './steps.ts';

const NOW = new Date('2026-11-03T02:00:00Z');

describe('checking a policy', () => {
  it('names each broken rule at its field', () => {
    const problems = checkPolicy({
      repeat: 12,
      fallback: [user('a'), user('a')],
      levels: [
        { delayMinutes: 0, targets: [] },
        { delayMinutes: 1441, targets: [schedule('s'), schedule('s')] },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      '/repeat',
      '/levels/0/delayMinutes',
      '/levels/0/targets',
      '/levels/1/delayMinutes',
      '/levels/1/targets/1',
      '/fallback/1',
    ]);
  });

  it('refuses no levels and more than ten', () => {
    const level = { delayMinutes: 5, targets: [user('a')] };
    expect(checkPolicy({ repeat: 0, fallback: [], levels: [] })[0]?.path).toBe('/levels');
    expect(checkPolicy({ repeat: 0, fallback: [], levels: Array(11).fill(level) })[0]?.path).toBe('/levels');
    expect(checkPolicy({ repeat: 9, fallback: [], levels: Array(10).fill(level) })).toEqual([]);
  });
});

describe('firing a level', () => {
  it('flags no gap when another target of the level reaches someone', () => {
    const fired = fire(
      snapshot([[schedule('desk'), schedule('noc')]]),
      { level: 1, round: 0 },
      lookupsOf({ onCall: { desk: [], noc: ['lee'] } }),
      NOW,
    );
    expect(fired.pages.map((p) => p.userId)).toEqual(['lee']);
    expect(fired.gaps).toEqual([]);
  });

  it('pages whoever is on call on the level’s schedule, and waits the level’s delay', () => {
    const fired = fire(
      snapshot([[schedule('noc')]]),
      { level: 1, round: 0 },
      lookupsOf({ onCall: { noc: ['sam'] } }),
      NOW,
    );
    expect(fired.pages).toEqual([{ userId: 'sam', target: schedule('noc'), level: 1, round: 0 }]);
    expect(fired.gaps).toEqual([]);
    expect(fired.nextAt.toISOString()).toBe('2026-11-03T02:15:00.000Z');
  });

  it('falls through a level whose schedule has nobody on call, recording the gap', () => {
    const policy = snapshot([[schedule('empty')], [user('lee')]]);
    const fired = fire(policy, { level: 1, round: 0 }, lookupsOf({}), NOW);
    expect(fired.paged).toEqual({ level: 2, round: 0 });
    expect(fired.pages.map((p) => p.userId)).toEqual(['lee']);
    expect(fired.gaps).toEqual([{ level: 1, target: schedule('empty'), reason: 'nobody on call' }]);
  });

  it('goes to the fallback past the last level, then to the owning party’s managers', () => {
    const policy = snapshot([[schedule('empty')]], { fallback: [user('gone')] });
    const toFallback = fire(
      snapshot([[schedule('empty')]], { fallback: [user('kim')] }),
      { level: 1, round: 0 },
      lookupsOf({}),
      NOW,
    );
    expect(toFallback).toMatchObject({ via: 'fallback', paged: { level: 1, round: 0 } });
    const toManagers = fire(
      policy,
      { level: 1, round: 0 },
      lookupsOf({ inactive: ['gone'], managers: ['maria'] }),
      NOW,
    );
    expect(toManagers.via).toBe('managers');
    expect(toManagers.pages.map((p) => p.userId)).toEqual(['maria']);
    expect(toManagers.gaps).toHaveLength(2);
  });

  it('pages a team’s people on call, or every member when none is', () => {
    const policy = snapshot([[team('soc')]]);
    const world = { teamSchedules: { soc: ['rota'] }, teams: { soc: ['dana', 'kim'] } };
    expect(
      fire(policy, { level: 1, round: 0 }, lookupsOf({ ...world, onCall: { rota: ['kim'] } }), NOW).pages.map(
        (p) => p.userId,
      ),
    ).toEqual(['kim']);
    expect(fire(policy, { level: 1, round: 0 }, lookupsOf(world), NOW).pages.map((p) => p.userId)).toEqual([
      'dana',
      'kim',
    ]);
  });

  it('pages a person reached by two targets once', () => {
    const fired = fire(
      snapshot([[user('sam'), schedule('noc')]]),
      { level: 1, round: 0 },
      lookupsOf({ onCall: { noc: ['sam', 'lee'] } }),
      NOW,
    );
    expect(fired.pages.map((p) => p.userId)).toEqual(['sam', 'lee']);
  });
});

describe('moving on', () => {
  it('repeats from level 1 `repeat` times, then is exhausted', () => {
    const policy = snapshot([[user('a')], [user('b')]], { repeat: 1 });
    const walk = [];
    for (let at: ReturnType<typeof advance> = { level: 1, round: 0 }; at; at = advance(policy, at))
      walk.push(at);
    expect(walk).toEqual([
      { level: 1, round: 0 },
      { level: 2, round: 0 },
      { level: 1, round: 1 },
      { level: 2, round: 1 },
    ]);
  });

  it('keeps its snapshot when the policy is edited later', () => {
    const levels = [{ delayMinutes: 5, targets: [user('a')] }];
    const taken = snapshotOf({ policyId: 'p', name: 'P', repeat: 0, fallback: [], levels }, NOW);
    (levels[0]!.targets as { id: string }[])[0]!.id = 'changed';
    expect(taken.levels[0]?.targets[0]?.id).toBe('a');
  });
});
