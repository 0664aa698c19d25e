import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canMove } from '../tickets/status.ts';
import {
  awaitsApproval,
  CHANGE_STATES,
  CHANGE_TYPES,
  type ChangeState,
  type ChangeType,
  DECISIONS,
  decide,
  isDecided,
  isFinished,
  moveChange,
  requestableStates,
  ticketStatusFor,
} from './lifecycle.ts';

const type = fc.constantFrom(...CHANGE_TYPES);
const state = fc.constantFrom(...CHANGE_STATES);

describe('change lifecycle', () => {
  it('walks a normal change from draft to completed only through approval', () => {
    const path: ChangeState[] = ['draft', 'submitted', 'approved', 'scheduled', 'in_progress', 'completed'];
    for (let i = 1; i < path.length; i++)
      expect(moveChange('normal', path[i - 1]!, path[i]!)).toEqual({ ok: true });
    expect(moveChange('normal', 'submitted', 'scheduled')).toEqual({
      ok: false,
      reason: 'A submitted normal change can move to approved or rejected; not to scheduled.',
    });
  });

  it('lets an emergency change be scheduled and worked before anyone approves it', () => {
    expect(moveChange('emergency', 'submitted', 'scheduled').ok).toBe(true);
    expect(moveChange('emergency', 'scheduled', 'in_progress').ok).toBe(true);
    expect(moveChange('normal', 'submitted', 'in_progress').ok).toBe(false);
  });

  it('approves a standard change on submit and never rejects it', () => {
    expect(moveChange('standard', 'submitted', 'approved').ok).toBe(true);
    expect(moveChange('standard', 'submitted', 'rejected').ok).toBe(false);
  });

  it('lets a rejected change be revised as a draft and submitted again', () => {
    for (const t of CHANGE_TYPES) expect(moveChange(t, 'rejected', 'draft').ok).toBe(true);
    expect(moveChange('normal', 'rejected', 'scheduled').ok).toBe(false);
  });

  it('ends in completed, failed or rolled back, and a finished change moves nowhere', () => {
    fc.assert(
      fc.property(type, state, (t, to) => {
        for (const done of ['completed', 'failed', 'rolled_back'] as const) {
          const moved = moveChange(t, done, to);
          expect(moved.ok).toBe(false);
          if (!moved.ok) expect(moved.reason).toMatch(/finished/);
        }
      }),
    );
  });

  it('never reaches scheduled without approval unless the change is an emergency', () => {
    fc.assert(
      fc.property(type, fc.array(state, { maxLength: 40 }), (t, asked) => {
        let current: ChangeState = 'draft';
        let approved = false;
        for (const to of asked) {
          if (!moveChange(t, current, to).ok) continue;
          if (to === 'approved') approved = true;
          if (to === 'draft') approved = false;
          if (to === 'scheduled' && t !== 'emergency') expect(approved).toBe(true);
          current = to;
        }
      }),
    );
  });

  it('offers people only the moves they may request; approval and rejection come from decisions', () => {
    fc.assert(
      fc.property(type, state, (t, from) => {
        for (const to of requestableStates(t, from)) {
          expect(moveChange(t, from, to).ok).toBe(true);
          expect(isDecided(to)).toBe(false);
        }
      }),
    );
    expect(requestableStates('emergency', 'submitted')).toEqual(['scheduled']);
    expect(requestableStates('normal', 'submitted')).toEqual([]);
  });

  it('maps every move the table allows to a ticket status the ticket can take', () => {
    fc.assert(
      fc.property(type, fc.array(state, { maxLength: 40 }), (t, asked) => {
        let current: ChangeState = 'draft';
        let ticket = ticketStatusFor(t, null, 'draft')!;
        expect(ticket).toBe('new');
        for (const to of asked) {
          if (!moveChange(t, current, to).ok) continue;
          const next = ticketStatusFor(t, current, to);
          if (next !== null && next !== ticket) {
            expect(canMove(ticket, next), `${t} ${current}→${to}: ticket ${ticket}→${next}`).toBe(true);
            ticket = next;
          }
          current = to;
          if (isFinished(current)) expect(ticket).toBe('resolved');
        }
      }),
    );
  });

  it('keeps a finished emergency change open until its retrospective approval is decided', () => {
    expect(ticketStatusFor('emergency', 'in_progress', 'completed', true)).toBe(null);
    expect(ticketStatusFor('emergency', 'in_progress', 'completed', false)).toBe('resolved');
  });

  it('puts a submitted normal change in the internal party’s court', () => {
    expect(ticketStatusFor('normal', 'draft', 'submitted')).toBe('waiting_on_internal');
    expect(ticketStatusFor('emergency', 'draft', 'submitted')).toBe('in_progress');
  });
});

describe('approval decisions', () => {
  const decisions = fc.array(fc.constantFrom(...DECISIONS), { maxLength: 10 });

  it('rejects on any rejection and approves once approvals reach the quorum', () => {
    fc.assert(
      fc.property(
        decisions,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        (ds, q, eligible) => {
          const outcome = decide(ds, q, eligible);
          const approvals = ds.filter((d) => d === 'approve').length;
          if (ds.includes('reject')) expect(outcome).toBe('rejected');
          else if (approvals >= q) expect(outcome).toBe('approved');
          else if (approvals < Math.min(q, eligible)) expect(outcome).toBe('pending');
        },
      ),
    );
  });

  it('waits for the second approver when the quorum is two', () => {
    expect(decide(['approve'], 2, 3)).toBe('pending');
    expect(decide(['approve', 'approve'], 2, 3)).toBe('approved');
    expect(decide(['approve', 'reject'], 2, 3)).toBe('rejected');
    expect(decide([], 1, 1)).toBe('pending');
  });

  it('caps the quorum at the approvers still eligible, so a departure cannot strand a change', () => {
    expect(decide(['approve'], 2, 1)).toBe('approved');
    expect(decide([], 2, 0)).toBe('pending');
  });
});

describe('awaiting approval', () => {
  it('holds a submitted change and an emergency that went ahead while approval is pending', () => {
    expect(awaitsApproval('normal', 'submitted', 'pending')).toBe(true);
    expect(awaitsApproval('emergency', 'in_progress', 'pending')).toBe(true);
    expect(awaitsApproval('emergency', 'completed', 'pending')).toBe(true);
    expect(awaitsApproval('emergency', 'completed', 'approved')).toBe(false);
    expect(awaitsApproval('normal', 'scheduled', 'pending')).toBe(false);
    expect(awaitsApproval('standard', 'submitted', 'pending')).toBe(false);
  });

  it('never holds a draft', () => {
    fc.assert(
      fc.property(
        type,
        fc.constantFrom('none', 'pending', 'approved', 'rejected' as const),
        (t, approval) => {
          expect(awaitsApproval(t as ChangeType, 'draft', approval)).toBe(false);
        },
      ),
    );
  });
});
