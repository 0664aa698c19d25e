import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.ts';
import { problem, sendProblem } from '../../platform/http/problem.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';

const Status = Type.Object({ status: Type.String() }, { additionalProperties: false });

/** Liveness and readiness (the database answers). Metrics are platform/http/metrics.ts. */
export function healthRoutes(db: Db) {
  return async (app: FastifyInstance) => {
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
          return sendProblem(
            reply,
            problem(503, 'unavailable', 'Service Unavailable', 'The database does not answer.'),
          );
        }
      },
    );
  };
}
