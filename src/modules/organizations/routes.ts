import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import {
  CreateOrganizationBody,
  CreateUserBody,
  Organization,
  OrganizationList,
  UpdateUserBody,
  User,
  UserList,
  UserParams,
} from './schema.ts';
import type { OrganizationService } from './service.ts';

export function organizationRoutes(service: OrganizationService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Organizations and users'];
    app.get(
      '/api/v1/organizations',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Organizations you can see',
          response: { 200: OrganizationList, ...ProblemResponses },
        },
      },
      async (request) => ({ items: await service.listOrganizations(actorOf(request)) }),
    );

    app.post(
      '/api/v1/organizations',
      {
        config: { access: { global: 'organization.manage' } },
        schema: {
          tags,
          summary: 'Add a client organization',
          body: CreateOrganizationBody,
          response: { 201: Organization, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createOrganization(actorOf(request), request.body)),
    );

    app.get(
      '/api/v1/users',
      {
        config: { access: { global: 'user.read' } },
        schema: { tags, summary: 'Users you administer', response: { 200: UserList, ...ProblemResponses } },
      },
      async (request) => ({ items: await service.listUsers(actorOf(request)) }),
    );

    app.post(
      '/api/v1/users',
      {
        config: { access: { global: 'user.manage' } },
        schema: {
          tags,
          summary: 'Create a user',
          body: CreateUserBody,
          response: { 201: User, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createUser(actorOf(request), request.body)),
    );

    app.patch(
      '/api/v1/users/:userId',
      {
        config: { access: { global: 'user.manage' } },
        schema: {
          tags,
          summary: 'Rename, re-role, disable or enable a user',
          params: UserParams,
          body: UpdateUserBody,
          response: { 200: User, ...ProblemResponses },
        },
      },
      async (request) => service.updateUser(actorOf(request), request.params.userId, request.body),
    );
  };
}
