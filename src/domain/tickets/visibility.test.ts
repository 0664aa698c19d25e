import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canRead,
  canWrite,
  privateChannelOf,
  type Reader,
  type Visibility,
  visibleTo,
} from './visibility.ts';

const reader = fc.record({
  party: fc.constantFrom('internal' as const, 'provider' as const),
  isRequester: fc.boolean(),
});
const visibility = fc.constantFrom<Visibility>('shared', 'provider_only', 'internal_only');

describe('ticket visibility', () => {
  it('never lets one party read the other party’s private channel', () => {
    fc.assert(
      fc.property(reader, (r: Reader) => {
        const other = privateChannelOf(r.party === 'provider' ? 'internal' : 'provider');
        expect(canRead(r, other)).toBe(false);
        expect(canRead(r, 'shared')).toBe(true);
      }),
    );
  });

  it('shows requesters only what is shared', () => {
    expect(visibleTo({ party: 'internal', isRequester: true })).toEqual(['shared']);
  });

  it('lets a writer post only where they can read', () => {
    fc.assert(
      fc.property(reader, visibility, (r, v) => {
        expect(canWrite(r, v)).toBe(canRead(r, v));
      }),
    );
  });
});
