import { SYSTEM } from '../../platform/access/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { RoutesPlugin } from '../../platform/http/server.ts';
import type { JobHandler } from '../../platform/jobs/worker.ts';
import type { IncidentAlerts } from '../integrations/incident-alerts.ts';
import type { Pager } from '../notifications/pager.ts';
import type { RoutingService } from '../routing/service.ts';
import type { ScheduleService } from '../schedules/service.ts';
import type { IncidentFacts } from '../tickets/incident-facts.ts';
import type { TicketService } from '../tickets/service.ts';
import type { DeliveryLog, IncidentDesk, IncidentResponder } from './desk.ts';

export interface IncidentsModule {
  readonly desk: IncidentDesk;
  readonly responder: IncidentResponder;
  readonly deliveries: DeliveryLog;
  readonly facts: IncidentFacts;
  readonly routes: readonly RoutesPlugin[];
  readonly jobHandlers: Readonly<Record<string, JobHandler>>;
}

export interface IncidentsModuleOptions {
  readonly tickets: TicketService;
  readonly routing: RoutingService;
  readonly schedules: ScheduleService;
  readonly pager: Pager;
  readonly alerts: () => IncidentAlerts;
  readonly baseUrl: string;
}

/** Incidents, escalation policies and their durable steps, drills, incident response. */
export function createIncidentsModule(
  _deps: PlatformDeps,
  _options: IncidentsModuleOptions,
): IncidentsModule {
  const none = async () => {
    throw new Error('not built yet');
  };
  return {
    desk: {
      openIncident: none,
      noteAlert: async () => {},
      alertsAcknowledged: async () => {},
      alertsResolved: async () => {},
      isOpen: async () => false,
    },
    responder: { acknowledgePage: none, resolvePage: none },
    deliveries: { record: async () => {} },
    facts: { of: async () => new Map() },
    routes: [],
    jobHandlers: {},
  };
}
