import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { NoContent, ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import type { TicketCommentService } from './comments.ts';
import {
  ActivityList,
  Comment,
  CommentList,
  CreateCommentBody,
  CreateTicketBody,
  CrossEngagementTicketQuery,
  Ticket,
  TicketPage,
  TicketParams,
  TicketQuery,
  UpdateTicketBody,
  WatcherParams,
} from './schema.ts';
import type { TicketService } from './service.ts';
import type { TicketWatcherService } from './watchers.ts';

export function ticketRoutes(
  tickets: TicketService,
  comments: TicketCommentService,
  watchers: TicketWatcherService,
) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Tickets'];
    const base = '/api/v1/engagements/:engagementId/tickets';
    const one = `${base}/:ticketId`;

    app.get(
      '/api/v1/tickets',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'One queue across all your engagements; each item names its engagement',
          querystring: CrossEngagementTicketQuery,
          response: { 200: TicketPage, ...ProblemResponses },
        },
      },
      async (request) => tickets.listAcrossEngagements(actorOf(request), request.query),
    );

    app.get(
      base,
      {
        config: { access: { engagement: 'ticket.read' } },
        schema: {
          tags,
          summary: 'Tickets of the engagement, filtered, sorted and paged',
          params: EngagementParams,
          querystring: TicketQuery,
          response: { 200: TicketPage, ...ProblemResponses },
        },
      },
      async (request) => tickets.listTickets(actorOf(request), request.params.engagementId, request.query),
    );

    app.post(
      base,
      {
        config: { access: { engagement: 'ticket.create' } },
        schema: {
          tags,
          summary: 'Open a ticket',
          params: EngagementParams,
          body: CreateTicketBody,
          response: { 201: Ticket, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await tickets.createTicket(actorOf(request), request.params.engagementId, request.body)),
    );

    app.get(
      one,
      {
        config: { access: { engagement: 'ticket.read' } },
        schema: {
          tags,
          summary: 'One ticket',
          params: TicketParams,
          response: { 200: Ticket, ...ProblemResponses },
        },
      },
      async (request) =>
        tickets.getTicket(actorOf(request), request.params.engagementId, request.params.ticketId),
    );

    app.patch(
      one,
      {
        config: { access: { engagement: 'ticket.update' } },
        schema: {
          tags,
          summary: 'Change a ticket (status moves follow the transition table: 409 otherwise)',
          params: TicketParams,
          body: UpdateTicketBody,
          response: { 200: Ticket, ...ProblemResponses },
        },
      },
      async (request) =>
        tickets.updateTicket(
          actorOf(request),
          request.params.engagementId,
          request.params.ticketId,
          request.body,
        ),
    );

    app.get(
      `${one}/comments`,
      {
        config: { access: { engagement: 'ticket.read' } },
        schema: {
          tags,
          summary: 'Comments you may see, oldest first',
          params: TicketParams,
          response: { 200: CommentList, ...ProblemResponses },
        },
      },
      async (request) => ({
        items: await comments.listComments(
          actorOf(request),
          request.params.engagementId,
          request.params.ticketId,
        ),
      }),
    );

    app.post(
      `${one}/comments`,
      {
        config: { access: { engagement: 'ticket.comment' } },
        schema: {
          tags,
          summary: 'Comment, shared or as a private note of your party',
          params: TicketParams,
          body: CreateCommentBody,
          response: { 201: Comment, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await comments.addComment(
              actorOf(request),
              request.params.engagementId,
              request.params.ticketId,
              request.body,
            ),
          ),
    );

    app.get(
      `${one}/activity`,
      {
        config: { access: { engagement: 'ticket.read' } },
        schema: {
          tags,
          summary: 'The ticket’s timeline: who changed what, when',
          params: TicketParams,
          response: { 200: ActivityList, ...ProblemResponses },
        },
      },
      async (request) => ({
        items: await comments.listActivity(
          actorOf(request),
          request.params.engagementId,
          request.params.ticketId,
        ),
      }),
    );

    for (const [method, watching] of [
      ['PUT', true],
      ['DELETE', false],
    ] as const) {
      app.route({
        method,
        url: `${one}/watchers/:userId`,
        config: { access: { engagement: 'ticket.read' } },
        schema: {
          tags,
          summary: watching
            ? 'Follow the ticket (or, with the right to change tickets, add someone)'
            : 'Stop following the ticket',
          params: WatcherParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
        handler: async (request, reply) => {
          const { engagementId, ticketId, userId } = request.params;
          const change = watching ? watchers.watch : watchers.unwatch;
          await change(actorOf(request), engagementId, ticketId, userId);
          return reply.status(204).send(null);
        },
      });
    }
  };
}
