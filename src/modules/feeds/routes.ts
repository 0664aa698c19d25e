import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/http/access-hook.ts';
import { NoContent, ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import type { FeedService } from './service.ts';

const FeedBody = Type.Object(
  {
    scheduleId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()], {
      description: 'A schedule’s whole rota; null for your own shifts across the engagement.',
    }),
  },
  { additionalProperties: false },
);
const CreatedFeed = Type.Object(
  {
    id: Type.String(),
    scheduleId: Type.Union([Type.String(), Type.Null()]),
    url: Type.String({ description: 'Shown once: subscribe to it in Google, Outlook or Apple Calendar.' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
const FeedList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          scheduleId: Type.Union([Type.String(), Type.Null()]),
          scheduleName: Type.Union([Type.String(), Type.Null()]),
          createdAt: Type.String({ format: 'date-time' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
const FeedParams = Type.Object(
  { ...EngagementParams.properties, feedId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
const TokenParams = Type.Object({ token: Type.String({ maxLength: 100 }) }, { additionalProperties: false });

export function feedRoutes(feeds: FeedService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['On-call schedules'];
    const base = '/api/v1/engagements/:engagementId/calendar-feeds';

    app.post(
      base,
      {
        config: { access: { engagement: 'schedule.read' } },
        schema: {
          tags,
          summary: 'A secret iCalendar URL of a schedule or of your own shifts',
          params: EngagementParams,
          body: FeedBody,
          response: { 201: CreatedFeed, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await feeds.createFeed(actorOf(request), request.params.engagementId, request.body.scheduleId),
          ),
    );
    app.get(
      base,
      {
        config: { access: { engagement: 'schedule.read' } },
        schema: {
          tags,
          summary: 'Your calendar feeds (URLs are not shown again)',
          params: EngagementParams,
          response: { 200: FeedList, ...ProblemResponses },
        },
      },
      async (request) => feeds.listFeeds(actorOf(request), request.params.engagementId),
    );
    app.delete(
      `${base}/:feedId`,
      {
        config: { access: { engagement: 'schedule.read' } },
        schema: {
          tags,
          summary: 'Revoke a feed: its URL stops working at once',
          params: FeedParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        await feeds.revokeFeed(actorOf(request), request.params.engagementId, request.params.feedId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/feeds/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'An iCalendar feed by its secret URL (…/feeds/tdmcal_….ics)',
          params: TokenParams,
          response: { 200: Type.String({ description: 'text/calendar' }), ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const token = request.params.token.replace(/\.ics$/, '');
        const text = await feeds.render(token);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .send(text);
      },
    );
  };
}
