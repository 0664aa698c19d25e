import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import type { createAlertReads } from './alerts.ts';
import type { createIntegrations } from './integrations.ts';
import {
  AlertDetail,
  AlertPage,
  AlertParams,
  AlertQuery,
  CreateIntegrationBody,
  Integration,
  IntegrationDetail,
  IntegrationList,
  IntegrationParams,
  IntegrationWithKey,
  UpdateIntegrationBody,
} from './schema.ts';

export function integrationRoutes(
  integrations: ReturnType<typeof createIntegrations>,
  alerts: ReturnType<typeof createAlertReads>,
) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Integrations and alerts'];
    const engagement = '/api/v1/engagements/:engagementId';
    const base = `${engagement}/integrations`;
    const one = `${base}/:integrationId`;

    app.get(
      base,
      {
        config: { access: { engagement: 'integration.read' } },
        schema: {
          tags,
          summary: 'Integrations: where alerts come from',
          params: EngagementParams,
          response: { 200: IntegrationList, ...ProblemResponses },
        },
      },
      async (request) => ({
        items: await integrations.listIntegrations(actorOf(request), request.params.engagementId),
      }),
    );

    app.post(
      base,
      {
        config: { access: { engagement: 'integration.manage' } },
        schema: {
          tags,
          summary: 'Add an integration; its key is in this answer only',
          params: EngagementParams,
          body: CreateIntegrationBody,
          response: { 201: IntegrationWithKey, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await integrations.createIntegration(actorOf(request), request.params.engagementId, request.body),
          ),
    );

    app.get(
      one,
      {
        config: { access: { engagement: 'integration.read' } },
        schema: {
          tags,
          summary:
            'One integration with ready-to-paste snippets and its latest events, rejected ones included',
          params: IntegrationParams,
          response: { 200: IntegrationDetail, ...ProblemResponses },
        },
      },
      async (request) =>
        integrations.getIntegration(
          actorOf(request),
          request.params.engagementId,
          request.params.integrationId,
        ),
    );

    app.patch(
      one,
      {
        config: { access: { engagement: 'integration.manage' } },
        schema: {
          tags,
          summary: 'Rename, change routing defaults, mapping or rate, disable or enable',
          params: IntegrationParams,
          body: UpdateIntegrationBody,
          response: { 200: Integration, ...ProblemResponses },
        },
      },
      async (request) =>
        integrations.updateIntegration(
          actorOf(request),
          request.params.engagementId,
          request.params.integrationId,
          request.body,
        ),
    );

    app.post(
      `${one}/rotate-key`,
      {
        config: { access: { engagement: 'integration.manage' } },
        schema: {
          tags,
          summary: 'A new key (in this answer only); the old key stops at once',
          params: IntegrationParams,
          response: { 200: IntegrationWithKey, ...ProblemResponses },
        },
      },
      async (request) =>
        integrations.rotateKey(actorOf(request), request.params.engagementId, request.params.integrationId),
    );

    app.get(
      `${engagement}/alerts`,
      {
        config: { access: { engagement: 'alert.read' } },
        schema: {
          tags,
          summary: 'Alerts, latest activity first',
          params: EngagementParams,
          querystring: AlertQuery,
          response: { 200: AlertPage, ...ProblemResponses },
        },
      },
      async (request) => alerts.listAlerts(actorOf(request), request.params.engagementId, request.query),
    );

    app.get(
      `${engagement}/alerts/:alertId`,
      {
        config: { access: { engagement: 'alert.read' } },
        schema: {
          tags,
          summary: 'One alert with its details and every event it received',
          params: AlertParams,
          response: { 200: AlertDetail, ...ProblemResponses },
        },
      },
      async (request) =>
        alerts.getAlert(actorOf(request), request.params.engagementId, request.params.alertId),
    );
  };
}
