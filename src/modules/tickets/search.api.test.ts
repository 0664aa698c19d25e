import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import type { Ticket } from './schema.ts';

interface TicketPage {
  items: Ticket[];
  nextCursor: string | null;
}

/**
 * Full-text search in the ticket list (`q`), as each party uses it. Every test searches for
 * words it invented, so tests share one Tandem without finding each other's tickets.
 */
describe.each(await testDatabases())('ticket search on $name', (database) => {
  let t: TestTandem;
  let tom: Client; // internal agent, Harborline
  let sam: Client; // provider agent in both engagements
  let nina: Client; // requester, Harborline
  let harborline: string;
  let maplegrove: string;

  const ticketsOf = (engagementId: string) => `/api/v1/engagements/${engagementId}/tickets`;
  const open = async (client: Client, body: Record<string, unknown>, engagementId = harborline) => {
    const response = await client.post(ticketsOf(engagementId), body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Ticket;
  };
  const comment = async (client: Client, ticket: Ticket, body: string, visibility = 'shared') => {
    const response = await client.post(`${ticketsOf(ticket.engagementId)}/${ticket.id}/comments`, {
      body,
      visibility,
    });
    expect(response.statusCode, response.body).toBe(201);
  };
  const search = async (client: Client, q: string, url = ticketsOf(harborline)) => {
    const response = await client.get(`${url}${url.includes('?') ? '&' : '?'}q=${encodeURIComponent(q)}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TicketPage;
  };
  const titles = (page: TicketPage) => page.items.map((ticket) => ticket.title);

  beforeAll(async () => {
    t = await startTestTandem(database);
    tom = await t.as('tom.eriksen@harborline.example');
    sam = await t.as('sam.patel@northwind.example');
    nina = await t.as('nina.kowalski@harborline.example');
    harborline = t.engagements.harborline ?? '';
    maplegrove = t.engagements.maplegrove ?? '';
  });
  afterAll(() => t?.close());

  it('finds a ticket by a word of its title, its description or a shared comment', async () => {
    const byTitle = await open(tom, { title: 'Zephyrine label printer jams' });
    const byDescription = await open(tom, { title: 'Dock 2', description: 'The quillwort scanner reboots' });
    const byComment = await open(tom, { title: 'Forklift tablet' });
    await comment(sam, byComment, 'Replaced the marrowfat battery pack');

    expect(titles(await search(sam, 'zephyrine'))).toEqual([byTitle.title]);
    expect(titles(await search(tom, 'QUILLWORT scanner'))).toEqual([byDescription.title]);
    expect(titles(await search(tom, 'marrowfat'))).toEqual([byComment.title]);
  });

  it('finds the new words after a title or description is edited, and not the old ones', async () => {
    const ticket = await open(tom, { title: 'Brackenfold switch', description: 'port flaps' });
    const edited = await tom.patch(`${ticketsOf(harborline)}/${ticket.id}`, {
      title: 'Sorrelwick switch',
      description: 'uplink thistledown',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(titles(await search(tom, 'brackenfold'))).toEqual([]);
    expect(titles(await search(tom, 'sorrelwick'))).toEqual(['Sorrelwick switch']);
    expect(titles(await search(tom, 'thistledown'))).toEqual(['Sorrelwick switch']);
  });

  it('ranks a ticket with the word in its title above one with it in a comment', async () => {
    const inComment = await open(tom, { title: 'VPN drops at night', description: 'Since Monday.' });
    await comment(tom, inComment, 'Looks like the gallowglass appliance again');
    const inTitle = await open(tom, { title: 'Gallowglass appliance firmware' });
    expect(titles(await search(tom, 'gallowglass'))).toEqual([inTitle.title, inComment.title]);
  });

  it('matches the last word as a prefix while typing, and ignores accents and case', async () => {
    await open(tom, { title: 'Café Périwinkle kiosk frozen' });
    expect(titles(await search(tom, 'periwin'))).toEqual(['Café Périwinkle kiosk frozen']);
    expect(titles(await search(tom, 'PÉRIWINKLE'))).toEqual(['Café Périwinkle kiosk frozen']);
  });

  it('needs every word to match', async () => {
    await open(tom, { title: 'Hollyhock badge reader' });
    expect(titles(await search(tom, 'hollyhock reader'))).toEqual(['Hollyhock badge reader']);
    expect(titles(await search(tom, 'hollyhock toaster'))).toEqual([]);
  });

  describe('private notes', () => {
    it('an internal user finds nothing by a word only in a provider_only note', async () => {
      const ticket = await open(tom, { title: 'Mail relay queue' });
      await comment(sam, ticket, 'Customer contract says wolfsbane tier', 'provider_only');
      expect(titles(await search(sam, 'wolfsbane'))).toEqual([ticket.title]);
      expect(titles(await search(tom, 'wolfsbane'))).toEqual([]);
      expect(titles(await search(nina, 'wolfsbane'))).toEqual([]);
    });

    it('the provider finds nothing by a word only in an internal_only note', async () => {
      const ticket = await open(tom, { title: 'Payroll export slow' });
      await comment(tom, ticket, 'Budget holds for bladderwrack upgrade', 'internal_only');
      expect(titles(await search(tom, 'bladderwrack'))).toEqual([ticket.title]);
      expect(titles(await search(sam, 'bladderwrack'))).toEqual([]);
      expect(titles(await search(sam, 'bladderwrack', '/api/v1/tickets'))).toEqual([]);
    });

    it('a private note of the other party does not lift a ticket the caller finds otherwise', async () => {
      const plain = await open(tom, { title: 'Henbane printer offline' });
      const noted = await open(tom, { title: 'Henbane scanner offline' });
      // Both words of the search in the provider's note would make `noted` a stronger hit for them.
      await comment(sam, noted, 'henbane henbane henbane offline offline', 'provider_only');
      // Equal for tom, who cannot read the note: ties go by id, the older ticket first.
      expect(titles(await search(tom, 'henbane offline'))).toEqual([plain.title, noted.title]);
    });
  });

  it('a requester finds only their own tickets', async () => {
    const own = await open(nina, { title: 'Monitor flickers, cowslip desk' });
    await open(tom, { title: 'Cowslip desk phone dead' });
    expect(titles(await search(nina, 'cowslip'))).toEqual([own.title]);
    expect(titles(await search(tom, 'cowslip'))).toHaveLength(2);
  });

  it('searches one queue across engagements, each hit carrying its engagement', async () => {
    const here = await open(tom, { title: 'Larkspur backup failed' });
    const there = await open(
      await t.as('ben.carter@maplegrove.example'),
      { title: 'Larkspur backup' },
      maplegrove,
    );
    const found = await search(sam, 'larkspur', '/api/v1/tickets');
    expect(found.items.map((ticket) => ticket.engagementId).sort()).toEqual(
      [here.engagementId, there.engagementId].sort(),
    );
    expect(titles(await search(tom, 'larkspur', '/api/v1/tickets'))).toEqual([here.title]);
  });

  it('pages through ranked hits without repeating or skipping one', async () => {
    for (let i = 0; i < 5; i++) await open(tom, { title: `Foxglove ${'foxglove '.repeat(i)}laptop ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TicketPage = await search(
        tom,
        'foxglove',
        `${ticketsOf(harborline)}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...titles(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('combines search with filters and an explicit sort', async () => {
    const urgent = await open(tom, { title: 'Mandrake core switch down', priority: 'P1' });
    await open(tom, { title: 'Mandrake spare cable', priority: 'P4' });
    expect(titles(await search(tom, 'mandrake', `${ticketsOf(harborline)}?priority=P1`))).toEqual([
      urgent.title,
    ]);
    expect(titles(await search(tom, 'mandrake', `${ticketsOf(harborline)}?sort=created_desc`))).toEqual([
      'Mandrake spare cable',
      urgent.title,
    ]);
  });

  it('takes any input without an error: quotes, operators, stars, unicode, 200 characters', async () => {
    await open(tom, { title: 'Edelweiss "quoted" title with AND in it' });
    const odd = [
      '"',
      '"edelweiss',
      'edelweiss"',
      "'; drop table tickets; --",
      '*',
      'edel*',
      '* OR *',
      'AND',
      'edelweiss AND',
      'NOT edelweiss',
      'NEAR(edelweiss quoted)',
      'title:edelweiss',
      'edelweiss:*',
      '!(edelweiss) & |',
      '(((',
      '\\',
      '-edelweiss',
      '^edelweiss',
      '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 名前 🧯 ﷽',
      'x'.repeat(200),
      'edelweiss '.repeat(20),
      '   ',
    ];
    for (const q of odd) await search(tom, q);
    expect(titles(await search(tom, '"edelweiss" AND'))).toEqual(['Edelweiss "quoted" title with AND in it']);
    expect((await tom.get(`${ticketsOf(harborline)}?q=${'x'.repeat(201)}`)).statusCode).toBe(400);
  });
});
