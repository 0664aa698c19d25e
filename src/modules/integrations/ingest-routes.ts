import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { IngestStopped } from './batcher.ts';
import type { createIngest, IngestAnswer } from './ingest.ts';
import { AnyJson, IngestAccepted, IngestKeyParams, IngestRefused } from './schema.ts';

/**
 * The ingest routes carry no session: the integration key authenticates (in the body for
 * PagerDuty, in the path for webhooks). They answer as PagerDuty does, in its JSON, not as
 * problem documents: senders parse these bodies.
 */
export function ingestRoutes(ingest: ReturnType<typeof createIngest>) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Ingest'];
    const response = {
      202: IngestAccepted,
      400: IngestRefused,
      404: IngestRefused,
      429: IngestRefused,
      503: IngestRefused,
    };
    const send = async (reply: FastifyReply, answer: () => Promise<IngestAnswer>) => {
      let result: IngestAnswer;
      try {
        result = await answer();
      } catch (error) {
        if (!(error instanceof IngestStopped)) throw error;
        result = {
          status: 503,
          body: { status: 'unavailable', message: 'Tandem is restarting; retry shortly' },
          retryAfter: 5,
        };
      }
      if ('retryAfter' in result && result.retryAfter !== undefined)
        reply.header('retry-after', String(result.retryAfter));
      return reply.status(result.status).type('application/json').send(result.body);
    };

    app.post(
      '/v2/enqueue',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'PagerDuty Events API v2: trigger, acknowledge or resolve an alert',
          body: AnyJson,
          response,
        },
      },
      async (request, reply) => send(reply, () => ingest.enqueue(request.body)),
    );

    app.post(
      '/v2/change/enqueue',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'PagerDuty Events API v2 change event: onto the change calendar',
          body: AnyJson,
          response,
        },
      },
      async (request, reply) => send(reply, () => ingest.enqueueChange(request.body)),
    );

    for (const [kind, what] of [
      ['alertmanager', 'Prometheus Alertmanager webhook (payload version 4)'],
      ['grafana', 'Grafana alerting webhook'],
      ['generic', 'Generic JSON through the integration’s field mapping'],
    ] as const) {
      app.post(
        `/integrations/${kind}/:key`,
        {
          config: { access: 'public' },
          schema: { tags, summary: what, params: IngestKeyParams, body: AnyJson, response },
        },
        async (request, reply) => send(reply, () => ingest.webhook(kind, request.params.key, request.body)),
      );
    }
  };
}
