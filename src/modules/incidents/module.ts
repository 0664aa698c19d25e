import type { PlatformDeps } from '../../platform/deps.ts';
import type { RoutesPlugin } from '../../platform/http/server.ts';
import type { JobHandler } from '../../platform/jobs/worker.ts';
import { createCalendarService } from '../calendars/service.ts';
import type { IncidentAlerts } from '../integrations/incident-alerts.ts';
import { createMatrixService } from '../matrix/service.ts';
import type { Pager } from '../notifications/pager.ts';
import type { RoutingService } from '../routing/service.ts';
import type { ScheduleService } from '../schedules/service.ts';
import type { IncidentFacts } from '../tickets/incident-facts.ts';
import type { TicketService } from '../tickets/service.ts';
import type { DeliveryLog, IncidentDesk, IncidentResponder } from './desk.ts';
import { createDrillService } from './drills.ts';
import { createEscalator, STEP_JOB } from './escalator.ts';
import { createIncidentFacts } from './facts.ts';
import { createIncidentDesk } from './incident-desk.ts';
import { createIncidentRecord } from './incident-record.ts';
import { createPageResponder } from './page-responder.ts';
import { createPolicyService } from './policies.ts';
import { policyRoutes } from './policy-routes.ts';
import { createIncidentResponse } from './response.ts';
import { incidentRoutes } from './routes.ts';
import * as store from './store.ts';
import { createWatchdog, WATCHDOG_JOB } from './watchdog.ts';

export interface IncidentsModule {
  /** Escalation policies as the demo writes them; the HTTP routes use the same service. */
  readonly policies: ReturnType<typeof createPolicyService>;
  readonly desk: IncidentDesk;
  readonly responder: IncidentResponder;
  readonly deliveries: DeliveryLog;
  readonly facts: IncidentFacts;
  readonly routes: readonly RoutesPlugin[];
  readonly jobHandlers: Readonly<Record<string, JobHandler>>;
}

export interface IncidentsModuleOptions {
  readonly tickets: TicketService;
  /** Kept for the seam; incidents route through a resolver bound to their own transaction. */
  readonly routing: RoutingService;
  readonly schedules: ScheduleService;
  readonly pager: Pager;
  readonly alerts: () => IncidentAlerts;
  readonly baseUrl: string;
}

/** Incidents, escalation policies and their durable steps, drills, incident response. */
export function createIncidentsModule(deps: PlatformDeps, options: IncidentsModuleOptions): IncidentsModule {
  const { tickets, schedules, pager, alerts } = options;
  const onCallIn = schedules.onCallIn;
  const escalator = createEscalator(deps, { tickets, pager, onCallIn, baseUrl: options.baseUrl });
  // The matrix and calendars are read through the incident's own transaction (see incident-route.ts).
  const routes = { matrix: createMatrixService(deps), calendars: createCalendarService(deps), schedules };
  const desk = createIncidentDesk(deps, { tickets, escalator, routes });
  const response = createIncidentResponse(deps, { tickets, escalator, alerts, onCallIn });
  const record = createIncidentRecord(deps, tickets);
  const policies = createPolicyService(deps);
  const drills = createDrillService(deps, escalator);
  const watchdog = createWatchdog(deps, escalator, alerts);
  return {
    policies,
    desk,
    responder: createPageResponder(deps, { response, drills, store }),
    deliveries: { record: watchdog.record },
    facts: createIncidentFacts(alerts),
    routes: [incidentRoutes(response, record), policyRoutes(policies, drills)],
    jobHandlers: { [STEP_JOB]: escalator.onStep, [WATCHDOG_JOB]: watchdog.onWatch },
  };
}
