import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedNextStatuses,
  canMove,
  changeStatus,
  TICKET_STATUSES,
  type TicketStatus,
  whoseMove,
} from './status.ts';

const status = fc.constantFrom(...TICKET_STATUSES);

describe('ticket status', () => {
  it('never reaches a state the table forbids, whatever moves are asked for', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 60 }), (asked) => {
        let current: TicketStatus = 'new';
        for (const to of asked) {
          const result = changeStatus(current, to);
          if (result.ok) {
            expect(result.status === current || canMove(current, result.status)).toBe(true);
            current = result.status;
          } else {
            expect(canMove(current, to)).toBe(false);
            expect(result.reason).toMatch(/ticket/);
          }
        }
      }),
    );
  });

  it('keeps a closed ticket closed', () => {
    fc.assert(
      fc.property(status, (to) => {
        const result = changeStatus('closed', to);
        expect(result.ok ? result.status : 'closed').toBe('closed');
      }),
    );
  });

  it('closes only what was resolved, and lets a resolved ticket be reopened', () => {
    for (const from of TICKET_STATUSES) expect(canMove(from, 'closed')).toBe(from === 'resolved');
    expect(canMove('resolved', 'in_progress')).toBe(true);
  });

  it('names the allowed moves when it refuses one', () => {
    const refused = changeStatus('new', 'closed');
    expect(refused).toEqual({
      ok: false,
      reason: expect.stringContaining('not to closed'),
    });
    expect(allowedNextStatuses('new')).toContain('resolved');
  });

  it('says whose move it is: waiting statuses name the other side, done work names nobody', () => {
    expect(whoseMove('waiting_on_internal', 'provider')).toBe('internal');
    expect(whoseMove('waiting_on_provider', 'provider')).toBe('provider');
    expect(whoseMove('waiting_on_requester', 'internal')).toBe('requester');
    expect(whoseMove('in_progress', 'internal')).toBe('internal');
    expect(whoseMove('new', 'provider')).toBe('provider');
    expect(whoseMove('resolved', 'provider')).toBeNull();
  });
});
