import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import type { Calendar } from './schema.ts';

const NINE_TO_FIVE = [['09:00', '17:00']];
const weekdays = (open: string[][]) => ({
  mon: open,
  tue: open,
  wed: open,
  thu: open,
  fri: open,
  sat: [],
  sun: [],
});

describe.each(await testDatabases())('calendars on $name', (database) => {
  let t: TestTandem;
  let priya: Client; // internal manager
  let george: Client; // viewer
  let base: string;

  const calendars = async (): Promise<Calendar[]> => (await priya.get(base)).json().items;
  const calendarNamed = async (name: string) => {
    const found = (await calendars()).find((calendar) => calendar.name === name);
    if (!found) throw new Error(`no calendar named ${name}`);
    return found;
  };
  const latestAudit = async (action: string) => {
    const page = await priya.get(`/api/v1/engagements/${t.engagements.harborline}/audit?action=${action}`);
    expect(page.statusCode).toBe(200);
    return page.json().items[0];
  };

  beforeAll(async () => {
    t = await startTestTandem(database);
    priya = await t.as('priya.sharma@harborline.example');
    george = await t.as('george.white@harborline.example');
    base = `/api/v1/engagements/${t.engagements.harborline}/calendars`;
  });
  afterAll(() => t?.close());

  it('lists the engagement’s calendars by name, the demo’s 24×7 and business hours among them', async () => {
    const all = await calendars();
    expect(all.map((calendar) => calendar.name)).toEqual(['24×7', 'Harborline business hours']);
    expect(all[1]).toMatchObject({
      timeZone: 'America/Chicago',
      hours: weekdays([
        ['08:00', '12:00'],
        ['13:00', '17:00'],
      ]),
      holidays: ['2026-11-26', '2026-12-25', '2027-01-01'],
    });
  });

  it('creates a calendar, shows it, and records who created it', async () => {
    const created = await priya.post(base, {
      name: 'Warehouse shifts',
      timeZone: 'America/Chicago',
      hours: weekdays([['06:00', '22:00']]),
      holidays: ['2026-12-25'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const calendar = created.json() as Calendar;
    expect(calendar).toMatchObject({
      name: 'Warehouse shifts',
      timeZone: 'America/Chicago',
      hours: { mon: [['06:00', '22:00']], sat: [], sun: [] },
      holidays: ['2026-12-25'],
    });
    expect(calendar.updatedAt).toBe(calendar.createdAt);
    expect((await priya.get(`${base}/${calendar.id}`)).json()).toEqual(calendar);
    expect(await calendarNamed('Warehouse shifts')).toEqual(calendar);
    expect(await latestAudit('calendar.created')).toMatchObject({
      actor: { name: 'Priya Sharma' },
      party: 'internal',
      targetType: 'calendar',
      targetId: calendar.id,
      after: { name: 'Warehouse shifts', timeZone: 'America/Chicago' },
    });
  });

  it('replaces a calendar, and business time is counted by the new hours at once', async () => {
    const calendar = (
      await priya.post(base, { name: 'Front desk', timeZone: 'UTC', hours: weekdays(NINE_TO_FIVE) })
    ).json() as Calendar;
    expect(calendar.holidays).toEqual([]);
    const monday9 = { start: '2026-03-02T09:00:00Z', minutes: 60 };
    expect((await priya.post(`${base}/${calendar.id}/add-business-time`, monday9)).json()).toEqual({
      due: '2026-03-02T10:00:00.000Z',
    });

    const replaced = await priya.put(`${base}/${calendar.id}`, {
      name: 'Front desk (late)',
      timeZone: 'UTC',
      hours: weekdays([['09:30', '17:30']]),
      holidays: ['2026-03-02'],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({
      id: calendar.id,
      name: 'Front desk (late)',
      hours: { mon: [['09:30', '17:30']] },
      holidays: ['2026-03-02'],
      createdAt: calendar.createdAt,
    });
    expect(replaced.json().updatedAt > calendar.updatedAt).toBe(true);
    // Monday is now a holiday: the hour runs Tuesday 09:30–10:30.
    expect((await priya.post(`${base}/${calendar.id}/add-business-time`, monday9)).json()).toEqual({
      due: '2026-03-03T10:30:00.000Z',
    });
    expect(await latestAudit('calendar.updated')).toMatchObject({
      actor: { name: 'Priya Sharma' },
      targetId: calendar.id,
      before: { name: 'Front desk', holidays: [] },
      after: { name: 'Front desk (late)', holidays: ['2026-03-02'] },
    });
  });

  it('refuses an invalid calendar, naming each field at fault', async () => {
    const invalid = await priya.post(base, {
      name: 'Broken',
      timeZone: 'Mars/Olympus_Mons',
      hours: { ...weekdays(NINE_TO_FIVE), mon: [['17:00', '09:00']], tue: [['9am', '17:00']] },
      holidays: ['2026-02-30'],
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    const paths = invalid.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/timeZone', '/hours/mon/0', '/hours/tue/0/0', '/holidays/0']),
    );

    // The schema answers first for what is missing or malformed: every day must be named.
    const { sun: _sun, ...sixDays } = weekdays(NINE_TO_FIVE);
    const missingDay = await priya.post(base, { name: 'Six days', timeZone: 'UTC', hours: sixDays });
    expect(missingDay.statusCode).toBe(400);
    expect(missingDay.json().errors).toContainEqual(expect.objectContaining({ path: '/hours/sun' }));

    const closed = await priya.post(base, { name: 'Never open', timeZone: 'UTC', hours: weekdays([]) });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().errors).toContainEqual(expect.objectContaining({ path: '/hours' }));

    const front = await calendarNamed('24×7');
    const { name, timeZone, hours } = front;
    const badHours = await priya.put(`${base}/${front.id}`, {
      name,
      timeZone,
      hours: { ...hours, fri: [['12:00', '12:00']] },
    });
    expect(badHours.statusCode).toBe(422);
    expect(badHours.json().errors).toContainEqual(expect.objectContaining({ path: '/hours/fri/0' }));
    expect(await calendarNamed('24×7')).toEqual(front);
  });

  it('refuses a second calendar of the same name in the engagement', async () => {
    const body = { name: '24×7', timeZone: 'UTC', hours: weekdays(NINE_TO_FIVE) };
    const again = await priya.post(base, body);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    const other = (await priya.post(base, { ...body, name: 'Spare' })).json() as Calendar;
    expect((await priya.put(`${base}/${other.id}`, body)).statusCode).toBe(409);
    expect((await calendars()).filter((calendar) => calendar.name === '24×7')).toHaveLength(1);
  });

  it('lets a viewer read and reckon with calendars but not change them', async () => {
    const office = await calendarNamed('Harborline business hours');
    expect((await george.get(base)).statusCode).toBe(200);
    expect((await george.get(`${base}/${office.id}`)).statusCode).toBe(200);
    const body = { start: '2026-03-02T15:00:00Z', minutes: 30 };
    expect((await george.post(`${base}/${office.id}/add-business-time`, body)).statusCode).toBe(200);
    const between = { start: '2026-03-02T15:00:00Z', end: '2026-03-02T16:00:00Z' };
    expect((await george.post(`${base}/${office.id}/business-minutes-between`, between)).statusCode).toBe(
      200,
    );
    const { name, timeZone, hours } = office;
    expect((await george.post(base, { name: 'Mine', timeZone, hours })).statusCode).toBe(403);
    expect(
      (await george.put(`${base}/${office.id}`, { name, timeZone, hours: weekdays([]) })).statusCode,
    ).toBe(403);
    expect(await calendarNamed('Harborline business hours')).toEqual(office);
  });

  it('answers another engagement’s calendar as not found', async () => {
    const admin = await t.as('admin@northwind.example');
    const clinic = (await admin.get(`/api/v1/engagements/${t.engagements.maplegrove}/calendars`)).json()
      .items[0] as Calendar;
    const { name, timeZone, hours } = clinic;
    for (const response of [
      await priya.get(`${base}/${clinic.id}`),
      await priya.put(`${base}/${clinic.id}`, { name, timeZone, hours }),
      await priya.post(`${base}/${clinic.id}/add-business-time`, {
        start: '2026-03-02T09:00:00Z',
        minutes: 1,
      }),
      await priya.get(`/api/v1/engagements/${t.engagements.maplegrove}/calendars/${clinic.id}`),
    ]) {
      expect(response.statusCode).toBe(404);
    }
  });

  it('counts business time across a holiday and the lunch hour', async () => {
    const office = await calendarNamed('Harborline business hours');
    // Chicago is on CST (UTC−6) in late November. Start Wed 25 Nov 2026 16:00 CST (22:00Z) with
    // 360 minutes: Wed 16:00–17:00 uses 60; Thu 26 Nov is Thanksgiving, closed; Fri 27 Nov
    // 08:00–12:00 uses 240 (300 so far); lunch 12:00–13:00 is closed; 13:00–14:00 uses the last
    // 60. Due Fri 27 Nov 14:00 CST = 20:00Z.
    const due = await priya.post(`${base}/${office.id}/add-business-time`, {
      start: '2026-11-25T22:00:00Z',
      minutes: 360,
    });
    expect(due.statusCode, due.body).toBe(200);
    expect(due.json()).toEqual({ due: '2026-11-27T20:00:00.000Z' });

    const between = await priya.post(`${base}/${office.id}/business-minutes-between`, {
      start: '2026-11-25T22:00:00Z',
      end: '2026-11-27T20:00:00Z',
    });
    expect(between.json()).toEqual({ minutes: 360 });
    const backwards = await priya.post(`${base}/${office.id}/business-minutes-between`, {
      start: '2026-11-27T20:00:00Z',
      end: '2026-11-25T22:00:00Z',
    });
    expect(backwards.json()).toEqual({ minutes: -360 });
  });

  it('takes instants with a zone only, and refuses to reckon across more than a century', async () => {
    const office = await calendarNamed('Harborline business hours');
    const url = `${base}/${office.id}/business-minutes-between`;
    expect(
      (await priya.post(url, { start: '2026-11-25 16:00', end: '2026-11-26T00:00:00Z' })).statusCode,
    ).toBe(400);
    const far = await priya.post(url, { start: '1900-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' });
    expect(far.statusCode).toBe(422);
    expect(far.json().detail).toMatch(/century/);
    // The refusal leaves the calendar working for everyone else.
    const near = await priya.post(url, { start: '2026-11-25T22:00:00Z', end: '2026-11-25T23:00:00Z' });
    expect(near.json()).toEqual({ minutes: 60 });
  });

  it('compiles a calendar for other services once per edit', async () => {
    const { calendars: service } = t.tandem.services;
    const db = t.tandem.handle.db;
    const harborline = t.engagements.harborline ?? '';
    const office = await calendarNamed('Harborline business hours');
    const first = await service.compiled(db, harborline, office.id);
    expect(await service.compiled(db, harborline, office.id)).toBe(first);
    expect(first.isOpen(new Date('2026-11-26T15:00:00Z'))).toBe(false); // Thanksgiving, 09:00 CST
    await expect(service.compiled(db, t.engagements.maplegrove ?? '', office.id)).rejects.toThrow(
      'does not exist',
    );
    const names = await service.byIds(db, harborline, [office.id, office.id, 'nothing']);
    expect([...names]).toEqual([[office.id, { name: 'Harborline business hours' }]]);

    const body = { name: 'Cache probe', timeZone: 'UTC', hours: weekdays(NINE_TO_FIVE) };
    const probe = (await priya.post(base, body)).json() as Calendar;
    const before = await service.compiled(db, harborline, probe.id);
    const monday10 = new Date('2026-03-02T10:00:00Z');
    expect(before.isOpen(monday10)).toBe(true);
    expect((await priya.put(`${base}/${probe.id}`, { ...body, holidays: ['2026-03-02'] })).statusCode).toBe(
      200,
    );
    const after = await service.compiled(db, harborline, probe.id);
    expect(after).not.toBe(before);
    expect(after.isOpen(monday10)).toBe(false);
  });
});
