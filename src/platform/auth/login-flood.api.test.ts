import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { DEFAULT_LIMITS } from './throttle.ts';

const ATTACKER = '203.0.113.66';
const REAL_USER = '198.51.100.7';
const VICTIM = 'tom.eriksen@harborline.example';
const FLOOD = 60;

/**
 * Every login answer that is not a 429 may have cost an argon2id verify (~11 ms of CPU, 46 MiB);
 * a 429 is decided before any hash, so the non-429 answers bound the work a flood can buy.
 */
function hashesBought(answers: readonly LightMyRequestResponse[]): number {
  return answers.filter((a) => a.statusCode !== 429).length;
}

function expectThrottled(answer: LightMyRequestResponse): void {
  expect(answer.statusCode).toBe(429);
  expect(answer.headers['content-type']).toContain('application/problem+json');
  const wait = Number(answer.headers['retry-after']);
  expect(Number.isInteger(wait)).toBe(true);
  expect(wait).toBeGreaterThan(0);
}

describe.each(await testDatabases())('a login flood on $name', (database) => {
  let t: TestTandem;
  // A fresh Tandem per test: the throttle's counts live in the process.
  beforeEach(async () => {
    t = await startTestTandem(database);
  });
  afterEach(() => t.close());

  const login = (email: string, password: string, remoteAddress: string) =>
    t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

  it('turns a guesser away with 429 and Retry-After before hashing, one guess after another', async () => {
    const answers: LightMyRequestResponse[] = [];
    for (let i = 0; i < FLOOD; i++) answers.push(await login(VICTIM, `guess-${i}`, ATTACKER));
    expect(hashesBought(answers)).toBeLessThanOrEqual(DEFAULT_LIMITS.perAccountAndAddress.failures);
    for (const early of answers.slice(0, hashesBought(answers))) expect(early.statusCode).toBe(401);
    for (const late of answers.slice(hashesBought(answers))) expectThrottled(late);
    // The right password from the guesser's address is refused too: the window has not passed.
    expectThrottled(await login(VICTIM, DEMO_PASSWORD, ATTACKER));
  });

  it('bounds the hashes a parallel flood can buy to the per-address limit', async () => {
    const flood = Array.from({ length: FLOOD }, (_, i) => login(VICTIM, `guess-${i}`, ATTACKER));
    const answers = await Promise.all(flood);
    expect(hashesBought(answers)).toBeLessThanOrEqual(DEFAULT_LIMITS.perAddress.attempts);
    expect(answers.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(
      FLOOD - DEFAULT_LIMITS.perAddress.attempts,
    );
    for (const answer of answers) expect([401, 429]).toContain(answer.statusCode);
  });

  it('lets the real user log in from their own address while the flood goes on', async () => {
    const flood = Array.from({ length: FLOOD }, (_, i) => login(VICTIM, `guess-${i}`, ATTACKER));
    const during = login(VICTIM, DEMO_PASSWORD, REAL_USER);
    const [answers, real] = await Promise.all([Promise.all(flood), during]);
    expect(hashesBought(answers)).toBeLessThanOrEqual(DEFAULT_LIMITS.perAddress.attempts);
    expect(real.statusCode).toBe(200);
    expect(real.cookies.some((c) => c.name === 'tandem_session')).toBe(true);
    const after = await login(VICTIM, DEMO_PASSWORD, REAL_USER);
    expect(after.statusCode).toBe(200);
  });

  it('stops one address spraying many accounts at the per-address limit', async () => {
    const spray = Array.from({ length: FLOOD }, (_, i) => login(`user${i}@spray.example`, 'guess', ATTACKER));
    const answers = await Promise.all(spray);
    expect(hashesBought(answers)).toBe(DEFAULT_LIMITS.perAddress.attempts);
    for (const answer of answers.filter((a) => a.statusCode === 429)) expectThrottled(answer);
    // Another address is untouched.
    expect((await login('priya.sharma@harborline.example', DEMO_PASSWORD, REAL_USER)).statusCode).toBe(200);
  });
});
