import { sql } from 'kysely';
import type pg from 'pg';
import type { DatabaseHandle } from '../db/database.ts';
import type { Logger } from '../log/logger.ts';
import { BUS_RECONNECTED, type BusEvent, decodeEvent, encodeEvent } from './event.ts';
import { startListener } from './pg-listener.ts';
import { type BusListener, Subscribers } from './subscribers.ts';

export type { BusEvent } from './event.ts';

/**
 * Live change notices for the processes serving an engagement (SSE streams, caches). Delivery
 * is best-effort: an event is a hint to refetch, never the record of a change, and one published
 * while a listener reconnects is lost (subscribers then get `bus.reconnected`).
 */
export interface EventBus {
  /**
   * Sends the event to every subscriber of its engagement in every process, once each. Call it
   * after the transaction commits. It never rejects: the change is already durable, so a failed
   * notice is logged rather than turned into a failed request.
   */
  publish(event: BusEvent): Promise<void>;
  /** Listens to one engagement's events; the returned function stops. */
  subscribe(engagementId: string, listener: BusListener): () => void;
  close(): Promise<void>;
}

/** The PostgreSQL channel every Tandem process listens on. */
export const EVENTS_CHANNEL = 'tandem_events';

/**
 * On SQLite (one process) an in-process bus. On PostgreSQL, publish is `pg_notify` and a
 * dedicated LISTEN connection fans notifications out to this process's subscribers, so every
 * process, the publisher included, receives each event exactly once and through the same path.
 */
export async function createEventBus(handle: DatabaseHandle, log: Logger): Promise<EventBus> {
  const busLog = log.child({ component: 'event-bus' });
  const subscribers = new Subscribers(busLog);
  return handle.dialect === 'postgres' && handle.pool
    ? postgresBus(handle, handle.pool.options, subscribers, busLog)
    : localBus(subscribers, busLog);
}

function localBus(subscribers: Subscribers, log: Logger): EventBus {
  return {
    async publish(event) {
      const encoded = encode(event, log);
      if (encoded === undefined) return;
      // Delivered on a later turn, as over PostgreSQL: the publisher never runs listeners
      // inside its own call, and sees the same JSON-shaped copy any other receiver would.
      setImmediate(() => {
        const decoded = decodeEvent(encoded);
        if (decoded) subscribers.deliver(decoded);
      });
    },
    subscribe: (engagementId, listener) => subscribers.add(engagementId, listener),
    async close() {
      subscribers.clear();
    },
  };
}

async function postgresBus(
  handle: DatabaseHandle,
  connection: pg.ClientConfig,
  subscribers: Subscribers,
  log: Logger,
): Promise<EventBus> {
  const listener = await startListener({
    connection,
    channel: EVENTS_CHANNEL,
    log,
    onNotification(payload) {
      const event = decodeEvent(payload);
      if (event) subscribers.deliver(event);
      else log.warn({ payload: payload.slice(0, 200) }, 'Ignored a malformed event notification');
    },
    onReconnected() {
      for (const engagementId of subscribers.engagementIds()) {
        subscribers.deliver({ engagementId, type: BUS_RECONNECTED, audience: 'all' });
      }
    },
  });
  return {
    async publish(event) {
      const encoded = encode(event, log);
      if (encoded === undefined) return;
      try {
        await sql`select pg_notify(${EVENTS_CHANNEL}, ${encoded})`.execute(handle.db);
      } catch (error) {
        log.error({ err: error, type: event.type }, 'Could not publish an event');
      }
    },
    subscribe: (engagementId, fn) => subscribers.add(engagementId, fn),
    async close() {
      subscribers.clear();
      await listener.close();
    },
  };
}

function encode(event: BusEvent, log: Logger): string | undefined {
  try {
    return encodeEvent(event);
  } catch (error) {
    log.error({ err: error, type: event.type }, 'Could not encode an event; it was not published');
    return undefined;
  }
}
