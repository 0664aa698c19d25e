import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { NoContent, ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import { AddMemberBody, Member, MemberList, MemberParams, UpdateMemberBody } from './schema.ts';
import type { MemberService } from './service.ts';

export function memberRoutes(service: MemberService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Members'];
    const base = '/api/v1/engagements/:engagementId/members';
    app.get(
      base,
      {
        config: { access: { engagement: 'member.read' } },
        schema: {
          tags,
          summary: 'Members of the engagement, both parties',
          params: EngagementParams,
          response: { 200: MemberList, ...ProblemResponses },
        },
      },
      async (request) => ({
        items: await service.listMembers(actorOf(request), request.params.engagementId),
      }),
    );

    app.post(
      base,
      {
        config: { access: { engagement: 'member.manage' } },
        schema: {
          tags,
          summary: 'Add an existing user to the engagement',
          params: EngagementParams,
          body: AddMemberBody,
          response: { 201: Member, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.addMember(actorOf(request), request.params.engagementId, request.body)),
    );

    app.patch(
      `${base}/:userId`,
      {
        config: { access: { engagement: 'member.manage' } },
        schema: {
          tags,
          summary: 'Change a member’s role',
          params: MemberParams,
          body: UpdateMemberBody,
          response: { 200: Member, ...ProblemResponses },
        },
      },
      async (request) =>
        service.changeRole(
          actorOf(request),
          request.params.engagementId,
          request.params.userId,
          request.body.role,
        ),
    );

    app.delete(
      `${base}/:userId`,
      {
        config: { access: { engagement: 'member.manage' } },
        schema: {
          tags,
          summary: 'Remove a member',
          params: MemberParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        await service.removeMember(actorOf(request), request.params.engagementId, request.params.userId);
        return reply.status(204).send(null);
      },
    );
  };
}
