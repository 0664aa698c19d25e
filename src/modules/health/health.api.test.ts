import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTandem, type TestTandem } from '../../../test/app.ts';
import { testDatabases } from '../../../test/databases.ts';

describe.each(await testDatabases())('operations endpoints on $name', (database) => {
  let t: TestTandem;
  beforeAll(async () => {
    t = await startTestTandem(database);
  });
  afterAll(() => t.close());

  it('answers liveness and readiness without a login', async () => {
    expect((await t.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('exposes request counts per route to Prometheus', async () => {
    const admin = await t.as('admin@northwind.example');
    await admin.get('/api/v1/engagements');
    const metrics = await t.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(
      /tandem_http_requests_total\{method="GET",route="\/api\/v1\/engagements",status="200"\} [1-9]/,
    );
    expect(metrics.body).toContain('tandem_process_cpu_seconds_total');
  });

  it('serves the OpenAPI 3.1 document and the interactive docs', async () => {
    const doc = (await t.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/engagements/{engagementId}/audit');
    const docs = await t.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
