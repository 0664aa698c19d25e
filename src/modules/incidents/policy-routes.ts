import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { NoContent, ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import { Drill, DrillList, DrillParams } from './drill-schema.ts';
import type { DrillService } from './drills.ts';
import type { PolicyService } from './policies.ts';
import { EscalationPolicy, EscalationPolicyList, PolicyBody, PolicyParams } from './policy-schema.ts';

/** Escalation policies and their drills. */
export function policyRoutes(policies: PolicyService, drills: DrillService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Escalation policies'];
    const base = '/api/v1/engagements/:engagementId/escalation-policies';
    const one = `${base}/:escalationPolicyId`;
    const read = { access: { engagement: 'escalation.read' as const } };
    const manage = { access: { engagement: 'escalation.manage' as const } };

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          summary: 'Escalation policies of the engagement',
          params: EngagementParams,
          response: { 200: EscalationPolicyList, ...ProblemResponses },
        },
      },
      async (request) => policies.listPolicies(actorOf(request), request.params.engagementId),
    );

    app.post(
      base,
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Create a policy: levels of users, schedules and teams of either party, a delay each, a repeat count',
          params: EngagementParams,
          body: PolicyBody,
          response: { 201: EscalationPolicy, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await policies.createPolicy(actorOf(request), request.params.engagementId, request.body)),
    );

    app.get(
      one,
      {
        config: read,
        schema: {
          tags,
          summary: 'One escalation policy',
          params: PolicyParams,
          response: { 200: EscalationPolicy, ...ProblemResponses },
        },
      },
      async (request) =>
        policies.getPolicy(actorOf(request), request.params.engagementId, request.params.escalationPolicyId),
    );

    app.put(
      one,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Replace a policy (incidents already escalating keep the snapshot they started with)',
          params: PolicyParams,
          body: PolicyBody,
          response: { 200: EscalationPolicy, ...ProblemResponses },
        },
      },
      async (request) =>
        policies.updatePolicy(
          actorOf(request),
          request.params.engagementId,
          request.params.escalationPolicyId,
          request.body,
        ),
    );

    app.delete(
      one,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Delete a policy',
          params: PolicyParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        await policies.deletePolicy(
          actorOf(request),
          request.params.engagementId,
          request.params.escalationPolicyId,
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${one}/drills`,
      {
        config: { access: { engagement: 'drill.run' } },
        schema: {
          tags,
          summary:
            'Run a drill of the policy: every level pages for real, marked [DRILL]; no incident is opened',
          params: PolicyParams,
          response: { 201: Drill, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await drills.startDrill(
              actorOf(request),
              request.params.engagementId,
              request.params.escalationPolicyId,
            ),
          ),
    );

    const drillBase = '/api/v1/engagements/:engagementId/drills';
    app.get(
      drillBase,
      {
        config: read,
        schema: {
          tags,
          summary: 'Drills run in the engagement, newest first',
          params: EngagementParams,
          response: { 200: DrillList, ...ProblemResponses },
        },
      },
      async (request) => drills.listDrills(actorOf(request), request.params.engagementId),
    );

    app.get(
      `${drillBase}/:drillId`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One drill: each level’s pages, who acknowledged and when, the levels missed',
          params: DrillParams,
          response: { 200: Drill, ...ProblemResponses },
        },
      },
      async (request) =>
        drills.getDrill(actorOf(request), request.params.engagementId, request.params.drillId),
    );

    app.post(
      `${drillBase}/:drillId/acknowledge`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Acknowledge your page of the drill; at the current level the drill moves on at once',
          params: DrillParams,
          response: { 200: Drill, ...ProblemResponses },
        },
      },
      async (request) =>
        drills.acknowledgeDrill(actorOf(request), request.params.engagementId, request.params.drillId),
    );
  };
}
