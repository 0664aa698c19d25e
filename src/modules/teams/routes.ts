import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { NoContent, ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import { CreateTeamBody, Team, TeamList, TeamMemberParams, TeamParams, UpdateTeamBody } from './schema.ts';
import type { TeamService } from './service.ts';

export function teamRoutes(service: TeamService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Teams'];
    const base = '/api/v1/engagements/:engagementId/teams';
    const manage = { access: { engagement: 'team.manage' as const } };
    app.get(
      base,
      {
        config: { access: { engagement: 'team.read' } },
        schema: {
          tags,
          summary: 'Teams of both parties',
          params: EngagementParams,
          response: { 200: TeamList, ...ProblemResponses },
        },
      },
      async (request) => ({ items: await service.listTeams(actorOf(request), request.params.engagementId) }),
    );

    app.post(
      base,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create a team',
          params: EngagementParams,
          body: CreateTeamBody,
          response: { 201: Team, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createTeam(actorOf(request), request.params.engagementId, request.body)),
    );

    app.patch(
      `${base}/:teamId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Rename or describe a team',
          params: TeamParams,
          body: UpdateTeamBody,
          response: { 200: Team, ...ProblemResponses },
        },
      },
      async (request) =>
        service.updateTeam(
          actorOf(request),
          request.params.engagementId,
          request.params.teamId,
          request.body,
        ),
    );

    app.delete(
      `${base}/:teamId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Delete a team',
          params: TeamParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        await service.deleteTeam(actorOf(request), request.params.engagementId, request.params.teamId);
        return reply.status(204).send(null);
      },
    );

    app.put(
      `${base}/:teamId/members/:userId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a member of the team’s party to the team',
          params: TeamMemberParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const { engagementId, teamId, userId } = request.params;
        await service.addTeamMember(actorOf(request), engagementId, teamId, userId);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      `${base}/:teamId/members/:userId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Take a member off the team',
          params: TeamMemberParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const { engagementId, teamId, userId } = request.params;
        await service.removeTeamMember(actorOf(request), engagementId, teamId, userId);
        return reply.status(204).send(null);
      },
    );
  };
}
