import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import {
  AnswerBody,
  AskBody,
  InfoRequest,
  InfoRequestPage,
  InfoRequestParams,
  InfoRequestQuery,
} from './schema.ts';
import type { InfoRequestService } from './service.ts';

export function infoRequestRoutes(requests: InfoRequestService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Information requests'];
    const base = '/api/v1/engagements/:engagementId/info-requests';

    app.post(
      base,
      {
        config: { access: { engagement: 'info_request.ask' } },
        schema: {
          tags,
          summary: 'Ask the other party a question, on a ticket or as a new info_request ticket',
          description:
            'The ticket moves to waiting on the other party: their answer clock runs, yours pauses.',
          params: EngagementParams,
          body: AskBody,
          response: { 201: InfoRequest, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await requests.ask(actorOf(request), request.params.engagementId, request.body)),
    );

    app.get(
      base,
      {
        config: { access: { engagement: 'info_request.read' } },
        schema: {
          tags,
          summary: 'Questions between the parties, newest first',
          params: EngagementParams,
          querystring: InfoRequestQuery,
          response: { 200: InfoRequestPage, ...ProblemResponses },
        },
      },
      async (request) => requests.listRequests(actorOf(request), request.params.engagementId, request.query),
    );

    app.get(
      `${base}/:infoRequestId`,
      {
        config: { access: { engagement: 'info_request.read' } },
        schema: {
          tags,
          summary: 'One question',
          params: InfoRequestParams,
          response: { 200: InfoRequest, ...ProblemResponses },
        },
      },
      async (request) =>
        requests.getRequest(actorOf(request), request.params.engagementId, request.params.infoRequestId),
    );

    app.post(
      `${base}/:infoRequestId/answer`,
      {
        config: { access: { engagement: 'info_request.answer' } },
        schema: {
          tags,
          summary: 'Answer a question asked of your party; the ticket goes back to the asking side',
          params: InfoRequestParams,
          body: AnswerBody,
          response: { 200: InfoRequest, ...ProblemResponses },
        },
      },
      async (request) =>
        requests.answer(
          actorOf(request),
          request.params.engagementId,
          request.params.infoRequestId,
          request.body.answer,
        ),
    );

    app.post(
      `${base}/:infoRequestId/withdraw`,
      {
        config: { access: { engagement: 'info_request.ask' } },
        schema: {
          tags,
          summary: 'Withdraw a question your party asked',
          params: InfoRequestParams,
          response: { 200: InfoRequest, ...ProblemResponses },
        },
      },
      async (request) =>
        requests.withdraw(actorOf(request), request.params.engagementId, request.params.infoRequestId),
    );
  };
}
