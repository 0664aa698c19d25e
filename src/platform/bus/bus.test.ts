import { sql } from 'kysely';
import pg from 'pg';
import { type Logger, pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDatabases } from '../../../test/databases.ts';
import type { Config } from '../config/config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createEventBus, type EventBus } from './bus.ts';
import { BUS_RECONNECTED, type BusEvent, mayReceive } from './event.ts';

function capturedLog(): { log: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  return { log: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) }), lines };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ofType = (events: BusEvent[], type: string) => events.filter((e) => e.type === type);

describe('who may receive an event', () => {
  it('gives an event for all to both parties and a party event to that party only', () => {
    const event = { engagementId: 'e1', type: 'ticket.updated' };
    expect(mayReceive(event, 'internal') && mayReceive(event, 'provider')).toBe(true);
    expect(mayReceive({ ...event, audience: 'provider' }, 'provider')).toBe(true);
    expect(mayReceive({ ...event, audience: 'provider' }, 'internal')).toBe(false);
  });
});

describe.each(await testDatabases())('event bus on $name', (testDb) => {
  let database: Config['database'];
  let drop: () => Promise<void>;
  const handles: DatabaseHandle[] = [];
  const buses: EventBus[] = [];
  const { log, lines } = capturedLog();

  beforeEach(async () => {
    ({ database, drop } = await testDb.create());
    const handle = openDatabase({ database });
    handles.push(handle);
    await migrateToLatest(handle.db);
    lines.length = 0;
  });

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((b) => b.close()));
    await Promise.all(handles.splice(0).map((h) => h.close()));
    await drop();
  });

  // A database cannot refuse connections to itself, so that switch is thrown from `postgres`.
  async function fromAnotherDatabase(text: string): Promise<void> {
    if (database.kind !== 'postgres') throw new Error('PostgreSQL only');
    const url = new URL(database.url);
    url.pathname = '/postgres';
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }

  async function busOn(handle: DatabaseHandle): Promise<EventBus> {
    const bus = await createEventBus(handle, log);
    buses.push(bus);
    return bus;
  }

  function listen(bus: EventBus, engagementId: string): BusEvent[] {
    const received: BusEvent[] = [];
    bus.subscribe(engagementId, (e) => received.push(e));
    return received;
  }

  it('delivers an event once to each subscriber of its engagement and to no other', async () => {
    const bus = await busOn(handles[0]!);
    const first = listen(bus, 'e1');
    const second = listen(bus, 'e1');
    const elsewhere = listen(bus, 'e2');
    const stopped: BusEvent[] = [];
    bus.subscribe('e1', (e) => stopped.push(e))();

    await bus.publish({ engagementId: 'e1', type: 'team.updated', id: 't1', data: { name: 'Desk' } });
    await vi.waitFor(() => expect(first).toHaveLength(1));
    await sleep(100);

    const expected = {
      engagementId: 'e1',
      type: 'team.updated',
      id: 't1',
      data: { name: 'Desk' },
      audience: 'all',
    };
    expect(first).toEqual([expected]);
    expect(second).toEqual([expected]);
    expect(elsewhere).toEqual([]);
    expect(stopped).toEqual([]);
  });

  it('drops data too big to send and flags the event truncated', async () => {
    const bus = await busOn(handles[0]!);
    const received = listen(bus, 'e1');
    await bus.publish({ engagementId: 'e1', type: 'document.updated', id: 'd1', data: 'x'.repeat(10_000) });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toEqual({
      engagementId: 'e1',
      type: 'document.updated',
      id: 'd1',
      audience: 'all',
      truncated: true,
    });
  });

  it('keeps delivering to other listeners when one throws', async () => {
    const bus = await busOn(handles[0]!);
    bus.subscribe('e1', () => {
      throw new Error('listener bug');
    });
    const received = listen(bus, 'e1');
    await bus.publish({ engagementId: 'e1', type: 'team.updated' });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(lines.some((l) => l.msg === 'An event bus listener threw')).toBe(true);
  });

  it.runIf(testDb.name === 'postgres')(
    'delivers an event published through one handle to subscribers on another, each once',
    async () => {
      const other = openDatabase({ database });
      handles.push(other);
      const publisher = await busOn(handles[0]!);
      const receiver = await busOn(other);
      const atReceiver = listen(receiver, 'e1');
      const atPublisher = listen(publisher, 'e1');

      await publisher.publish({ engagementId: 'e1', type: 'team.updated', id: 't1', audience: 'internal' });
      await vi.waitFor(() => expect(atReceiver).toHaveLength(1));
      await sleep(100);

      const expected = { engagementId: 'e1', type: 'team.updated', id: 't1', audience: 'internal' };
      expect(atReceiver).toEqual([expected]);
      expect(atPublisher).toEqual([expected]);
    },
  );

  it.runIf(testDb.name === 'postgres')(
    'reconnects after its LISTEN connection is killed and delivers events published afterwards',
    async () => {
      const other = openDatabase({ database });
      handles.push(other);
      const publisher = await busOn(handles[0]!);
      const receiver = await busOn(other);
      const atReceiver = listen(receiver, 'e1');
      const atPublisher = listen(publisher, 'e1');

      const killed = await sql<{ pid: number }>`
        select pid, pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query like 'LISTEN%'`.execute(handles[0]!.db);
      expect(killed.rows).toHaveLength(2);

      // Both sides tell their subscribers to refetch once they listen again.
      await vi.waitFor(() => expect(ofType(atReceiver, BUS_RECONNECTED)).toHaveLength(1), {
        timeout: 10_000,
      });
      await vi.waitFor(() => expect(ofType(atPublisher, BUS_RECONNECTED)).toHaveLength(1), {
        timeout: 10_000,
      });

      await publisher.publish({ engagementId: 'e1', type: 'team.updated', id: 't2' });
      await vi.waitFor(() => expect(ofType(atReceiver, 'team.updated')).toHaveLength(1));
      await sleep(100);
      expect(ofType(atReceiver, 'team.updated')).toEqual([
        { engagementId: 'e1', type: 'team.updated', id: 't2', audience: 'all' },
      ]);
      expect(ofType(atPublisher, 'team.updated')).toHaveLength(1);
      expect(lines.filter((l) => String(l.msg).includes('lost its LISTEN connection'))).toHaveLength(2);
      expect(lines.filter((l) => String(l.msg).includes('listening again'))).toHaveLength(2);
    },
  );

  it.runIf(testDb.name === 'postgres')(
    'keeps retrying while the database refuses connections, then listens again',
    async () => {
      const db = handles[0]!.db;
      const bus = await busOn(handles[0]!);
      const received = listen(bus, 'e1');
      const name = (await sql<{ name: string }>`select current_database() as name`.execute(db)).rows[0]!.name;

      // Pooled connections already open keep working; new ones, like the listener's, are refused.
      await fromAnotherDatabase(`alter database ${name} allow_connections false`);
      try {
        await sql`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query like 'LISTEN%'`.execute(db);
        await vi.waitFor(
          () =>
            expect(lines.filter((l) => l.msg === 'Event bus could not reconnect yet').length).toBeGreaterThan(
              1,
            ),
          { timeout: 10_000 },
        );
      } finally {
        await fromAnotherDatabase(`alter database ${name} allow_connections true`);
      }
      await vi.waitFor(() => expect(ofType(received, BUS_RECONNECTED)).toHaveLength(1), { timeout: 20_000 });

      await bus.publish({ engagementId: 'e1', type: 'team.updated' });
      await vi.waitFor(() => expect(ofType(received, 'team.updated')).toHaveLength(1));
    },
  );
});
