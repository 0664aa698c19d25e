import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { Ticket } from '../tickets/schema.ts';
import type { IncidentRecord } from './incident-record.ts';
import {
  ChecklistBody,
  ChecklistParams,
  DecisionBody,
  EscalateBody,
  Incident,
  IncidentParams,
  RolesBody,
  SeverityBody,
} from './incident-schema.ts';
import type { IncidentResponse } from './response.ts';

/** Acting on an incident ticket: acknowledge, resolve, escalate; its roles, decisions, checklist. */
export function incidentRoutes(response: IncidentResponse, record: IncidentRecord) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['Incidents'];
    const ticket = '/api/v1/engagements/:engagementId/tickets/:ticketId';
    const respond = { access: { engagement: 'incident.respond' as const } };

    app.post(
      `${ticket}/acknowledge`,
      {
        config: respond,
        schema: {
          tags,
          summary: 'Acknowledge the incident: paging stops, its alerts are acknowledged (409 once resolved)',
          params: IncidentParams,
          response: { 200: Ticket, ...ProblemResponses },
        },
      },
      async (request) =>
        response.acknowledge(actorOf(request), request.params.engagementId, request.params.ticketId),
    );

    app.post(
      `${ticket}/resolve`,
      {
        config: respond,
        schema: {
          tags,
          summary: 'Resolve the incident: its escalation ends and its alerts resolve',
          params: IncidentParams,
          response: { 200: Ticket, ...ProblemResponses },
        },
      },
      async (request) =>
        response.resolve(actorOf(request), request.params.engagementId, request.params.ticketId),
    );

    app.post(
      `${ticket}/escalate`,
      {
        config: respond,
        schema: {
          tags,
          summary:
            'Escalate by hand: to the next level, a chosen level, or the other party (internal: its incident_join clock starts)',
          params: IncidentParams,
          body: EscalateBody,
          response: { 200: Ticket, ...ProblemResponses },
        },
      },
      async (request) =>
        response.escalate(
          actorOf(request),
          request.params.engagementId,
          request.params.ticketId,
          request.body,
        ),
    );

    app.get(
      `${ticket}/incident`,
      {
        config: { access: { engagement: 'escalation.read' } },
        schema: {
          tags,
          summary:
            'The incident: why it went where it did, its escalation, pages, gaps, roles and IR checklist',
          params: IncidentParams,
          response: { 200: Incident, ...ProblemResponses },
        },
      },
      async (request) =>
        record.getIncident(actorOf(request), request.params.engagementId, request.params.ticketId),
    );

    app.patch(
      `${ticket}/incident`,
      {
        config: respond,
        schema: {
          tags,
          summary: 'Change the incident’s severity',
          params: IncidentParams,
          body: SeverityBody,
          response: { 200: Incident, ...ProblemResponses },
        },
      },
      async (request) =>
        record.setSeverity(
          actorOf(request),
          request.params.engagementId,
          request.params.ticketId,
          request.body,
        ),
    );

    app.put(
      `${ticket}/incident/roles`,
      {
        config: respond,
        schema: {
          tags,
          summary:
            'Assign the incident commander, communications lead and scribe (staff of either party; null clears)',
          params: IncidentParams,
          body: RolesBody,
          response: { 200: Incident, ...ProblemResponses },
        },
      },
      async (request) =>
        record.setRoles(actorOf(request), request.params.engagementId, request.params.ticketId, request.body),
    );

    app.post(
      `${ticket}/decisions`,
      {
        config: respond,
        schema: {
          tags,
          summary: 'Log a decision: the timeline names who decided and for which party',
          params: IncidentParams,
          body: DecisionBody,
          response: { 201: Incident, ...ProblemResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await record.recordDecision(
              actorOf(request),
              request.params.engagementId,
              request.params.ticketId,
              request.body,
            ),
          ),
    );

    app.put(
      `${ticket}/incident/checklist/:step`,
      {
        config: respond,
        schema: {
          tags,
          summary: 'Tick or untick a step of a security incident’s IR checklist, with its evidence',
          params: ChecklistParams,
          body: ChecklistBody,
          response: { 200: Incident, ...ProblemResponses },
        },
      },
      async (request) =>
        record.tickStep(
          actorOf(request),
          request.params.engagementId,
          request.params.ticketId,
          request.params.step,
          request.body,
        ),
    );
  };
}
