import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';
import { loadConfig } from '../config/config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createLogger } from '../log/logger.ts';
import { buildHttpServer, type RoutesPlugin } from './server.ts';

describe('a route that declares no access policy', () => {
  let dataDir: string;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-access-'));
    handle = openDatabase({ database: { kind: 'sqlite', file: path.join(dataDir, 'tandem.db') } });
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function serverWith(...routes: RoutesPlugin[]): Promise<FastifyInstance> {
    return buildHttpServer({
      config: loadConfig({ LOG_LEVEL: 'silent', TANDEM_DATA_DIR: dataDir }),
      log: createLogger('silent'),
      db: handle.db,
      authenticate: async () => null,
      now: () => new Date(),
      routes,
    });
  }

  it('keeps the server from starting and names the route', async () => {
    const app = await serverWith(async (r) => {
      r.get('/api/v1/declared', { config: { access: 'public' } }, async () => ({ ok: true }));
      r.post('/api/v1/forgotten', async () => ({ ok: true }));
    });
    await expect(app.ready()).rejects.toThrow(/declare no access policy: POST \/api\/v1\/forgotten$/);
    await app.close().catch(() => undefined);
  });

  it('finds an undeclared route however deep in plugins it is registered', async () => {
    const app = await serverWith(async (r) => {
      await r.register(
        async (inner) => {
          inner.delete('/things/:thingId', async () => null);
        },
        { prefix: '/api/v1/nested' },
      );
    });
    await expect(app.ready()).rejects.toThrow('DELETE /api/v1/nested/things/:thingId');
    await app.close().catch(() => undefined);
  });

  it('starts when every route declares one, and guards what is not public', async () => {
    const app = await serverWith(async (r) => {
      r.get('/api/v1/open', { config: { access: 'public' } }, async () => ({ ok: true }));
      r.get('/api/v1/closed', { config: { access: 'user' } }, async () => ({ secret: true }));
      r.post(
        '/api/v1/engagements/:engagementId/closed',
        { config: { access: { engagement: 'team.manage' } } },
        async () => ({ secret: true }),
      );
    });
    await app.ready();
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/open' })).statusCode).toBe(200);
      // Fastify's implicit HEAD shares the GET's declaration.
      expect((await app.inject({ method: 'HEAD', url: '/api/v1/open' })).statusCode).toBe(200);
      for (const request of [
        { method: 'GET', url: '/api/v1/closed' },
        { method: 'HEAD', url: '/api/v1/closed' },
        { method: 'POST', url: '/api/v1/engagements/e1/closed', payload: {} },
      ] as const) {
        const response = await app.inject(request);
        expect(response.statusCode).toBe(401);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body).not.toContain('secret');
      }
    } finally {
      await app.close();
    }
  });
});

// The route walk needs only one database: routes do not depend on the dialect.
const [firstDatabase] = await testDatabases();

describe('every route of the real app', () => {
  let t: TestTandem;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await startTestTandem(firstDatabase!);
    doc = (await t.inject({ method: 'GET', url: '/openapi.json' })).json();
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([url, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({
        name: `${method.toUpperCase()} ${url}`,
        url,
        method,
        op,
      })),
    );

  it('documents every API route (none is hidden from the OpenAPI document)', () => {
    const documented = new Set(operations().map((o) => `${o.method.toUpperCase()} ${o.url}`));
    const registered = routesOf(t.tandem.app).filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(registered.length).toBeGreaterThan(20);
    const missing = registered
      .map((r) => `${r.method} ${toOpenApiPath(r.url)}`)
      .filter((n) => !documented.has(n));
    expect(missing).toEqual([]);
  });

  it('gives each operation a success response, with a schema when it returns content', () => {
    const lacking: string[] = [];
    for (const { name, op } of operations()) {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) lacking.push(`${name}: no 2xx response`);
      for (const [status, response] of success) {
        // JSON for records; a file download documents its own media type.
        const schema = Object.values(response.content ?? {}).find((media) => media.schema)?.schema;
        if (status !== '204' && !schema) lacking.push(`${name}: ${status} has no schema`);
      }
    }
    expect(lacking).toEqual([]);
  });

  it('declares problem responses for every API operation', () => {
    const lacking = operations()
      .filter(({ url, op }) => url.startsWith('/api/') && !(op.responses?.['4XX'] && op.responses?.['5XX']))
      .map(({ name }) => name);
    expect(lacking).toEqual([]);
  });

  it('declares a schema for every path parameter', () => {
    const lacking: string[] = [];
    for (const { name, url, op } of operations()) {
      const inPath = [...url.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? [])
        .filter((p) => p.in === 'path' && p.schema)
        .map((p) => p.name)
        .sort();
      if (JSON.stringify(inPath) !== JSON.stringify(declared)) {
        lacking.push(`${name}: path has ${inPath.join(',')}, declared ${declared.join(',')}`);
      }
    }
    expect(lacking).toEqual([]);
  });

  it('declares a body schema for every write that takes input', () => {
    // Writes whose whole meaning is in the method and path.
    const bodiless = new Set([
      'POST /api/v1/auth/logout',
      'PUT /api/v1/engagements/{engagementId}/teams/{teamId}/members/{userId}',
      'PUT /api/v1/engagements/{engagementId}/tickets/{ticketId}/watchers/{userId}',
      'POST /api/v1/engagements/{engagementId}/tickets/{ticketId}/join',
      'POST /api/v1/engagements/{engagementId}/info-requests/{infoRequestId}/withdraw',
      'POST /api/v1/engagements/{engagementId}/integrations/{integrationId}/rotate-key',
      'POST /api/v1/engagements/{engagementId}/tickets/{ticketId}/acknowledge',
      'POST /api/v1/engagements/{engagementId}/tickets/{ticketId}/resolve',
      'POST /api/v1/engagements/{engagementId}/escalation-policies/{escalationPolicyId}/drills',
      'POST /api/v1/engagements/{engagementId}/drills/{drillId}/acknowledge',
      'POST /api/v1/me/contact-methods/{contactMethodId}/test',
      'POST /actions/{token}',
    ]);
    const lacking = operations()
      .filter(({ method }) => method === 'post' || method === 'put' || method === 'patch')
      .filter(
        ({ name, op }) =>
          // JSON, or a multipart form for a file upload.
          !bodiless.has(name) && !Object.values(op.requestBody?.content ?? {}).some((media) => media.schema),
      )
      .map(({ name }) => name);
    expect(lacking).toEqual([]);
    // The exceptions are real: each still exists and still takes no body.
    for (const name of bodiless) {
      const found = operations().find((o) => o.name === name);
      expect(found, name).toBeDefined();
      expect(found?.op.requestBody, name).toBeUndefined();
    }
  });
});

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** /a/:id/b → /a/{id}/b, as the OpenAPI document spells paths. */
function toOpenApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}

/**
 * The registered routes, read from Fastify's route tree. Fastify offers no list of routes after
 * ready, and an onRoute hook would have to be added before the app's own routes.
 */
function routesOf(app: FastifyInstance): { method: string; url: string }[] {
  const lines = app.printRoutes({ commonPrefix: false }).split('\n');
  const prefixes: string[] = [];
  const routes: { method: string; url: string }[] = [];
  for (const line of lines) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!match) continue;
    const depth = [...match[1]!].length / 4;
    const url = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = url;
    prefixes.length = depth + 1;
    for (const method of match[3]?.split(', ') ?? []) routes.push({ method, url });
  }
  return routes;
}
