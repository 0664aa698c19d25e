import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { CreateEngagementBody, EngagementDetail, EngagementList, EngagementParams } from './schema.ts';
import type { EngagementService } from './service.ts';

export function engagementRoutes(service: EngagementService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Engagements'];
    app.get(
      '/api/v1/engagements',
      {
        config: { access: 'user' },
        schema: { tags, summary: 'Your engagements', response: { 200: EngagementList, ...ProblemResponses } },
      },
      async (request) => ({ items: await service.listEngagements(actorOf(request)) }),
    );

    app.post(
      '/api/v1/engagements',
      {
        config: { access: { global: 'engagement.create' } },
        schema: {
          tags,
          summary: 'Open an engagement with a client organization',
          body: CreateEngagementBody,
          response: { 201: EngagementDetail, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const { id } = await service.createEngagement(actorOf(request), request.body);
        // The creator's new membership is not in this request's actor; reload it.
        const actor = actorOf(request);
        const standing = { party: 'provider' as const, role: 'admin' as const };
        const engagements = new Map(actor.engagements).set(id, standing);
        return reply.status(201).send(await service.getEngagement({ ...actor, engagements }, id));
      },
    );

    app.get(
      '/api/v1/engagements/:engagementId',
      {
        config: { access: { engagement: 'engagement.read' } },
        schema: {
          tags,
          summary: 'One engagement, its parties and what you may do there',
          params: EngagementParams,
          response: { 200: EngagementDetail, ...ProblemResponses },
        },
      },
      async (request) => service.getEngagement(actorOf(request), request.params.engagementId),
    );
  };
}
