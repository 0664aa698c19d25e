import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import type { BulkTicketService } from './bulk.ts';
import { BulkUpdateBody, BulkUpdateResult } from './bulk-schema.ts';

export function bulkTicketRoutes(bulk: BulkTicketService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    app.post(
      '/api/v1/engagements/:engagementId/tickets/bulk',
      {
        config: { access: { engagement: 'ticket.update' } },
        schema: {
          tags: ['Tickets'],
          summary: 'Change up to 200 tickets at once; each follows the rules of a single change',
          params: EngagementParams,
          body: BulkUpdateBody,
          response: { 200: BulkUpdateResult, ...ProblemResponses },
        },
      },
      async (request) => bulk.bulkUpdate(actorOf(request), request.params.engagementId, request.body),
    );
  };
}
