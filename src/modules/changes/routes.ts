import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { NoContent, ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import {
  ApprovalBody,
  Change,
  ChangePage,
  ChangeParams,
  ChangeQuery,
  ChangeTemplate,
  ChangeTemplateList,
  CreateChangeBody,
  CreateChangeTemplateBody,
  CreateFreezeWindowBody,
  FreezeWindow,
  FreezeWindowList,
  FreezeWindowParams,
  FreezeWindowQuery,
  UpdateChangeBody,
} from './schema.ts';
import type { ChangeService } from './service.ts';

export function changeRoutes(changes: ChangeService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Changes'];
    const engagement = '/api/v1/engagements/:engagementId';
    const base = `${engagement}/changes`;
    const one = `${base}/:changeId`;

    app.get(
      base,
      {
        config: { access: { engagement: 'change.read' } },
        schema: {
          tags,
          summary:
            'Change requests: filter by state and type, by window (the calendar), or your approval queue',
          params: EngagementParams,
          querystring: ChangeQuery,
          response: { 200: ChangePage, ...ProblemResponses },
        },
      },
      async (request) => changes.listChanges(actorOf(request), request.params.engagementId, request.query),
    );

    app.post(
      base,
      {
        config: { access: { engagement: 'change.create' } },
        schema: {
          tags,
          summary: 'Draft a change request (a ticket of kind change); with templateId, a standard change',
          params: EngagementParams,
          body: CreateChangeBody,
          response: { 201: Change, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await changes.createChange(actorOf(request), request.params.engagementId, request.body)),
    );

    app.get(
      one,
      {
        config: { access: { engagement: 'change.read' } },
        schema: {
          tags,
          summary: 'One change request',
          params: ChangeParams,
          response: { 200: Change, ...ProblemResponses },
        },
      },
      async (request) =>
        changes.getChange(actorOf(request), request.params.engagementId, request.params.changeId),
    );

    app.patch(
      one,
      {
        config: { access: { engagement: 'change.update' } },
        schema: {
          tags,
          summary:
            'Revise a draft, move the window, or move the state (409 for a move the lifecycle forbids or a window inside a freeze)',
          params: ChangeParams,
          body: UpdateChangeBody,
          response: { 200: Change, ...ProblemResponses },
        },
      },
      async (request) =>
        changes.updateChange(
          actorOf(request),
          request.params.engagementId,
          request.params.changeId,
          request.body,
        ),
    );

    app.post(
      `${one}/approvals`,
      {
        config: { access: { engagement: 'change.approve' } },
        schema: {
          tags,
          summary: 'Approve or reject (with a reason) as one of the approver party’s managers',
          params: ChangeParams,
          body: ApprovalBody,
          response: { 200: Change, ...ProblemResponses },
        },
      },
      async (request) =>
        changes.decideChange(
          actorOf(request),
          request.params.engagementId,
          request.params.changeId,
          request.body,
        ),
    );

    app.get(
      `${engagement}/freeze-windows`,
      {
        config: { access: { engagement: 'change.read' } },
        schema: {
          tags,
          summary: 'Freeze windows, earliest first; from/to narrow to those overlapping the range',
          params: EngagementParams,
          querystring: FreezeWindowQuery,
          response: { 200: FreezeWindowList, ...ProblemResponses },
        },
      },
      async (request) => ({
        items: await changes.listFreezeWindows(actorOf(request), request.params.engagementId, request.query),
      }),
    );

    app.post(
      `${engagement}/freeze-windows`,
      {
        config: { access: { engagement: 'freeze.manage' } },
        schema: {
          tags,
          summary: 'Declare a freeze window: no change may be scheduled in it (emergencies excepted)',
          params: EngagementParams,
          body: CreateFreezeWindowBody,
          response: { 201: FreezeWindow, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await changes.createFreezeWindow(actorOf(request), request.params.engagementId, request.body),
          ),
    );

    app.delete(
      `${engagement}/freeze-windows/:freezeWindowId`,
      {
        config: { access: { engagement: 'freeze.manage' } },
        schema: {
          tags,
          summary: 'Lift a freeze window',
          params: FreezeWindowParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const { engagementId, freezeWindowId } = request.params;
        await changes.deleteFreezeWindow(actorOf(request), engagementId, freezeWindowId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${engagement}/change-templates`,
      {
        config: { access: { engagement: 'change.read' } },
        schema: {
          tags,
          summary: 'Templates of standard (pre-approved) changes, by name',
          params: EngagementParams,
          response: { 200: ChangeTemplateList, ...ProblemResponses },
        },
      },
      async (request) => ({
        items: await changes.listTemplates(actorOf(request), request.params.engagementId),
      }),
    );

    app.post(
      `${engagement}/change-templates`,
      {
        config: { access: { engagement: 'change.approve' } },
        schema: {
          tags,
          summary: 'Pre-approve a standard change as a template (the approver party’s managers)',
          params: EngagementParams,
          body: CreateChangeTemplateBody,
          response: { 201: ChangeTemplate, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await changes.createTemplate(actorOf(request), request.params.engagementId, request.body)),
    );
  };
}
