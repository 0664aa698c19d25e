import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadDemo } from '../src/cli/demo.ts';
import { createTandem, type Tandem, type TandemOptions } from '../src/main.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { createLogger } from '../src/platform/log/logger.ts';
import type { TestDatabase } from './databases.ts';

export const DEMO_PASSWORD = 'tandem-demo';
export const BASE_URL = 'http://tandem.test';

/** A user's side of the conversation: every request carries their session cookie and Origin. */
export interface Client {
  readonly cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestTandem {
  readonly tandem: Tandem;
  readonly dataDir: string;
  /** Engagement ids of the demo, by slug (harborline, maplegrove). */
  readonly engagements: Readonly<Record<string, string>>;
  /** Logs in as a demo user (password tandem-demo). */
  as(email: string): Promise<Client>;
  /** The id of the user with this e-mail. */
  userId(email: string): Promise<string>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Stops this Tandem and starts a new one on the same database (sessions survive). */
  restart(options?: TandemOptions): Promise<void>;
  close(): Promise<void>;
}

export interface TestTandemOptions extends TandemOptions {
  /** Extra environment for the configuration, e.g. TANDEM_SMTP_URL. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A Tandem on a fresh database of the given kind, with the demo loaded. */
export async function startTestTandem(
  database: TestDatabase,
  { env, ...options }: TestTandemOptions = {},
): Promise<TestTandem> {
  const created = await database.create();
  const config = {
    ...loadConfig({
      TANDEM_DATA_DIR: created.dataDir,
      TANDEM_BASE_URL: BASE_URL,
      LOG_LEVEL: 'silent',
      ...env,
    }),
    database: created.database,
  };
  let tandem = await createTandem(config, { log: createLogger('silent'), ...options });
  await loadDemo(tandem.services, DEMO_PASSWORD, { tickets: false });
  const rows = await tandem.handle.db.selectFrom('engagements').select(['id', 'slug']).execute();
  const engagements = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
  const inject = (o: InjectOptions) => tandem.app.inject(o);
  return {
    get tandem() {
      return tandem;
    },
    dataDir: created.dataDir,
    engagements,
    inject,
    as: async (email) => clientFor(inject, await login(inject, email)),
    userId: async (email) =>
      (
        await tandem.handle.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).id,
    async restart(next = options) {
      await tandem.close();
      tandem = await createTandem(config, { log: createLogger('silent'), ...next });
    },
    async close() {
      await tandem.close();
      await created.drop();
    },
  };
}

async function login(inject: TestTandem['inject'], email: string): Promise<string> {
  const response = await inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  if (response.statusCode !== 200)
    throw new Error(`login as ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'tandem_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

function clientFor(inject: TestTandem['inject'], cookie: string): Client {
  const request = (options: InjectOptions) =>
    inject({ ...options, headers: { cookie, origin: BASE_URL, ...(options.headers ?? {}) } });
  const withBody = (method: 'POST' | 'PATCH' | 'PUT') => (url: string, body?: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
