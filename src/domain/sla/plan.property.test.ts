import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedNextStatuses, TICKET_STATUSES, whoseMove } from '../tickets/status.ts';
import type { ClockKind, ClockParty } from './clock.ts';
import { on, P2, type Table, targets, ticket } from './plan.fixture.ts';
import { type ClockAction, type OpenClock, planClocks, type TicketEvent } from './plan.ts';

// A tiny SLA service: applies each plan to the open clocks, failing on any action it cannot apply.
type Intent =
  | { t: 'status'; pick: number; legal: boolean; wait: 'info_request_response' | 'change_approval' }
  | { t: 'respond'; party: ClockParty }
  | { t: 'owner' }
  | { t: 'policy'; table: number }
  | { t: 'open' | 'close'; party: ClockParty; kind: 'change_approval' | 'incident_join'; cancel: boolean };
const party = fc.constantFrom<ClockParty>('internal', 'provider');
const intent: fc.Arbitrary<Intent> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('status' as const),
      pick: fc.nat(),
      legal: fc.boolean(),
      wait: fc.constantFrom('info_request_response' as const, 'change_approval' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('respond' as const), party }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('owner' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('policy' as const), table: fc.nat({ max: 2 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constantFrom('open' as const, 'close' as const),
      party,
      kind: fc.constantFrom('change_approval' as const, 'incident_join' as const),
      cancel: fc.boolean(),
    }),
  },
);
const TABLES: Table[] = [
  P2,
  {
    ...P2,
    'provider resolution': on(60),
    'provider update': undefined,
    'internal info_request_response': undefined,
  },
  { ...P2, 'provider first_response': on(15, '24/7'), 'internal change_approval': on(60) },
];
const SERVICE: readonly ClockKind[] = ['first_response', 'resolution', 'update'];

function simulate(intents: readonly Intent[], owner: ClockParty): void {
  let facts = ticket('new', owner);
  let targetOf = targets(TABLES[0]!);
  let open: OpenClock[] = [];
  let next = 0;
  const apply = (action: ClockAction) => {
    if (action.do === 'start') {
      expect(open.some((c) => c.party === action.party && c.kind === action.kind)).toBe(false);
      const state = action.running ? 'running' : 'paused';
      open.push({ id: `c${next++}`, party: action.party, kind: action.kind, state, target: action.target });
      return;
    }
    const named = open.find((c) => c.id === action.clockId);
    expect(named, `${action.do} names ${action.clockId}, which is not open`).toBeDefined();
    if (action.do === 'pause') expect(named!.state).toBe('running');
    if (action.do === 'resume') expect(named!.state).toBe('paused');
    if (action.do === 'retarget') expect(action.target).not.toEqual(named!.target);
    open = open.flatMap((c) => {
      if (c.id !== action.clockId) return [c];
      if (action.do === 'stop') return [];
      if (action.do === 'retarget') return [{ ...c, target: action.target }];
      return [{ ...c, state: action.do === 'pause' ? ('paused' as const) : ('running' as const) }];
    });
  };
  const happen = (event: TicketEvent) => {
    for (const action of planClocks(facts, event, open, targetOf)) apply(action);
    // At most one open clock per party and kind.
    expect(new Set(open.map((c) => `${c.party} ${c.kind}`)).size).toBe(open.length);
    // The owner's service clocks run exactly when it is the owner's move; nobody else has any.
    const ownersMove = whoseMove(facts.status, facts.ownerParty) === facts.ownerParty;
    for (const c of open.filter((c) => SERVICE.includes(c.kind))) {
      expect(c.party).toBe(facts.ownerParty);
      expect(c.state).toBe(ownersMove ? 'running' : 'paused');
    }
    // Only a party being waited on owes an answer to an info request.
    for (const c of open.filter((c) => c.kind === 'info_request_response')) {
      expect(facts.status).toBe(`waiting_on_${c.party}`);
      expect(c.party).not.toBe(facts.ownerParty);
    }
    if (facts.status === 'resolved' || facts.status === 'closed') expect(open).toEqual([]);
  };

  happen({ type: 'created' });
  for (const step of intents) {
    if (step.t === 'status') {
      const choices = step.legal ? allowedNextStatuses(facts.status) : TICKET_STATUSES;
      if (choices.length === 0) continue;
      const to = choices[step.pick % choices.length]!;
      const from = facts.status;
      facts = { ...facts, status: to };
      happen({
        type: 'status_changed',
        from,
        to,
        cause: { kind: step.wait, reason: 'asked' },
        by: 'Sam Patel',
      });
    } else if (step.t === 'respond') {
      happen({ type: 'responded', party: step.party });
    } else if (step.t === 'owner') {
      const from = facts.ownerParty;
      const to = from === 'provider' ? 'internal' : 'provider';
      facts = { ...facts, ownerParty: to };
      happen({ type: 'owner_changed', from, to });
    } else if (step.t === 'policy') {
      targetOf = targets(TABLES[step.table]!);
      happen({ type: 'retargeted', changed: ['priority'] });
    } else if (step.t === 'open') {
      happen({ type: 'obligation_opened', party: step.party, kind: step.kind, reason: 'opened' });
    } else {
      happen({
        type: 'obligation_closed',
        party: step.party,
        kind: step.kind,
        reason: 'closed',
        cancel: step.cancel,
      });
    }
  }
}

describe('clock plans over any run of ticket events', () => {
  it('keep one open clock per party and kind, name only open clocks, and follow whose move it is', () => {
    fc.assert(
      fc.property(fc.array(intent, { maxLength: 40 }), party, (intents, owner) => simulate(intents, owner)),
      { numRuns: 500 },
    );
  });
});
