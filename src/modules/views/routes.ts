import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { NoContent, ProblemResponses } from '../../platform/http/schema.ts';
import { CreateViewBody, SavedView, SavedViewList, ViewParams } from './schema.ts';
import type { ViewService } from './service.ts';

export function viewRoutes(views: ViewService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Views'];
    const base = '/api/v1/me/views';

    app.get(
      base,
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Your saved ticket views, by name',
          response: { 200: SavedViewList, ...ProblemResponses },
        },
      },
      async (request) => ({ items: await views.listViews(actorOf(request)) }),
    );

    app.post(
      base,
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Save a ticket query as a named view (yours alone)',
          body: CreateViewBody,
          response: { 201: SavedView, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await views.createView(actorOf(request), request.body)),
    );

    app.delete(
      `${base}/:viewId`,
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Delete one of your views',
          params: ViewParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        await views.deleteView(actorOf(request), request.params.viewId);
        return reply.status(204).send(null);
      },
    );
  };
}
