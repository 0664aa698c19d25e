import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import type { Ticket } from './schema.ts';

interface TicketPage {
  items: Ticket[];
  nextCursor: string | null;
}

/**
 * The shared ticket as both parties and the client's requesters use it, through the HTTP API.
 * Each test tags its tickets and lists by that tag, so tests share one Tandem without seeing
 * each other's tickets.
 */
describe.each(await testDatabases())('tickets on $name', (database) => {
  let t: TestTandem;
  let tom: Client; // internal agent, Harborline
  let sam: Client; // provider agent in both engagements
  let priya: Client; // internal manager, Harborline
  let nina: Client; // requester, Harborline
  let george: Client; // viewer, Harborline
  let harborline: string;
  let maplegrove: string;
  // A clock the tests move, so time ranges and "recently updated" are exact.
  let clock = new Date('2025-03-03T08:00:00.000Z');
  const tick = (minutes = 1) => {
    clock = new Date(clock.getTime() + minutes * 60_000);
    return clock.toISOString();
  };

  const ticketsOf = (engagementId: string) => `/api/v1/engagements/${engagementId}/tickets`;
  const open = async (client: Client, engagementId: string, body: Record<string, unknown>) => {
    const response = await client.post(ticketsOf(engagementId), body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Ticket;
  };
  const move = (client: Client, ticket: Ticket, status: string) =>
    client.patch(`${ticketsOf(ticket.engagementId)}/${ticket.id}`, { status });
  const moveOk = async (client: Client, ticket: Ticket, status: string) => {
    const response = await move(client, ticket, status);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Ticket;
  };
  const list = async (client: Client, url: string): Promise<TicketPage> => {
    const response = await client.get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const titles = (page: TicketPage) => page.items.map((ticket) => ticket.title);
  const auditOf = async (action: string) => {
    const page = await priya.get(`/api/v1/engagements/${harborline}/audit?action=${action}&limit=200`);
    expect(page.statusCode).toBe(200);
    return page.json().items as { action: string; targetId: string; actor: { id: string } | null }[];
  };

  beforeAll(async () => {
    t = await startTestTandem(database, { now: () => clock });
    tom = await t.as('tom.eriksen@harborline.example');
    sam = await t.as('sam.patel@northwind.example');
    priya = await t.as('priya.sharma@harborline.example');
    nina = await t.as('nina.kowalski@harborline.example');
    george = await t.as('george.white@harborline.example');
    harborline = t.engagements.harborline ?? '';
    maplegrove = t.engagements.maplegrove ?? '';
  });
  afterAll(() => t?.close());

  describe('opening a ticket', () => {
    it('numbers tickets per engagement (LOGI-1, LOGI-2, CLIN-1) and fills sensible defaults', async () => {
      const first = await open(tom, harborline, { title: '  Scanner in dock 4 will not pair  ' });
      expect(first).toMatchObject({
        engagementId: harborline,
        number: 'LOGI-1',
        title: 'Scanner in dock 4 will not pair',
        description: '',
        kind: 'request',
        priority: 'P3',
        status: 'new',
        ownerParty: 'internal',
        whoseMove: 'internal',
        teamId: null,
        assigneeId: null,
        requesterId: null,
        functionKey: null,
        tags: [],
        dueAt: null,
      });
      expect(first.allowedStatuses).toContain('in_progress');
      const second = await open(sam, harborline, { title: 'EDR alert on WH-PC-12', kind: 'incident' });
      expect(second).toMatchObject({ number: 'LOGI-2', ownerParty: 'provider', whoseMove: 'provider' });
      const clinic = await open(sam, maplegrove, { title: 'Printer in exam room 2 offline' });
      expect(clinic.number).toBe('CLIN-1');
      const fetched = await tom.get(`${ticketsOf(harborline)}/${first.id}`);
      expect(fetched.statusCode).toBe(200);
      expect(fetched.json()).toEqual(first);
    });

    it('never hands out the same number twice, even to tickets opened at the same moment', async () => {
      const opened = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          open(i % 2 ? sam : tom, harborline, { title: `Parallel ${i}`, tags: ['parallel'] }),
        ),
      );
      const numbers = opened.map((ticket) => Number(ticket.number.replace('LOGI-', '')));
      expect(new Set(numbers).size).toBe(8);
      const next = await open(tom, harborline, { title: 'After the rush' });
      expect(Number(next.number.replace('LOGI-', ''))).toBe(Math.max(...numbers) + 1);
    });

    it('keeps what the opener set: kind, priority, owner, team, assignee, requester, function, tags, due date', async () => {
      const teams = (await tom.get(`/api/v1/engagements/${harborline}/teams`)).json().items as {
        id: string;
        name: string;
      }[];
      const infra = teams.find((team) => team.name === 'Internal Infrastructure')!;
      const ticket = await open(tom, harborline, {
        title: 'WMS slow at shift change',
        description: 'Pick lists take **40 s** to load.',
        kind: 'problem',
        priority: 'P2',
        ownerParty: 'provider',
        teamId: infra.id,
        assigneeId: await t.userId('sam.patel@northwind.example'),
        requesterId: await t.userId('nina.kowalski@harborline.example'),
        functionKey: 'line-of-business-apps',
        tags: ['wms', 'warehouse'],
        dueAt: '2025-03-10T17:00:00.000Z',
      });
      expect(ticket).toMatchObject({
        kind: 'problem',
        priority: 'P2',
        ownerParty: 'provider',
        whoseMove: 'provider',
        teamId: infra.id,
        assigneeId: await t.userId('sam.patel@northwind.example'),
        requesterId: await t.userId('nina.kowalski@harborline.example'),
        functionKey: 'line-of-business-apps',
        tags: ['warehouse', 'wms'],
        dueAt: '2025-03-10T17:00:00.000Z',
      });
    });

    it('refuses an unknown kind with 400 and names the field', async () => {
      const response = await tom.post(ticketsOf(harborline), { title: 'x', kind: 'wish' });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors).toEqual([expect.objectContaining({ path: '/kind' })]);
    });

    it('refuses a team, assignee or requester from another engagement with 422', async () => {
      const clinicTeams = (await sam.get(`/api/v1/engagements/${maplegrove}/teams`)).json().items as {
        id: string;
      }[];
      const cases: [Record<string, unknown>, string][] = [
        [{ teamId: clinicTeams[0]!.id }, '/teamId'],
        [{ assigneeId: await t.userId('ben.carter@maplegrove.example') }, '/assigneeId'],
        [{ requesterId: await t.userId('frank.li@maplegrove.example') }, '/requesterId'],
      ];
      for (const [link, path] of cases) {
        const response = await tom.post(ticketsOf(harborline), { title: 'Linked elsewhere', ...link });
        expect(response.statusCode, path).toBe(422);
        expect(response.json().errors).toEqual([expect.objectContaining({ path })]);
      }
      const page = await list(tom, `${ticketsOf(harborline)}?limit=200`);
      expect(titles(page)).not.toContain('Linked elsewhere');
    });

    it('assigns only IT staff: a requester or a viewer cannot be the assignee', async () => {
      for (const email of ['nina.kowalski@harborline.example', 'george.white@harborline.example']) {
        const response = await tom.post(ticketsOf(harborline), {
          title: 'Assigned to a non-technician',
          assigneeId: await t.userId(email),
        });
        expect(response.statusCode, email).toBe(422);
        expect(response.json().errors).toEqual([expect.objectContaining({ path: '/assigneeId' })]);
      }
      const ticket = await open(tom, harborline, { title: 'Reassign me' });
      const patched = await tom.patch(`${ticketsOf(harborline)}/${ticket.id}`, {
        assigneeId: await t.userId('nina.kowalski@harborline.example'),
      });
      expect(patched.statusCode).toBe(422);
    });

    it('does not let a viewer open, change or comment on tickets, though they can read them', async () => {
      const refused = await george.post(ticketsOf(harborline), { title: 'Viewer ticket' });
      expect(refused.statusCode).toBe(403);
      const ticket = await open(tom, harborline, { title: 'Seen by the viewer', tags: ['viewer'] });
      expect(titles(await list(george, `${ticketsOf(harborline)}?tag=viewer`))).toEqual([
        'Seen by the viewer',
      ]);
      const read = await george.get(`${ticketsOf(harborline)}/${ticket.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().allowedStatuses).toEqual([]);
      expect((await move(george, ticket, 'in_progress')).statusCode).toBe(403);
      expect(
        (await george.post(`${ticketsOf(harborline)}/${ticket.id}/comments`, { body: 'hi' })).statusCode,
      ).toBe(403);
    });
  });

  describe('status and whose move', () => {
    it('moves along the transition table and records each move on the timeline', async () => {
      const ticket = await open(tom, harborline, { title: 'Driver VPN drops every 10 minutes' });
      const moved = await moveOk(sam, ticket, 'in_progress');
      expect(moved.status).toBe('in_progress');
      const activity = (await tom.get(`${ticketsOf(harborline)}/${ticket.id}/activity`)).json().items;
      expect(activity.map((entry: { kind: string }) => entry.kind)).toEqual(['created', 'status_changed']);
      expect(activity[1]).toMatchObject({
        actor: { id: await t.userId('sam.patel@northwind.example'), name: 'Sam Patel' },
        party: 'provider',
        visibility: 'shared',
        data: { status: { from: 'new', to: 'in_progress' } },
      });
    });

    it('refuses an illegal move with 409 naming the moves that are allowed', async () => {
      const ticket = await open(tom, harborline, { title: 'Patch Tuesday for depot laptops' });
      const response = await move(tom, ticket, 'closed');
      expect(response.statusCode).toBe(409);
      expect(response.json().detail).toMatch(/can move to triaged, in progress, .*resolved; not to closed/);
      const unchanged = (await tom.get(`${ticketsOf(harborline)}/${ticket.id}`)).json();
      expect(unchanged.status).toBe('new');
      const activity = (await tom.get(`${ticketsOf(harborline)}/${ticket.id}/activity`)).json().items;
      expect(activity).toHaveLength(1);
    });

    it('treats closed as final', async () => {
      const ticket = await open(tom, harborline, { title: 'Replace toner in dispatch' });
      await moveOk(tom, ticket, 'resolved');
      const closed = await moveOk(tom, ticket, 'closed');
      expect(closed).toMatchObject({ status: 'closed', whoseMove: null, allowedStatuses: [] });
      for (const status of ['in_progress', 'resolved', 'new']) {
        const response = await move(tom, ticket, status);
        expect(response.statusCode, status).toBe(409);
        expect(response.json().detail).toContain('cannot change status');
      }
    });

    it('lets a resolved ticket be reopened into work', async () => {
      const ticket = await open(sam, harborline, { title: 'Backup job failed on FS01' });
      await moveOk(sam, ticket, 'resolved');
      expect((await moveOk(tom, ticket, 'in_progress')).status).toBe('in_progress');
    });

    it('says whose move it is from the status and the owning party', async () => {
      const ticket = await open(sam, harborline, { title: 'Firewall rule for carrier API' });
      expect(ticket.whoseMove).toBe('provider');
      expect((await moveOk(sam, ticket, 'waiting_on_internal')).whoseMove).toBe('internal');
      expect((await moveOk(tom, ticket, 'waiting_on_provider')).whoseMove).toBe('provider');
      expect((await moveOk(sam, ticket, 'waiting_on_requester')).whoseMove).toBe('requester');
      expect((await moveOk(sam, ticket, 'in_progress')).whoseMove).toBe('provider');
      const handedOver = await tom.patch(`${ticketsOf(harborline)}/${ticket.id}`, { ownerParty: 'internal' });
      expect(handedOver.json().whoseMove).toBe('internal');
      expect((await moveOk(tom, ticket, 'resolved')).whoseMove).toBeNull();
    });
  });

  describe('views, filters and sorting', () => {
    it('shows "our move" and "their move" from each party’s side', async () => {
      const tag = 'views-move';
      const providerWorking = await open(sam, harborline, { title: 'provider working', tags: [tag] });
      const waitingOnProvider = await open(tom, harborline, { title: 'waiting on provider', tags: [tag] });
      await moveOk(tom, waitingOnProvider, 'waiting_on_provider');
      const waitingOnInternal = await open(sam, harborline, { title: 'waiting on internal', tags: [tag] });
      await moveOk(sam, waitingOnInternal, 'waiting_on_internal');
      await open(tom, harborline, { title: 'internal new', tags: [tag] });
      const onRequester = await open(tom, harborline, { title: 'waiting on requester', tags: [tag] });
      await moveOk(tom, onRequester, 'waiting_on_requester');
      const done = await open(sam, harborline, { title: 'resolved', tags: [tag] });
      await moveOk(sam, done, 'resolved');
      expect(providerWorking.whoseMove).toBe('provider');

      const view = async (client: Client, name: string) =>
        titles(await list(client, `${ticketsOf(harborline)}?tag=${tag}&view=${name}`)).sort();
      expect(await view(sam, 'our_move')).toEqual(['provider working', 'waiting on provider']);
      expect(await view(sam, 'their_move')).toEqual(['internal new', 'waiting on internal']);
      expect(await view(tom, 'our_move')).toEqual(['internal new', 'waiting on internal']);
      expect(await view(tom, 'their_move')).toEqual(['provider working', 'waiting on provider']);
      // The provider's one queue answers the same way.
      const queue = await list(sam, `/api/v1/tickets?tag=${tag}&view=our_move`);
      expect(titles(queue).sort()).toEqual(['provider working', 'waiting on provider']);
    });

    it('shows "assigned to me" and "unassigned"', async () => {
      const tag = 'views-assignee';
      const samId = await t.userId('sam.patel@northwind.example');
      await open(tom, harborline, { title: 'for sam', assigneeId: samId, tags: [tag] });
      await open(tom, harborline, {
        title: 'for tom',
        assigneeId: await t.userId('tom.eriksen@harborline.example'),
        tags: [tag],
      });
      await open(tom, harborline, { title: 'nobody’s', tags: [tag] });
      const url = `${ticketsOf(harborline)}?tag=${tag}`;
      expect(titles(await list(sam, `${url}&view=assigned_to_me`))).toEqual(['for sam']);
      expect(titles(await list(tom, `${url}&view=assigned_to_me`))).toEqual(['for tom']);
      expect(titles(await list(tom, `${url}&view=unassigned`))).toEqual(['nobody’s']);
      expect(titles(await list(sam, `${url}&assigneeId=me`))).toEqual(['for sam']);
      expect(titles(await list(tom, `${url}&assigneeId=none`))).toEqual(['nobody’s']);
      expect(titles(await list(tom, `${url}&assigneeId=${samId}`))).toEqual(['for sam']);
    });

    it('filters by status, kind, priority, owner, team, requester, tags and function', async () => {
      const tag = 'filters';
      const teams = (await tom.get(`/api/v1/engagements/${harborline}/teams`)).json().items as {
        id: string;
        name: string;
      }[];
      const soc = teams.find((team) => team.name === 'Security Operations (SOC)')!;
      const ninaId = await t.userId('nina.kowalski@harborline.example');
      const edr = await open(sam, harborline, {
        title: 'EDR: suspicious PowerShell',
        kind: 'incident',
        priority: 'P1',
        teamId: soc.id,
        functionKey: 'security-monitoring',
        tags: [tag, 'edr'],
      });
      await moveOk(sam, edr, 'in_progress');
      await open(tom, harborline, {
        title: 'New hire laptop',
        kind: 'request',
        priority: 'P4',
        requesterId: ninaId,
        functionKey: 'service-desk',
        tags: [tag, 'onboarding'],
      });
      await open(tom, harborline, {
        title: 'Recurring WMS timeouts',
        kind: 'problem',
        priority: 'P2',
        functionKey: 'line-of-business-apps',
        tags: [tag, 'wms', 'edr'],
      });
      const url = `${ticketsOf(harborline)}?tag=${tag}`;
      const sorted = async (query: string) => titles(await list(tom, `${url}&${query}`)).sort();
      expect(await sorted('status=in_progress')).toEqual(['EDR: suspicious PowerShell']);
      expect(await sorted('status=new&status=resolved')).toEqual([
        'New hire laptop',
        'Recurring WMS timeouts',
      ]);
      expect(await sorted('kind=incident&kind=problem')).toEqual([
        'EDR: suspicious PowerShell',
        'Recurring WMS timeouts',
      ]);
      expect(await sorted('priority=P4')).toEqual(['New hire laptop']);
      expect(await sorted('ownerParty=provider')).toEqual(['EDR: suspicious PowerShell']);
      expect(await sorted('ownerParty=internal')).toEqual(['New hire laptop', 'Recurring WMS timeouts']);
      expect(await sorted(`teamId=${soc.id}`)).toEqual(['EDR: suspicious PowerShell']);
      expect(await sorted(`requesterId=${ninaId}`)).toEqual(['New hire laptop']);
      expect(await sorted('tag=edr')).toEqual(['EDR: suspicious PowerShell', 'Recurring WMS timeouts']);
      expect(await sorted('tag=edr&tag=wms')).toEqual(['Recurring WMS timeouts']);
      expect(await sorted('functionKey=service-desk')).toEqual(['New hire laptop']);
      const bad = await tom.get(`${url}&status=pending`);
      expect(bad.statusCode).toBe(400);
    });

    it('filters by when tickets were created and last updated', async () => {
      const tag = 'time-range';
      const start = tick(60);
      await open(tom, harborline, { title: 'early', tags: [tag] });
      const middle = tick(60);
      const late = await open(tom, harborline, { title: 'late', tags: [tag] });
      const end = tick(60);
      await tom.patch(`${ticketsOf(harborline)}/${late.id}`, { priority: 'P2' });
      const url = `${ticketsOf(harborline)}?tag=${tag}`;
      const q = encodeURIComponent;
      expect(titles(await list(tom, `${url}&createdFrom=${q(middle)}`))).toEqual(['late']);
      expect(titles(await list(tom, `${url}&createdFrom=${q(start)}&createdTo=${q(middle)}`))).toEqual([
        'early',
      ]);
      expect(titles(await list(tom, `${url}&updatedFrom=${q(end)}`))).toEqual(['late']);
      expect(titles(await list(tom, `${url}&updatedTo=${q(end)}`))).toEqual(['early']);
    });

    it('sorts by last update, by creation and by priority', async () => {
      const tag = 'sorting';
      tick();
      const a = await open(tom, harborline, { title: 'a', priority: 'P3', tags: [tag] });
      tick();
      await open(tom, harborline, { title: 'b', priority: 'P1', tags: [tag] });
      tick();
      await open(tom, harborline, { title: 'c', priority: 'P4', tags: [tag] });
      tick();
      await tom.patch(`${ticketsOf(harborline)}/${a.id}`, { description: 'touched' });
      const url = `${ticketsOf(harborline)}?tag=${tag}`;
      expect(titles(await list(tom, url))).toEqual(['a', 'c', 'b']);
      expect(titles(await list(tom, `${url}&view=recently_updated`))).toEqual(['a', 'c', 'b']);
      expect(titles(await list(tom, `${url}&sort=created_desc`))).toEqual(['c', 'b', 'a']);
      expect(titles(await list(tom, `${url}&sort=priority`))).toEqual(['b', 'a', 'c']);
    });

    it('pages with a cursor: no ticket twice, none missed, and the last page says so', async () => {
      const tag = 'paging';
      const opened: string[] = [];
      for (let i = 0; i < 7; i++) {
        opened.push(
          (await open(tom, harborline, { title: `page ${i}`, priority: i % 2 ? 'P2' : 'P3', tags: [tag] }))
            .id,
        );
      }
      for (const sort of ['updated_desc', 'created_desc', 'priority']) {
        const seen: string[] = [];
        const sizes: number[] = [];
        let cursor: string | null = null;
        do {
          const page: TicketPage = await list(
            tom,
            `${ticketsOf(harborline)}?tag=${tag}&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          );
          seen.push(...page.items.map((ticket) => ticket.id));
          sizes.push(page.items.length);
          cursor = page.nextCursor;
        } while (cursor);
        expect(sizes, sort).toEqual([3, 3, 1]);
        expect(new Set(seen).size, sort).toBe(7);
        expect([...seen].sort(), sort).toEqual([...opened].sort());
      }
      const exact = await list(tom, `${ticketsOf(harborline)}?tag=${tag}&limit=7`);
      expect(exact.nextCursor).toBeNull();
      const forged = await tom.get(`${ticketsOf(harborline)}?cursor=not-a-cursor`);
      expect(forged.statusCode).toBe(422);
    });
  });

  describe('one queue across engagements', () => {
    it('lists every engagement the provider agent serves, each ticket naming its engagement', async () => {
      const tag = 'queue';
      await open(sam, harborline, { title: 'harborline item', tags: [tag] });
      await open(sam, maplegrove, { title: 'maplegrove item', tags: [tag] });
      const all = await list(sam, `/api/v1/tickets?tag=${tag}`);
      expect(all.items.map((ticket) => [ticket.title, ticket.engagementId]).sort()).toEqual([
        ['harborline item', harborline],
        ['maplegrove item', maplegrove],
      ]);
      expect(all.items.find((ticket) => ticket.engagementId === maplegrove)?.number).toMatch(/^CLIN-\d+$/);
      const narrowed = await list(sam, `/api/v1/tickets?tag=${tag}&engagementId=${maplegrove}`);
      expect(titles(narrowed)).toEqual(['maplegrove item']);
    });

    it('shows an internal user only their own engagement, even when they ask for another', async () => {
      const tag = 'queue';
      expect(titles(await list(tom, `/api/v1/tickets?tag=${tag}`))).toEqual(['harborline item']);
      expect(titles(await list(tom, `/api/v1/tickets?tag=${tag}&engagementId=${maplegrove}`))).toEqual([]);
      expect((await tom.get(ticketsOf(maplegrove))).statusCode).toBe(404);
    });
  });

  describe('requesters', () => {
    it('see and open only their own tickets; another requester’s is a plain 404', async () => {
      const tag = 'requester';
      const own = await open(nina, harborline, { title: 'My badge does not open the gate', tags: [tag] });
      expect(own).toMatchObject({
        requesterId: await t.userId('nina.kowalski@harborline.example'),
        ownerParty: 'internal',
        allowedStatuses: [],
      });
      const forNina = await open(tom, harborline, {
        title: 'Filed for Nina by the desk',
        requesterId: await t.userId('nina.kowalski@harborline.example'),
        tags: [tag],
      });
      const notHers = await open(tom, harborline, { title: 'Core switch firmware', tags: [tag] });
      expect(titles(await list(nina, `${ticketsOf(harborline)}?tag=${tag}`)).sort()).toEqual([
        'Filed for Nina by the desk',
        'My badge does not open the gate',
      ]);
      expect(titles(await list(nina, `/api/v1/tickets?tag=${tag}`)).sort()).toEqual([
        'Filed for Nina by the desk',
        'My badge does not open the gate',
      ]);
      expect((await nina.get(`${ticketsOf(harborline)}/${forNina.id}`)).statusCode).toBe(200);
      for (const path of ['', '/comments', '/activity']) {
        const response = await nina.get(`${ticketsOf(harborline)}/${notHers.id}${path}`);
        expect(response.statusCode, path).toBe(404);
      }
      const comment = await nina.post(`${ticketsOf(harborline)}/${notHers.id}/comments`, { body: 'me too' });
      expect(comment.statusCode).toBe(404);
    });

    it('cannot assign, change or move their tickets', async () => {
      const assigning = await nina.post(ticketsOf(harborline), {
        title: 'Please give this to Sam',
        assigneeId: await t.userId('sam.patel@northwind.example'),
      });
      expect(assigning.statusCode).toBe(403);
      const own = await open(nina, harborline, { title: 'Printer jams' });
      expect(
        (await nina.patch(`${ticketsOf(harborline)}/${own.id}`, { title: 'Printer jams a lot' })).statusCode,
      ).toBe(403);
      expect((await move(nina, own, 'resolved')).statusCode).toBe(403);
    });
  });

  it('keeps a ticket readable when its assignee and requester leave the engagement', async () => {
    for (const [email, name] of [
      ['leaver.tech@harborline.example', 'Leaver Tech'],
      ['leaver.user@harborline.example', 'Leaver User'],
    ]) {
      const created = await priya.post('/api/v1/users', { email, name, password: 'a-long-password' });
      expect(created.statusCode).toBe(201);
    }
    const tech = await priya.post(`/api/v1/engagements/${harborline}/members`, {
      email: 'leaver.tech@harborline.example',
      role: 'agent',
    });
    const user = await priya.post(`/api/v1/engagements/${harborline}/members`, {
      email: 'leaver.user@harborline.example',
      role: 'requester',
    });
    const ticket = await open(tom, harborline, {
      title: 'Laptop return for leaver',
      assigneeId: tech.json().userId,
      requesterId: user.json().userId,
    });
    for (const userId of [tech.json().userId, user.json().userId]) {
      const removed = await priya.delete(`/api/v1/engagements/${harborline}/members/${userId}`);
      expect(removed.statusCode).toBe(204);
    }
    const after = await tom.get(`${ticketsOf(harborline)}/${ticket.id}`);
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({
      title: 'Laptop return for leaver',
      assigneeId: null,
      requesterId: null,
    });
    const activity = await tom.get(`${ticketsOf(harborline)}/${ticket.id}/activity`);
    expect(activity.statusCode).toBe(200);
  });

  it('records every change in the audit log', async () => {
    const ticket = await open(tom, harborline, { title: 'Audit me' });
    await moveOk(sam, ticket, 'in_progress');
    await tom.patch(`${ticketsOf(harborline)}/${ticket.id}`, { priority: 'P1' });
    await tom.post(`${ticketsOf(harborline)}/${ticket.id}/comments`, { body: 'On it.' });
    const tomId = await t.userId('tom.eriksen@harborline.example');
    const samId = await t.userId('sam.patel@northwind.example');
    const expected: [string, string][] = [
      ['ticket.created', tomId],
      ['ticket.status_changed', samId],
      ['ticket.updated', tomId],
      ['ticket.commented', tomId],
    ];
    for (const [action, actorId] of expected) {
      const events = (await auditOf(action)).filter((event) => event.targetId === ticket.id);
      expect(events, action).toHaveLength(1);
      expect(events[0]!.actor?.id, action).toBe(actorId);
    }
  });
});
