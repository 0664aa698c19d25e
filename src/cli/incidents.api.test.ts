import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, startTestTandem, type TestTandem } from '../../test/app.ts';
import { testDatabases } from '../../test/databases.ts';
import { openIncident } from '../modules/incidents/incidents.fixture.ts';
import { runIncidentAction, runIncidentsList } from './incidents.ts';

const [sqlite] = await testDatabases();

describe('tandem incidents', () => {
  let t: TestTandem;
  const now = new Date('2026-12-08T02:00:00Z');
  let token: string;
  let lines: string[];
  let errors: string[];

  beforeAll(async () => {
    t = await startTestTandem(sqlite!, { now: () => now });
    const sam = await t.as('sam.patel@northwind.example');
    const created = await sam.post('/api/v1/auth/tokens', { name: 'CLI' });
    expect(created.statusCode, created.body).toBe(201);
    token = created.json().token;
  });
  afterAll(() => t.close());

  /** The CLI's HTTP calls, answered by the test server in-process. */
  const io = (env: Record<string, string | undefined> = { TANDEM_URL: BASE_URL, TANDEM_TOKEN: token }) => {
    lines = [];
    errors = [];
    return {
      env,
      out: (line: string) => lines.push(line),
      err: (line: string) => errors.push(line),
      fetch: (async (url: string, init?: RequestInit) => {
        const answer = await t.inject({
          method: (init?.method ?? 'GET') as 'GET' | 'POST',
          url: url.slice(BASE_URL.length),
          headers: init?.headers as Record<string, string>,
        });
        return new Response(answer.body, {
          status: answer.statusCode,
          headers: { 'content-type': 'application/json' },
        });
      }) as typeof fetch,
    };
  };

  it('lists open incidents, acknowledges and resolves one by its number', async () => {
    const { incidentId } = await openIncident(t, now, { title: 'Tape library offline' });
    expect(await runIncidentsList(io(), 'harborline')).toBe(0);
    const line = lines.find((l) => l.includes('Tape library offline'));
    expect(line).toMatch(/^LOGI-\d+ +P1 +new +level 1/);
    const number = line!.split(' ')[0]!;

    expect(await runIncidentAction(io(), 'acknowledge', number.toLowerCase())).toBe(0);
    expect(lines).toEqual([`${number} acknowledged: in_progress — Tape library offline`]);
    expect(await runIncidentAction(io(), 'resolve', incidentId)).toBe(0);
    expect(lines[0]).toContain('resolved: resolved');
  });

  it('explains what is missing or wrong', async () => {
    expect(await runIncidentsList(io({}))).toBe(1);
    expect(errors[0]).toMatch(/Set TANDEM_URL/);
    expect(await runIncidentAction(io(), 'acknowledge', 'LOGI-99999')).toBe(1);
    expect(errors[0]).toBe('tandem incidents: No open incident LOGI-99999 that you can see.');
    expect(await runIncidentsList(io({ TANDEM_URL: BASE_URL, TANDEM_TOKEN: 'nope' }))).toBe(1);
    expect(errors[0]).toMatch(/^tandem incidents: 401/);
  });
});
