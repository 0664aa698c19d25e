import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { NoContent, ProblemResponses } from '../../platform/http/schema.ts';
import {
  AllowlistEntry,
  AllowlistPage,
  AllowlistParams,
  ContactMethodList,
  ContactMethodParams,
  CreatedContactMethod,
  NewAllowlistEntryBody,
  NewContactMethodBody,
  NotificationRules,
  TestOutcome,
} from './schema.ts';
import type { NotificationSettings } from './settings.ts';

export function notificationRoutes(settings: NotificationSettings) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Notifications'];
    const methods = '/api/v1/me/contact-methods';
    const method = `${methods}/:contactMethodId`;

    app.get(
      methods,
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Your contact methods: where pages reach you',
          response: { 200: ContactMethodList, ...ProblemResponses },
        },
      },
      async (request) => settings.listContactMethods(actorOf(request)),
    );
    app.post(
      methods,
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Add an e-mail address or a webhook (its signing secret is shown once)',
          body: NewContactMethodBody,
          response: { 201: CreatedContactMethod, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await settings.addContactMethod(actorOf(request), request.body)),
    );
    app.delete(
      method,
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Remove a contact method and the rules that use it',
          params: ContactMethodParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        await settings.removeContactMethod(actorOf(request), request.params.contactMethodId);
        return reply.status(204).send(null);
      },
    );
    app.post(
      `${method}/test`,
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Send a test message through a contact method now, and say whether it went out',
          params: ContactMethodParams,
          response: { 200: TestOutcome, ...ProblemResponses },
        },
      },
      async (request) => settings.testContactMethod(actorOf(request), request.params.contactMethodId),
    );

    app.get(
      '/api/v1/me/notification-rules',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'When a page reaches each of your contact methods',
          response: { 200: NotificationRules, ...ProblemResponses },
        },
      },
      async (request) => settings.listRules(actorOf(request)),
    );
    app.put(
      '/api/v1/me/notification-rules',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Replace your notification rules (e.g. e-mail at once, the webhook after 5 minutes)',
          body: NotificationRules,
          response: { 200: NotificationRules, ...ProblemResponses },
        },
      },
      async (request) => settings.replaceRules(actorOf(request), request.body.rules),
    );

    const allowlist = '/api/v1/webhook-allowlist';
    app.get(
      allowlist,
      {
        config: { access: { global: 'organization.manage' } },
        schema: {
          tags,
          summary: 'Private, loopback or link-local webhook targets that are allowed',
          response: { 200: AllowlistPage, ...ProblemResponses },
        },
      },
      async (request) => settings.listAllowlist(actorOf(request)),
    );
    app.post(
      allowlist,
      {
        config: { access: { global: 'organization.manage' } },
        schema: {
          tags,
          summary: 'Allow webhooks to a private target (an internal chat server, a lab network)',
          body: NewAllowlistEntryBody,
          response: { 201: AllowlistEntry, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await settings.allowTarget(actorOf(request), request.body.target)),
    );
    app.delete(
      `${allowlist}/:entryId`,
      {
        config: { access: { global: 'organization.manage' } },
        schema: {
          tags,
          summary: 'Stop allowing a private webhook target',
          params: AllowlistParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        await settings.disallowTarget(actorOf(request), request.params.entryId);
        return reply.status(204).send(null);
      },
    );
  };
}
