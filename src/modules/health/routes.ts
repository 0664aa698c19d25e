import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';

const Status = Type.Object({ status: Type.String() }, { additionalProperties: false });

/** Liveness, readiness (the database answers) and Prometheus metrics. */
export function healthRoutes(db: Db) {
  return async (app: FastifyInstance) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'tandem_' });
    const requests = new Counter({
      name: 'tandem_http_requests_total',
      help: 'HTTP requests',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    });
    const duration = new Histogram({
      name: 'tandem_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    });

    app.get(
      '/healthz',
      {
        config: { access: 'public' },
        schema: { tags: ['Operations'], summary: 'The process is up', response: { 200: Status } },
      },
      async () => ({ status: 'ok' }),
    );

    app.get(
      '/readyz',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Operations'],
          summary: 'The database answers',
          response: { 200: Status, ...ProblemResponses },
        },
      },
      async (_request, reply) => {
        try {
          await sql`select 1`.execute(db);
          return { status: 'ready' };
        } catch {
          return reply.status(503).type('application/problem+json').send({
            type: 'urn:tandem:problem:unavailable',
            title: 'Service Unavailable',
            status: 503,
            detail: 'The database does not answer.',
          });
        }
      },
    );

    app.get(
      '/metrics',
      {
        config: { access: 'public' },
        schema: { tags: ['Operations'], summary: 'Prometheus metrics', response: { 200: Type.String() } },
      },
      async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
    );
  };
}
