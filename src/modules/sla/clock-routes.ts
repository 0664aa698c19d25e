import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../platform/access/actor.ts';
import { actorOf } from '../../platform/http/access-hook.ts';
import { ProblemResponses } from '../../platform/http/schema.ts';
import { EngagementParams } from '../engagements/schema.ts';
import { AtRiskList, AtRiskQuery, TicketSla, TicketSlaParams } from './clock-schema.ts';
import type { SlaClockService } from './clocks.ts';

interface TicketReader {
  readable(actor: Principal, engagementId: string, ticketId: string): Promise<unknown>;
}

export function slaClockRoutes(clocks: SlaClockService, tickets: TicketReader) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['SLAs'];

    app.get(
      '/api/v1/engagements/:engagementId/tickets/:ticketId/sla',
      {
        config: { access: { engagement: 'ticket.read' } },
        schema: {
          tags,
          summary: 'Every SLA clock of a ticket with its ledger: each start, pause, resume and why',
          params: TicketSlaParams,
          response: { 200: TicketSla, ...ProblemResponses },
        },
      },
      async (request) => {
        const { engagementId, ticketId } = request.params;
        await tickets.readable(actorOf(request), engagementId, ticketId);
        return clocks.ticketSla(engagementId, ticketId);
      },
    );

    app.get(
      '/api/v1/engagements/:engagementId/sla/at-risk',
      {
        config: { access: { engagement: 'sla.read' } },
        schema: {
          tags,
          summary: 'Open clocks that are breached or past their warning share, soonest due first',
          params: EngagementParams,
          querystring: AtRiskQuery,
          response: { 200: AtRiskList, ...ProblemResponses },
        },
      },
      async (request) => clocks.atRisk(actorOf(request), request.params.engagementId, request.query),
    );
  };
}
