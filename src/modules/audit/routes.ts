import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import { AuditPage, AuditQuery } from './schema.ts';
import type { AuditService } from './service.ts';

export function auditRoutes(service: AuditService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/api/v1/engagements/:engagementId/audit',
      {
        config: { access: { engagement: 'audit.read' } },
        schema: {
          tags: ['Audit'],
          summary: 'The engagement’s audit log, newest first',
          params: EngagementParams,
          querystring: AuditQuery,
          response: { 200: AuditPage, ...ProblemResponses },
        },
      },
      async (request) => service.listEvents(actorOf(request), request.params.engagementId, request.query),
    );
  };
}
