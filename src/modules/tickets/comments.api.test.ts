import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import type { Comment, Ticket } from './schema.ts';

interface ActivityItem {
  kind: string;
  visibility: string;
  party: string | null;
  data: { commentId?: string };
}

interface LiveEvent {
  type: string;
  id: string | null;
  data: { commentId?: string } | null;
}

/** An open event stream of one user, read in the background as a browser tab would. */
interface Stream {
  readonly events: LiveEvent[];
  waitFor(predicate: (event: LiveEvent) => boolean): Promise<LiveEvent>;
  close(): void;
}

/**
 * Comments, private notes and the timeline: each party's private channel never reaches the
 * other party (nor a requester) by any route, nor by a live event.
 */
describe.each(await testDatabases())('ticket comments and private notes on $name', (database) => {
  let t: TestTandem;
  let tom: Client; // internal agent
  let priya: Client; // internal manager
  let sam: Client; // provider agent
  let dana: Client; // provider analyst
  let nina: Client; // requester
  let harborline: string;

  const ticketsOf = (engagementId: string) => `/api/v1/engagements/${engagementId}/tickets`;
  const urlOf = (ticket: Ticket) => `${ticketsOf(ticket.engagementId)}/${ticket.id}`;
  const open = async (client: Client, body: Record<string, unknown>) => {
    const response = await client.post(ticketsOf(harborline), body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Ticket;
  };
  const comment = async (client: Client, ticket: Ticket, body: string, visibility?: string) => {
    const response = await client.post(`${urlOf(ticket)}/comments`, {
      body,
      ...(visibility ? { visibility } : {}),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Comment;
  };
  const commentsSeenBy = async (client: Client, ticket: Ticket) => {
    const response = await client.get(`${urlOf(ticket)}/comments`);
    expect(response.statusCode).toBe(200);
    return (response.json().items as Comment[]).map((c) => c.body);
  };
  const activitySeenBy = async (client: Client, ticket: Ticket) => {
    const response = await client.get(`${urlOf(ticket)}/activity`);
    expect(response.statusCode).toBe(200);
    return response.json().items as ActivityItem[];
  };
  /** Everything the user can read about the ticket through the ticket routes, as one string. */
  const everythingSeenBy = async (client: Client, ticket: Ticket) => {
    const bodies = await Promise.all(
      [
        urlOf(ticket),
        `${urlOf(ticket)}/comments`,
        `${urlOf(ticket)}/activity`,
        `${ticketsOf(harborline)}?limit=200`,
        '/api/v1/tickets?limit=200',
      ].map(async (url) => {
        const response = await client.get(url);
        expect(response.statusCode, url).toBe(200);
        return response.body;
      }),
    );
    return bodies.join('\n');
  };

  beforeAll(async () => {
    t = await startTestTandem(database);
    tom = await t.as('tom.eriksen@harborline.example');
    priya = await t.as('priya.sharma@harborline.example');
    sam = await t.as('sam.patel@northwind.example');
    dana = await t.as('dana.reyes@northwind.example');
    nina = await t.as('nina.kowalski@harborline.example');
    harborline = t.engagements.harborline ?? '';
  });
  afterAll(() => t?.close());

  it('shares a comment with both parties, oldest first, naming author and party', async () => {
    const ticket = await open(tom, { title: 'Handheld scanners drop Wi-Fi in aisle 9' });
    const first = await comment(tom, ticket, 'Started after the AP firmware update.');
    expect(first).toMatchObject({
      body: 'Started after the AP firmware update.',
      visibility: 'shared',
      authorId: await t.userId('tom.eriksen@harborline.example'),
      authorName: 'Tom Eriksen',
      authorParty: 'internal',
    });
    await comment(sam, ticket, 'Rolling AP-09 back to 8.10 tonight.', 'shared');
    const expected = ['Started after the AP firmware update.', 'Rolling AP-09 back to 8.10 tonight.'];
    expect(await commentsSeenBy(tom, ticket)).toEqual(expected);
    expect(await commentsSeenBy(sam, ticket)).toEqual(expected);
    const activity = await activitySeenBy(tom, ticket);
    expect(activity.map((entry) => [entry.kind, entry.party])).toEqual([
      ['created', 'internal'],
      ['commented', 'internal'],
      ['commented', 'provider'],
    ]);
  });

  it('never shows a provider_only note to the internal team, by any ticket route', async () => {
    const ticket = await open(tom, { title: 'Unusual logins on the WMS admin account' });
    const secret = 'PROVIDER-ONLY: correlating with the other client breach';
    const note = await comment(sam, ticket, secret, 'provider_only');
    expect(note.visibility).toBe('provider_only');

    for (const internal of [tom, priya]) {
      expect(await commentsSeenBy(internal, ticket)).toEqual([]);
      const activity = await activitySeenBy(internal, ticket);
      expect(activity.map((entry) => entry.kind)).toEqual(['created']);
      const everything = await everythingSeenBy(internal, ticket);
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(note.id);
      expect(everything).not.toContain('provider_only');
    }
    for (const provider of [sam, dana]) {
      expect(await commentsSeenBy(provider, ticket)).toEqual([secret]);
      const activity = await activitySeenBy(provider, ticket);
      expect(activity.at(-1)).toMatchObject({
        kind: 'commented',
        visibility: 'provider_only',
        data: { commentId: note.id },
      });
    }
  });

  it('never shows an internal_only note to the provider, by any ticket route', async () => {
    const ticket = await open(sam, { title: 'Quote for replacing the depot NAS' });
    const secret = 'INTERNAL-ONLY: budget is frozen until Q3, stall politely';
    const note = await comment(tom, ticket, secret, 'internal_only');
    for (const provider of [sam, dana]) {
      expect(await commentsSeenBy(provider, ticket)).toEqual([]);
      const kinds = (await activitySeenBy(provider, ticket)).map((entry) => entry.kind);
      expect(kinds.filter((kind) => kind !== 'sla')).toEqual(['created']);
      const everything = await everythingSeenBy(provider, ticket);
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(note.id);
      expect(everything).not.toContain('internal_only');
    }
    expect(await commentsSeenBy(priya, ticket)).toEqual([secret]);
  });

  it('lets no one write into the other party’s private channel', async () => {
    const ticket = await open(tom, { title: 'Who writes where' });
    const cases: [Client, string][] = [
      [tom, 'provider_only'],
      [sam, 'internal_only'],
      [nina, 'internal_only'],
      [nina, 'provider_only'],
    ];
    const own = await open(nina, { title: 'My ticket for notes' });
    for (const [client, visibility] of cases) {
      const target = client === nina ? own : ticket;
      const response = await client.post(`${urlOf(target)}/comments`, { body: 'sneaky', visibility });
      expect(response.statusCode, visibility).toBe(422);
      expect(response.json().errors).toEqual([expect.objectContaining({ path: '/visibility' })]);
    }
    expect(await commentsSeenBy(tom, ticket)).toEqual([]);
    expect(await commentsSeenBy(sam, ticket)).toEqual([]);
  });

  it('shows a requester only the shared conversation on their own ticket', async () => {
    const ticket = await open(nina, { title: 'Cannot print delivery notes' });
    await comment(tom, ticket, 'Internal: printer is out of warranty', 'internal_only');
    await comment(sam, ticket, 'Provider: remote session logged', 'provider_only');
    await comment(sam, ticket, 'We have reinstalled the driver; please try again.');
    const reply = await comment(nina, ticket, 'Works now, thanks!');
    expect(reply).toMatchObject({
      visibility: 'shared',
      authorName: 'Nina Kowalski',
      authorParty: 'internal',
    });
    expect(await commentsSeenBy(nina, ticket)).toEqual([
      'We have reinstalled the driver; please try again.',
      'Works now, thanks!',
    ]);
    const activity = await activitySeenBy(nina, ticket);
    expect(activity.every((entry) => entry.visibility === 'shared')).toBe(true);
    expect(activity.filter((entry) => entry.kind === 'commented')).toHaveLength(2);
    const everything = (
      await Promise.all(
        [urlOf(ticket), `${urlOf(ticket)}/comments`, `${urlOf(ticket)}/activity`].map((u) => nina.get(u)),
      )
    )
      .map((r) => r.body)
      .join('\n');
    expect(everything).not.toContain('Internal:');
    expect(everything).not.toContain('Provider:');
    expect(await commentsSeenBy(tom, ticket)).toHaveLength(3);
    expect(await commentsSeenBy(sam, ticket)).toHaveLength(3);
  });

  it('refuses an empty comment and a comment on a ticket of another engagement', async () => {
    const ticket = await open(tom, { title: 'Validation' });
    expect((await tom.post(`${urlOf(ticket)}/comments`, { body: '' })).statusCode).toBe(400);
    expect(
      (await tom.post(`${urlOf(ticket)}/comments`, { body: 'x', visibility: 'public' })).statusCode,
    ).toBe(400);
    const elsewhere = `${ticketsOf(t.engagements.maplegrove ?? '')}/${ticket.id}/comments`;
    expect((await sam.post(elsewhere, { body: 'wrong engagement' })).statusCode).toBe(404);
    expect((await sam.get(elsewhere)).statusCode).toBe(404);
  });

  describe('live events', () => {
    let origin: string;
    const streams: Stream[] = [];

    beforeAll(async () => {
      await t.tandem.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.tandem.app.server.address() as AddressInfo;
      origin = `http://127.0.0.1:${port}`;
    });
    afterAll(() => {
      for (const stream of streams) stream.close();
    });

    async function listen(client: Client): Promise<Stream> {
      const aborted = new AbortController();
      const response = await fetch(`${origin}/api/v1/engagements/${harborline}/events`, {
        headers: { cookie: client.cookie, accept: 'text/event-stream' },
        signal: aborted.signal,
      });
      expect(response.status).toBe(200);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const events: LiveEvent[] = [];
      let buffer = '';
      let connected!: () => void;
      const ready = new Promise<void>((resolve) => {
        connected = resolve;
      });
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            buffer += value;
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (frame.includes(': connected')) connected();
              const data = frame.split('\n').find((line) => line.startsWith('data: '));
              if (data) events.push(JSON.parse(data.slice('data: '.length)) as LiveEvent);
              end = buffer.indexOf('\n\n');
            }
          }
        } catch {
          // aborted by close()
        }
      })();
      // The server subscribes in the same tick it writes ": connected".
      await ready;
      const stream: Stream = {
        events,
        async waitFor(predicate) {
          const deadline = Date.now() + 5_000;
          for (;;) {
            const found = events.find(predicate);
            if (found) return found;
            if (Date.now() > deadline) throw new Error(`no such event; got ${JSON.stringify(events)}`);
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        },
        close: () => aborted.abort(),
      };
      streams.push(stream);
      return stream;
    }

    it('sends a private note’s event only to its own party, and shared comments to everyone', async () => {
      const ticket = await open(tom, { title: 'Ransomware canary tripped on FS02' });
      const [internalTab, providerTab] = await Promise.all([listen(tom), listen(sam)]);

      const note = await comment(sam, ticket, 'Isolating FS02, do not tell the client yet', 'provider_only');
      const shared = await comment(sam, ticket, 'We are isolating FS02 as a precaution.');
      const internalNote = await comment(tom, ticket, 'Ask Sam for the IOC list', 'internal_only');

      const aboutComment = (commentId: string) => (event: LiveEvent) =>
        event.type === 'ticket.commented' && event.data?.commentId === commentId;
      // The provider tab receives its note, so it was published while both tabs listened …
      await providerTab.waitFor(aboutComment(note.id));
      await providerTab.waitFor(aboutComment(shared.id));
      // … and the internal tab receives what came after it, so the note had its chance to arrive.
      await internalTab.waitFor(aboutComment(shared.id));
      await internalTab.waitFor(aboutComment(internalNote.id));
      await new Promise((resolve) => setTimeout(resolve, 100));

      expect(internalTab.events.some(aboutComment(note.id))).toBe(false);
      expect(providerTab.events.some(aboutComment(internalNote.id))).toBe(false);
      const internalText = JSON.stringify(internalTab.events);
      expect(internalText).not.toContain(note.id);
      expect(internalText).not.toContain('Isolating');
      expect(JSON.stringify(providerTab.events)).not.toContain(internalNote.id);
      expect(internalTab.events.filter((e) => e.id === ticket.id).map((e) => e.type)).toEqual([
        'ticket.commented',
        'ticket.commented',
      ]);
    });

    it('tells a requester only about their own ticket, and never about private notes on it', async () => {
      const requesterTab = await listen(nina);
      const own = await open(nina, { title: 'My laptop will not dock' });
      const someoneElses = await open(tom, { title: 'Core switch firmware' });
      const note = await comment(sam, own, 'Dock firmware is on our blocklist', 'provider_only');
      const internalNote = await comment(tom, own, 'Nina has the old dock model', 'internal_only');
      const reply = await comment(tom, own, 'We are sending a new dock.');

      await requesterTab.waitFor((e) => e.type === 'ticket.commented' && e.data?.commentId === reply.id);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const seen = JSON.stringify(requesterTab.events);
      expect(requesterTab.events.some((e) => e.type === 'ticket.created' && e.id === own.id)).toBe(true);
      expect(seen).not.toContain(someoneElses.id);
      expect(seen).not.toContain(note.id);
      expect(seen).not.toContain(internalNote.id);
    });

    it('does not move a ticket up "recently updated" for a private note the other party cannot see', async () => {
      const ticket = await open(tom, { title: 'Badge reader at gate 2' });
      const before = (await tom.get(urlOf(ticket))).json().updatedAt;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await comment(sam, ticket, 'Vendor RMA pending, not client-facing', 'provider_only');
      expect((await tom.get(urlOf(ticket))).json().updatedAt).toBe(before);
      await comment(sam, ticket, 'Replacement reader ships tomorrow.');
      expect((await tom.get(urlOf(ticket))).json().updatedAt).not.toBe(before);
    });

    it('tells every open screen when a ticket is created or changed', async () => {
      const [internalTab, providerTab] = await Promise.all([listen(tom), listen(dana)]);
      const ticket = await open(sam, { title: 'Carrier EDI feed stalled' });
      await sam.patch(urlOf(ticket), { status: 'waiting_on_internal' });
      for (const tab of [internalTab, providerTab]) {
        await tab.waitFor((e) => e.type === 'ticket.created' && e.id === ticket.id);
        await tab.waitFor((e) => e.type === 'ticket.updated' && e.id === ticket.id);
      }
    });
  });
});
