import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { NoContent, ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import type { ScheduleCoverService } from './cover.ts';
import {
  AtQuery,
  MyShifts,
  OnCall,
  Override,
  OverrideList,
  OverrideParams,
  RangeQuery,
  Schedule,
  ScheduleBody,
  ScheduleList,
  ScheduleParams,
  Shifts,
  SpanBody,
  TimeOff,
  TimeOffBody,
  TimeOffList,
  TimeOffParams,
} from './schema.ts';
import type { ScheduleService } from './service.ts';

export function scheduleRoutes(schedules: ScheduleService, cover: ScheduleCoverService) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['On-call schedules'];
    const base = '/api/v1/engagements/:engagementId/schedules';
    const read = { access: { engagement: 'schedule.read' } } as const;

    app.get(
      base,
      {
        config: read,
        schema: {
          tags,
          summary: 'Both parties’ on-call schedules',
          params: EngagementParams,
          response: { 200: ScheduleList, ...ProblemResponses },
        },
      },
      async (request) => schedules.listSchedules(actorOf(request), request.params.engagementId),
    );
    app.post(
      base,
      {
        config: { access: { engagement: 'schedule.manage' } },
        schema: {
          tags,
          summary: 'Create a schedule: layers of rotations for one party and track',
          params: EngagementParams,
          body: ScheduleBody,
          response: { 201: Schedule, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await schedules.createSchedule(actorOf(request), request.params.engagementId, request.body)),
    );
    app.get(
      `${base}/:scheduleId`,
      {
        config: read,
        schema: {
          tags,
          summary: 'One schedule',
          params: ScheduleParams,
          response: { 200: Schedule, ...ProblemResponses },
        },
      },
      async (request) =>
        schedules.getSchedule(actorOf(request), request.params.engagementId, request.params.scheduleId),
    );
    app.put(
      `${base}/:scheduleId`,
      {
        config: { access: { engagement: 'schedule.manage' } },
        schema: {
          tags,
          summary: 'Replace a schedule’s layers and settings',
          params: ScheduleParams,
          body: ScheduleBody,
          response: { 200: Schedule, ...ProblemResponses },
        },
      },
      async (request) =>
        schedules.updateSchedule(
          actorOf(request),
          request.params.engagementId,
          request.params.scheduleId,
          request.body,
        ),
    );
    app.get(
      `${base}/:scheduleId/oncall`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Who is on call at an instant (default now)',
          params: ScheduleParams,
          querystring: AtQuery,
          response: { 200: OnCall, ...ProblemResponses },
        },
      },
      async (request) =>
        schedules.onCall(
          actorOf(request),
          request.params.engagementId,
          request.params.scheduleId,
          request.query.at,
        ),
    );
    app.get(
      `${base}/:scheduleId/shifts`,
      {
        config: read,
        schema: {
          tags,
          summary: 'The final shifts, each layer’s shifts and the gaps of a range',
          params: ScheduleParams,
          querystring: RangeQuery,
          response: { 200: Shifts, ...ProblemResponses },
        },
      },
      async (request) =>
        schedules.shifts(
          actorOf(request),
          request.params.engagementId,
          request.params.scheduleId,
          request.query,
        ),
    );
    app.get(
      `${base}/:scheduleId/overrides`,
      {
        config: read,
        schema: {
          tags,
          summary: 'Overrides overlapping a range',
          params: ScheduleParams,
          querystring: RangeQuery,
          response: { 200: OverrideList, ...ProblemResponses },
        },
      },
      async (request) =>
        cover.listOverrides(
          actorOf(request),
          request.params.engagementId,
          request.params.scheduleId,
          request.query,
        ),
    );
    app.post(
      `${base}/:scheduleId/overrides`,
      {
        config: { access: { engagement: 'schedule.override' } },
        schema: {
          tags,
          summary: 'Someone covers a span for whoever would be on call',
          params: ScheduleParams,
          body: SpanBody,
          response: { 201: Override, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await cover.addOverride(
              actorOf(request),
              request.params.engagementId,
              request.params.scheduleId,
              request.body,
            ),
          ),
    );
    app.delete(
      `${base}/:scheduleId/overrides/:overrideId`,
      {
        config: { access: { engagement: 'schedule.override' } },
        schema: {
          tags,
          summary: 'Remove an override',
          params: OverrideParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const { engagementId, scheduleId, overrideId } = request.params;
        await cover.removeOverride(actorOf(request), engagementId, scheduleId, overrideId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/engagements/:engagementId/my-shifts',
      {
        config: read,
        schema: {
          tags,
          summary: 'Your own shifts on every schedule of the engagement (default: the coming week)',
          params: EngagementParams,
          querystring: RangeQuery,
          response: { 200: MyShifts, ...ProblemResponses },
        },
      },
      async (request) => schedules.myShifts(actorOf(request), request.params.engagementId, request.query),
    );

    const timeOff = '/api/v1/engagements/:engagementId/time-off';
    app.get(
      timeOff,
      {
        config: read,
        schema: {
          tags,
          summary: 'Time off overlapping a range',
          params: EngagementParams,
          querystring: RangeQuery,
          response: { 200: TimeOffList, ...ProblemResponses },
        },
      },
      async (request) => cover.listTimeOff(actorOf(request), request.params.engagementId, request.query),
    );
    app.post(
      timeOff,
      {
        config: { access: { engagement: 'schedule.override' } },
        schema: {
          tags,
          summary: 'Enter time off (your own, or anyone’s as a manager)',
          params: EngagementParams,
          body: TimeOffBody,
          response: { 201: TimeOff, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await cover.addTimeOff(actorOf(request), request.params.engagementId, request.body)),
    );
    app.delete(
      `${timeOff}/:timeOffId`,
      {
        config: { access: { engagement: 'schedule.override' } },
        schema: {
          tags,
          summary: 'Remove time off',
          params: TimeOffParams,
          response: { 204: NoContent, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        await cover.removeTimeOff(actorOf(request), request.params.engagementId, request.params.timeOffId);
        return reply.status(204).send(null);
      },
    );
  };
}
