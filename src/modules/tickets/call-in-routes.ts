import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/http/access-hook.ts';
import { NoContent, ProblemResponses } from '../../platform/http/schema.ts';
import type { CallInService } from './call-in.ts';
import { TicketParams } from './schema.ts';

const CallInBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000, description: 'What you need them for.' }) },
  { additionalProperties: false },
);

export function callInRoutes(calls: CallInService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Tickets'];
    const base = '/api/v1/engagements/:engagementId/tickets/:ticketId';

    app.post(
      `${base}/call-in`,
      {
        config: { access: { engagement: 'ticket.update' } },
        schema: {
          tags,
          summary: 'Call the other party into an incident; starts their incident_join clock',
          params: TicketParams,
          body: CallInBody,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const { engagementId, ticketId } = request.params;
        await calls.callIn(actorOf(request), engagementId, ticketId, request.body.reason);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/join`,
      {
        config: { access: { engagement: 'ticket.update' } },
        schema: {
          tags,
          summary: 'Join an incident for your party; stops your incident_join clock',
          params: TicketParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const { engagementId, ticketId } = request.params;
        await calls.join(actorOf(request), engagementId, ticketId);
        return reply.status(204).send(null);
      },
    );
  };
}
