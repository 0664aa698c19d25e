import { describe, expect, it } from 'vitest';
import { IntegrationRateLimit } from './rate-limit.ts';

describe('integration rate limit', () => {
  it('allows a minute’s burst, then refills at the rate', () => {
    const limit = new IntegrationRateLimit();
    const t0 = new Date('2026-11-25T02:00:00Z');
    for (let i = 0; i < 6; i++) expect(limit.take('i', 6, t0).ok).toBe(true);
    expect(limit.take('i', 6, t0)).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limit.take('other', 6, t0).ok).toBe(true);
    expect(limit.take('i', 6, new Date(t0.getTime() + 10_000)).ok).toBe(true);
    expect(limit.take('i', 6, new Date(t0.getTime() + 10_000)).ok).toBe(false);
  });
});
