import pg from 'pg';
import type { Logger } from '../log/logger.ts';

export interface ListenerOptions {
  /** Connection settings; the pool's own, so the listener reaches the same database. */
  readonly connection: pg.ClientConfig;
  /** A plain identifier: it is written into `LISTEN` as is. */
  readonly channel: string;
  readonly log: Logger;
  readonly onNotification: (payload: string) => void;
  /** Called after a lost connection is back and listening again. */
  readonly onReconnected: () => void;
}

export interface Listener {
  close(): Promise<void>;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 15_000;

/**
 * Holds one dedicated connection in LISTEN. It cannot come from the pool: a pooled client is
 * handed to other queries and released, and LISTEN belongs to the session. When the
 * connection is lost (server restart, `pg_terminate_backend`, network) it reconnects with
 * backoff and listens again, logging both; it never throws after start, so a database outage
 * cannot end the process. Resolves once listening, or rejects if the first attempt fails.
 */
export async function startListener(options: ListenerOptions): Promise<Listener> {
  const { channel, log } = options;
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Not a plain channel name: ${channel}`);
  let current: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryMs = FIRST_RETRY_MS;
  let closed = false;

  async function open(): Promise<pg.Client> {
    // Keepalive notices a silently dropped connection (a NAT or firewall forgetting it); an
    // idle LISTEN session sends nothing, so without it the loss could go unseen for hours.
    const client = new pg.Client({
      ...options.connection,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // Always handled: an unhandled 'error' on a pg client would end the process.
    client.on('error', (error) => dropped(client, error));
    client.on('end', () => dropped(client));
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined)
        options.onNotification(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
  }

  // Reacts once per live connection; a client still connecting is handled by open()'s caller.
  function dropped(client: pg.Client, error?: Error): void {
    if (client !== current || closed) return;
    current = undefined;
    log.warn({ err: error }, 'Event bus lost its LISTEN connection; reconnecting');
    client.end().catch(() => {});
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer) return;
    // Jitter spreads the reconnects of many nodes after a database restart.
    const delay = Math.round(retryMs * (0.5 + Math.random() / 2));
    retryTimer = setTimeout(async () => {
      retryTimer = undefined;
      try {
        const client = await open();
        if (closed) {
          await client.end().catch(() => {});
          return;
        }
        current = client;
        retryMs = FIRST_RETRY_MS;
        log.info({ channel }, 'Event bus is listening again');
        options.onReconnected();
      } catch (error) {
        retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
        log.warn({ err: error, retryInMs: retryMs }, 'Event bus could not reconnect yet');
        scheduleReconnect();
      }
    }, delay);
  }

  current = await open();
  return {
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const client = current;
      current = undefined;
      await client?.end().catch(() => {});
    },
  };
}
