import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import type { CoverageService } from './coverage-service.ts';
import {
  CoverageMap,
  CoverageQuery,
  GapsQuery,
  MatrixGapList,
  ResolveBody,
  ResolvedRoute,
} from './schema.ts';
import type { RoutingService } from './service.ts';

export function routingRoutes(routing: RoutingService, coverage: CoverageService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    app.post(
      '/api/v1/engagements/:engagementId/routing/resolve',
      {
        config: { access: { engagement: 'routing.resolve' } },
        schema: {
          tags: ['Routing'],
          summary: 'Who owns this function and scenario now (or at a chosen time), who is paged, and why',
          description: 'Reads only the signed matrix in effect: an unsigned draft never changes routing.',
          params: EngagementParams,
          body: ResolveBody,
          response: { 200: ResolvedRoute, ...ProblemResponses },
        },
      },
      async (request) => routing.resolve(actorOf(request), request.params.engagementId, request.body),
    );

    app.get(
      '/api/v1/engagements/:engagementId/coverage',
      {
        config: { access: { engagement: 'routing.resolve' } },
        schema: {
          tags: ['Routing'],
          summary: 'Coverage map: who covers each function and track over a range, every gap, the 24/7 score',
          params: EngagementParams,
          querystring: CoverageQuery,
          response: { 200: CoverageMap, ...ProblemResponses },
        },
      },
      async (request) => coverage.coverage(actorOf(request), request.params.engagementId, request.query),
    );

    app.get(
      '/api/v1/engagements/:engagementId/matrix/gaps',
      {
        config: { access: { engagement: 'matrix.read' } },
        schema: {
          tags: ['Responsibility matrix'],
          summary:
            'Cells without an owner and times nobody covers, in the draft (default) or the version in effect',
          params: EngagementParams,
          querystring: GapsQuery,
          response: { 200: MatrixGapList, ...ProblemResponses },
        },
      },
      async (request) => coverage.gaps(actorOf(request), request.params.engagementId, request.query.version),
    );
  };
}
