import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { LIMITS } from '../../platform/http/server.ts';

// One database is enough: the stream's life is the HTTP server's business, not the store's.
const [database] = await testDatabases();

describe('a live event stream', () => {
  let t: TestTandem;
  beforeAll(async () => {
    t = await startTestTandem(database!);
  });
  afterAll(() => t.close());

  it(
    'stays open longer than the idle-connection limit and still delivers',
    async () => {
      const tom = await t.as('tom.eriksen@harborline.example');
      const base = `/api/v1/engagements/${t.engagements.harborline}`;
      const origin = await t.tandem.app.listen({ port: 0, host: '127.0.0.1' });
      const response = await fetch(`${origin}${base}/events`, { headers: { cookie: tom.cookie } });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let received = '';
      const reading = (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          received += value;
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, LIMITS.connectionTimeoutMs + 1_000));
      await tom.post(`${base}/tickets`, { title: 'Scanner cradle loose' });
      for (let i = 0; i < 50 && !received.includes('event: ticket.created'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(received).toContain('event: ticket.created');
      await reader.cancel();
      await reading;
    },
    LIMITS.connectionTimeoutMs + 20_000,
  );
});
