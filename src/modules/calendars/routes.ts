import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import {
  AddBusinessTimeBody,
  BusinessMinutes,
  BusinessMinutesBetweenBody,
  BusinessTimeDue,
  Calendar,
  CalendarBody,
  CalendarList,
  CalendarParams,
} from './schema.ts';
import type { CalendarService } from './service.ts';

export function calendarRoutes(service: CalendarService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Calendars'];
    const base = '/api/v1/engagements/:engagementId/calendars';
    const read = { access: { engagement: 'calendar.read' as const } };
    const manage = { access: { engagement: 'calendar.manage' as const } };

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          summary: 'Business-hours calendars of the engagement, by name',
          params: EngagementParams,
          response: { 200: CalendarList, ...ProblemResponses },
        },
      },
      async (request) => ({
        items: await service.listCalendars(actorOf(request), request.params.engagementId),
      }),
    );

    app.post(
      base,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create a calendar: a time zone, weekly hours and holidays',
          params: EngagementParams,
          body: CalendarBody,
          response: { 201: Calendar, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createCalendar(actorOf(request), request.params.engagementId, request.body)),
    );

    app.get(
      `${base}/:calendarId`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One calendar',
          params: CalendarParams,
          response: { 200: Calendar, ...ProblemResponses },
        },
      },
      async (request) =>
        service.getCalendar(actorOf(request), request.params.engagementId, request.params.calendarId),
    );

    app.put(
      `${base}/:calendarId`,
      {
        config: manage,
        schema: {
          tags,
          summary: 'Replace a calendar’s name, zone, hours and holidays',
          params: CalendarParams,
          body: CalendarBody,
          response: { 200: Calendar, ...ProblemResponses },
        },
      },
      async (request) =>
        service.updateCalendar(
          actorOf(request),
          request.params.engagementId,
          request.params.calendarId,
          request.body,
        ),
    );

    // Computations, not writes: POST only because they take a body.
    app.post(
      `${base}/:calendarId/add-business-time`,
      {
        config: read,
        schema: {
          tags,
          summary: 'When a number of business minutes after an instant falls due on this calendar',
          params: CalendarParams,
          body: AddBusinessTimeBody,
          response: { 200: BusinessTimeDue, ...ProblemResponses },
        },
      },
      async (request) =>
        service.addBusinessTime(
          actorOf(request),
          request.params.engagementId,
          request.params.calendarId,
          request.body,
        ),
    );

    app.post(
      `${base}/:calendarId/business-minutes-between`,
      {
        config: read,
        schema: {
          tags,
          summary: 'How many business minutes lie between two instants on this calendar',
          params: CalendarParams,
          body: BusinessMinutesBetweenBody,
          response: { 200: BusinessMinutes, ...ProblemResponses },
        },
      },
      async (request) =>
        service.businessMinutesBetween(
          actorOf(request),
          request.params.engagementId,
          request.params.calendarId,
          request.body,
        ),
    );
  };
}
