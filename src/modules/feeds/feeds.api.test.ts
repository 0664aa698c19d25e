import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

describe.each(await testDatabases())('calendar feeds on $name', (database) => {
  let t: TestTandem;
  let maria: Client; // provider manager
  let jordan: Client; // provider NOC engineer
  let base: string;
  let scheduleId: string;

  beforeAll(async () => {
    // The feed shows the past week and the coming quarter from "now".
    t = await startTestTandem(database, { now: () => new Date('2026-11-25T12:00:00Z') });
    maria = await t.as('maria.chen@northwind.example');
    jordan = await t.as('jordan.blake@northwind.example');
    base = `/api/v1/engagements/${t.engagements.harborline}`;
    const users = [
      await t.userId('jordan.blake@northwind.example'),
      await t.userId('lee.okafor@northwind.example'),
    ];
    const created = await maria.post(`${base}/schedules`, {
      name: 'Feed rota',
      timeZone: 'UTC',
      track: 'operations',
      party: 'provider',
      layers: [{ name: 'Weekly', start: '2026-11-02T09:00', turn: { unit: 'weeks', length: 1 }, users }],
    });
    scheduleId = created.json().id;
  });
  afterAll(() => t.close());

  const fetchFeed = (url: string) => t.inject({ method: 'GET', url: new URL(url).pathname });

  it('serves a schedule’s rota as iCalendar by a secret URL, until it is revoked', async () => {
    const feed = await jordan.post(`${base}/calendar-feeds`, { scheduleId });
    expect(feed.statusCode, feed.body).toBe(201);
    const { url, id } = feed.json();
    expect(url).toMatch(/\/feeds\/tdmcal_[\w-]{43}\.ics$/);
    const ics = await fetchFeed(url);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const text = ics.body;
    for (const line of [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'END:VCALENDAR',
    ]) {
      expect(text).toContain(line);
    }
    // Weekly turns from Mon 2 Nov 09:00 UTC: Jordan has 16–23 Nov, Lee 23–30 Nov.
    expect(text).toMatch(/DTSTART:20261123T090000Z\r\nDTEND:20261130T090000Z/);
    expect(text).toContain('SUMMARY:Lee Okafor on call (Feed rota)');
    expect(
      (await jordan.get(`${base}/calendar-feeds`)).json().items.map((f: { id: string }) => f.id),
    ).toContain(id);
    expect((await maria.delete(`${base}/calendar-feeds/${id}`)).statusCode).toBe(404);
    expect((await jordan.delete(`${base}/calendar-feeds/${id}`)).statusCode).toBe(204);
    expect((await fetchFeed(url)).statusCode).toBe(404);
  });

  it('serves a person only their own shifts on a personal feed', async () => {
    const { url } = (await jordan.post(`${base}/calendar-feeds`, { scheduleId: null })).json();
    const text = (await fetchFeed(url)).body;
    expect(text).toContain('SUMMARY:On call: Feed rota (operations)');
    expect(text).toMatch(/DTSTART:20261116T090000Z/);
    expect(text).not.toMatch(/DTSTART:20261123T090000Z/);
    expect((await t.inject({ method: 'GET', url: '/feeds/tdmcal_nothing.ics' })).statusCode).toBe(404);
  });
});
