import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { MAX_JSON_DEPTH } from './json-body.ts';
import { LIMITS } from './server.ts';

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;
}

/** Every error answer is RFC 9457 problem+json with the four required members. */
function expectProblem(
  response: LightMyRequestResponse,
  status: number,
): { detail: string; errors?: { path: string }[] } {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json();
  expect(body).toMatchObject({
    type: expect.stringMatching(/^urn:tandem:problem:/),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  return body;
}

describe.each(await testDatabases())('hostile and malformed requests on $name', (database) => {
  let t: TestTandem;
  let manager: Client;
  let url: string;
  beforeAll(async () => {
    t = await startTestTandem(database);
    manager = await t.as('priya.sharma@harborline.example');
    url = `/api/v1/engagements/${t.engagements.harborline}/teams`;
  });
  afterAll(() => t.close());

  const counts = async () => {
    const db = t.tandem.handle.db;
    const teams = await db
      .selectFrom('teams')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const audit = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return { teams: Number(teams.n), audit: Number(audit.n) };
  };

  /** Sends a raw body as the manager would, and checks the database did not move. */
  async function sendRaw(body: string | Buffer, contentType: string, extra: Partial<InjectOptions> = {}) {
    const before = await counts();
    const response = await manager.request({
      method: 'POST',
      url,
      payload: body,
      headers: { 'content-type': contentType },
      ...extra,
    });
    expect(await counts()).toEqual(before);
    return response;
  }

  it('refuses malformed JSON with 400', async () => {
    const response = await sendRaw('{"name": "Broken", "party":', 'application/json');
    expect(expectProblem(response, 400).detail).toMatch(/not valid JSON/);
  });

  it('refuses an empty body sent as JSON', async () => {
    expectProblem(await sendRaw('', 'application/json'), 400);
  });

  it('names the field whose type is wrong', async () => {
    const response = await sendRaw(JSON.stringify({ name: 5, party: 'internal' }), 'application/json');
    const body = expectProblem(response, 400);
    expect(body.errors).toContainEqual(expect.objectContaining({ path: '/name' }));
  });

  it('does not read a number sent as text as a number, nor the reverse', async () => {
    const response = await sendRaw(
      JSON.stringify({ name: 'Typed', party: 'internal', description: 12 }),
      'application/json',
    );
    expect(expectProblem(response, 400).errors).toContainEqual(
      expect.objectContaining({ path: '/description' }),
    );
  });

  it('names a field it does not know instead of dropping it', async () => {
    const response = await sendRaw(
      JSON.stringify({ name: 'Extra', party: 'internal', colour: 'red' }),
      'application/json',
    );
    const body = expectProblem(response, 400);
    expect(body.errors).toContainEqual({ path: '/colour', message: 'is not a known field' });
  });

  it('names a missing required field', async () => {
    const response = await sendRaw(JSON.stringify({ name: 'No party' }), 'application/json');
    expect(expectProblem(response, 400).errors).toContainEqual(expect.objectContaining({ path: '/party' }));
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const huge = JSON.stringify({
      name: 'Big',
      party: 'internal',
      description: 'x'.repeat(LIMITS.bodyBytes),
    });
    expectProblem(await sendRaw(huge, 'application/json'), 413);
  });

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels`, async () => {
    const response = await sendRaw(nested(MAX_JSON_DEPTH + 1), 'application/json');
    expect(expectProblem(response, 400).detail).toMatch(/nested deeper/);
    // At the limit the parser accepts it; the schema then refuses it for what it says.
    const atLimit = await sendRaw(nested(MAX_JSON_DEPTH), 'application/json');
    expect(expectProblem(atLimit, 400).detail).not.toMatch(/nested deeper/);
  });

  it('survives absurdly deep nesting without a stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expectProblem(await sendRaw(deep, 'application/json'), 400);
    expect((await manager.get(url)).statusCode).toBe(200);
  });

  it('accepts only JSON bodies: text and form posts get 415', async () => {
    expectProblem(await sendRaw('name=Form&party=internal', 'application/x-www-form-urlencoded'), 415);
    expectProblem(await sendRaw('{"name":"Text","party":"internal"}', 'text/plain'), 415);
    expectProblem(await sendRaw('--x\r\n\r\n--x--', 'multipart/form-data; boundary=x'), 415);
  });

  it('refuses a body that is not valid UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"name":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('","party":"internal"}'),
    ]);
    expect(expectProblem(await sendRaw(bytes, 'application/json'), 400).detail).toMatch(/UTF-8/);
  });

  it('refuses a NUL character in a JSON body, raw or escaped', async () => {
    const raw = `{"name":"a${'\u0000'}b","party":"internal"}`;
    expectProblem(await sendRaw(raw, 'application/json'), 400);
    const escaped = '{"name":"a\\u0000b","party":"internal"}';
    expect(expectProblem(await sendRaw(escaped, 'application/json'), 400).detail).toMatch(/NUL/);
    const inKey = '{"name":"Key","party":"internal","\\u0000":1}';
    expectProblem(await sendRaw(inKey, 'application/json'), 400);
  });

  it('refuses prototype-poisoning keys', async () => {
    const poisoned = '{"name":"Proto","party":"internal","__proto__":{"admin":true}}';
    expectProblem(await sendRaw(poisoned, 'application/json'), 400);
    expect(({} as { admin?: boolean }).admin).toBeUndefined();
  });

  it('refuses a NUL character or broken percent-encoding in the URL', async () => {
    expectProblem(await manager.get(`/api/v1/engagements/${t.engagements.harborline}%00/teams`), 400);
    expectProblem(await manager.get('/api/v1/engagements/%E0%A4%A/teams'), 400);
    const before = await counts();
    expectProblem(await manager.post(`${url}%00`, { name: 'NUL path', party: 'internal' }), 400);
    expect(await counts()).toEqual(before);
  });

  it('refuses an over-long path parameter with 414', async () => {
    expectProblem(await manager.get(`/api/v1/engagements/${'x'.repeat(500)}/teams`), 414);
  });

  it('runs a retried POST with the same Idempotency-Key once and replays the first answer', async () => {
    const before = await counts();
    const send = (body: object) =>
      manager.request({
        method: 'POST',
        url,
        payload: body,
        headers: { 'idempotency-key': 'create-sre-team-1' },
      });
    const first = await send({ name: 'SRE', party: 'internal' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const second = await send({ name: 'SRE', party: 'internal' });
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    expect((await counts()).teams).toBe(before.teams + 1);
    const names = (await manager.get(url))
      .json()
      .items.filter((team: { name: string }) => team.name === 'SRE');
    expect(names).toHaveLength(1);

    const different = await send({ name: 'SRE two', party: 'internal' });
    expectProblem(different, 422);
    expect((await counts()).teams).toBe(before.teams + 1);
  });

  it('refuses an Idempotency-Key longer than 255 characters and does nothing', async () => {
    const before = await counts();
    const response = await manager.request({
      method: 'POST',
      url,
      payload: { name: 'Long key', party: 'internal' },
      headers: { 'idempotency-key': 'k'.repeat(256) },
    });
    expectProblem(response, 422);
    expect(await counts()).toEqual(before);
  });

  it('keeps one user’s Idempotency-Key apart from another’s', async () => {
    const other = await t.as('admin@northwind.example');
    const key = { 'idempotency-key': 'shared-key' };
    const mine = await manager.request({
      method: 'POST',
      url,
      payload: { name: 'Mine', party: 'internal' },
      headers: key,
    });
    const theirs = await other.request({
      method: 'POST',
      url,
      payload: { name: 'Theirs', party: 'provider' },
      headers: key,
    });
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().name).toBe('Theirs');
  });

  it('answers unknown API paths with a problem+json 404', async () => {
    expectProblem(await manager.get('/api/v1/no-such-thing'), 404);
    expectProblem(await t.inject({ method: 'POST', url: '/api/v1/no-such-thing', payload: {} }), 404);
  });
});
