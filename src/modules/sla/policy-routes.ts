import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import type { SlaPolicyService } from './policies.ts';
import { SlaPolicy, SlaPolicyBody, SlaPolicyList, SlaPolicyParams } from './policy-schema.ts';

export function slaPolicyRoutes(service: SlaPolicyService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['SLA'];
    const base = '/api/v1/engagements/:engagementId/sla-policies';
    const read = { access: { engagement: 'sla.read' as const } };
    const manage = { access: { engagement: 'sla.manage' as const } };

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          summary: 'SLA policies of the engagement: targets for both parties',
          params: EngagementParams,
          response: { 200: SlaPolicyList, ...ProblemResponses },
        },
      },
      async (request) => ({
        items: await service.listPolicies(actorOf(request), request.params.engagementId),
      }),
    );

    app.post(
      base,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create an SLA policy for some ticket kinds (or, naming none, for the rest)',
          params: EngagementParams,
          body: SlaPolicyBody,
          response: { 201: SlaPolicy, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createPolicy(actorOf(request), request.params.engagementId, request.body)),
    );

    app.get(
      `${base}/:policyId`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One SLA policy',
          params: SlaPolicyParams,
          response: { 200: SlaPolicy, ...ProblemResponses },
        },
      },
      async (request) =>
        service.getPolicy(actorOf(request), request.params.engagementId, request.params.policyId),
    );

    app.put(
      `${base}/:policyId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Replace an SLA policy; running clocks keep the targets they started with',
          params: SlaPolicyParams,
          body: SlaPolicyBody,
          response: { 200: SlaPolicy, ...ProblemResponses },
        },
      },
      async (request) =>
        service.updatePolicy(
          actorOf(request),
          request.params.engagementId,
          request.params.policyId,
          request.body,
        ),
    );
  };
}
