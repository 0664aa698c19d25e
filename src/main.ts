import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './modules/audit/routes.ts';
import { createAuditService } from './modules/audit/service.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { createAuthService } from './modules/auth/service.ts';
import { createTokenService } from './modules/auth/tokens.ts';
import { calendarRoutes } from './modules/calendars/routes.ts';
import { createCalendarService } from './modules/calendars/service.ts';
import { changeRoutes } from './modules/changes/routes.ts';
import { createChangeService } from './modules/changes/service.ts';
import { engagementRoutes } from './modules/engagements/routes.ts';
import { createEngagementService } from './modules/engagements/service.ts';
import { eventRoutes } from './modules/events/routes.ts';
import { feedRoutes } from './modules/feeds/routes.ts';
import { createFeedService } from './modules/feeds/service.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { createIncidentsModule } from './modules/incidents/module.ts';
import { infoRequestRoutes } from './modules/info-requests/routes.ts';
import { createInfoRequestService } from './modules/info-requests/service.ts';
import { createAlertsModule } from './modules/integrations/module.ts';
import { matrixRoutes } from './modules/matrix/routes.ts';
import { createMatrixService } from './modules/matrix/service.ts';
import { memberRoutes } from './modules/members/routes.ts';
import { createMemberService } from './modules/members/service.ts';
import { createNotificationsModule } from './modules/notifications/module.ts';
import { organizationRoutes } from './modules/organizations/routes.ts';
import { createOrganizationService } from './modules/organizations/service.ts';
import { createCoverageService } from './modules/routing/coverage-service.ts';
import { routingRoutes } from './modules/routing/routes.ts';
import { createRoutingService } from './modules/routing/service.ts';
import { createScheduleCoverService } from './modules/schedules/cover.ts';
import { scheduleRoutes } from './modules/schedules/routes.ts';
import { createScheduleService } from './modules/schedules/service.ts';
import { slaClockRoutes } from './modules/sla/clock-routes.ts';
import { createSlaClockService } from './modules/sla/clocks.ts';
import { createSlaPolicyService } from './modules/sla/policies.ts';
import { slaPolicyRoutes } from './modules/sla/policy-routes.ts';
import { teamRoutes } from './modules/teams/routes.ts';
import { createTeamService } from './modules/teams/service.ts';
import { attachmentRoutes } from './modules/tickets/attachment-routes.ts';
import { createAttachmentService } from './modules/tickets/attachments.ts';
import { createBulkTicketService } from './modules/tickets/bulk.ts';
import { bulkTicketRoutes } from './modules/tickets/bulk-routes.ts';
import { createCallInService } from './modules/tickets/call-in.ts';
import { callInRoutes } from './modules/tickets/call-in-routes.ts';
import { createTicketCommentService } from './modules/tickets/comments.ts';
import type { IncidentFacts } from './modules/tickets/incident-facts.ts';
import { ticketRoutes } from './modules/tickets/routes.ts';
import { createTicketService } from './modules/tickets/service.ts';
import { addToTimeline } from './modules/tickets/timeline.ts';
import { createTicketWatcherService } from './modules/tickets/watchers.ts';
import { viewRoutes } from './modules/views/routes.ts';
import { createViewService } from './modules/views/service.ts';
import { SYSTEM } from './platform/access/actor.ts';
import { type CheckpointTimer, startCheckpointTimer } from './platform/audit/checkpoint.ts';
import { loadAuditSigningKey } from './platform/audit/signing-key.ts';
import { createAuthenticator } from './platform/auth/authenticate.ts';
import { LoginThrottle, type ThrottleLimits } from './platform/auth/throttle.ts';
import { createEventBus, type EventBus } from './platform/bus/bus.ts';
import type { Config } from './platform/config/config.ts';
import { type DatabaseHandle, openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import type { PlatformDeps } from './platform/deps.ts';
import { buildHttpServer } from './platform/http/server.ts';
import { HOUSEKEEPING_JOB, housekeepingHandler, scheduleHousekeeping } from './platform/jobs/housekeeping.ts';
import { type JobWorker, startJobWorker } from './platform/jobs/worker.ts';
import { createLogger, type Logger } from './platform/log/logger.ts';

export const WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));

export interface TandemOptions {
  readonly log?: Logger;
  readonly now?: () => Date;
  /** Run the job worker and the audit checkpoint timer (off for one-shot CLI commands). */
  readonly background?: boolean;
  readonly throttleLimits?: ThrottleLimits;
}

export interface Tandem {
  readonly app: FastifyInstance;
  readonly handle: DatabaseHandle;
  readonly bus: EventBus;
  readonly services: ReturnType<typeof createServices>;
  /** Stops taking requests, lets running jobs finish, signs the audit heads, closes the database. */
  close(): Promise<void>;
}

/** Who owns what and when: the matrix, schedules and calendars, and what reads them together. */
function createOwnershipServices(deps: PlatformDeps) {
  const calendars = createCalendarService(deps);
  const matrix = createMatrixService(deps);
  const schedules = createScheduleService(deps, calendars);
  const lookups = { matrix, calendars, schedules, teams: matrix.teamDirectory };
  return {
    calendars,
    matrix,
    schedules,
    scheduleCover: createScheduleCoverService(deps),
    coverage: createCoverageService(deps, lookups),
    routing: createRoutingService(deps, { ...lookups, userNames: schedules.userNames }),
  };
}

/**
 * Alerts in, people paged: the three modules call each other (an alert opens an incident, an
 * incident pages people, a page's e-mail link acknowledges the incident), so each is handed
 * the others behind a function that is only called once all three exist.
 */
function createPagingModules(
  deps: PlatformDeps,
  config: Config,
  parts: Pick<ReturnType<typeof createOwnershipServices>, 'routing' | 'schedules'> & {
    tickets: ReturnType<typeof createTicketService>;
    changes: ReturnType<typeof createChangeService>;
  },
) {
  const notifications = createNotificationsModule(deps, {
    config,
    responder: () => incidents.responder,
    deliveries: () => incidents.deliveries,
    intake: () => alerts.emailIntake,
  });
  const incidents = createIncidentsModule(deps, {
    tickets: parts.tickets,
    routing: parts.routing,
    schedules: parts.schedules,
    pager: notifications.pager,
    alerts: () => alerts.incidentAlerts,
    baseUrl: config.baseUrl,
  });
  const alerts = createAlertsModule(deps, {
    desk: () => incidents.desk,
    changes: parts.changes,
    baseUrl: config.baseUrl,
    mailDomain: config.mailDomain,
  });
  return { notifications, incidents, alerts };
}

function createServices(deps: PlatformDeps, throttle: LoginThrottle, config: Config) {
  const { dataDir, baseUrl } = config;
  const ownership = createOwnershipServices(deps);
  const slaPolicies = createSlaPolicyService(deps, ownership.calendars);
  const slaClocks = createSlaClockService(deps, ownership.calendars, slaPolicies, (trx, entry) =>
    addToTimeline(trx, SYSTEM, entry),
  );
  const incidentFacts: IncidentFacts = { of: (...args) => paging.incidents.facts.of(...args) };
  const tickets = createTicketService(deps, slaClocks, ownership.routing, incidentFacts);
  const changes = createChangeService(deps, tickets);
  const paging = createPagingModules(deps, config, { ...ownership, tickets, changes });
  return {
    ...ownership,
    paging,
    tickets,
    slaClocks,
    slaPolicies,
    feeds: createFeedService(deps, ownership.schedules, baseUrl),
    infoRequests: createInfoRequestService(deps, tickets),
    ticketCallIns: createCallInService(deps, tickets),
    changes,
    ticketComments: createTicketCommentService(deps, tickets),
    ticketWatchers: createTicketWatcherService(deps, tickets),
    ticketAttachments: createAttachmentService(deps, tickets, dataDir),
    ticketBulk: createBulkTicketService(tickets),
    views: createViewService(deps),
    auth: createAuthService({ ...deps, throttle }),
    tokens: createTokenService(deps),
    organizations: createOrganizationService(deps),
    engagements: createEngagementService(deps),
    members: createMemberService(deps, tickets),
    teams: createTeamService(deps, tickets),
    audit: createAuditService(deps),
  };
}

/** The composition root: platform first, then every module's service and routes. */
export async function createTandem(config: Config, options: TandemOptions = {}): Promise<Tandem> {
  const log = options.log ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  const handle = openDatabase(config, log);
  await migrateToLatest(handle.db);
  const bus = await createEventBus(handle, log);
  const deps: PlatformDeps = { db: handle.db, now, bus, log };
  const services = createServices(deps, new LoginThrottle(options.throttleLimits), config);
  const { paging } = services;
  const authenticate = createAuthenticator(handle.db, now);
  const app = await buildHttpServer({
    config,
    log,
    db: handle.db,
    authenticate,
    now,
    webRoot: WEB_ROOT,
    routes: [
      healthRoutes(handle.db),
      authRoutes(services.auth, services.tokens, { secureCookies: config.secureCookies }),
      organizationRoutes(services.organizations),
      engagementRoutes(services.engagements),
      memberRoutes(services.members),
      teamRoutes(services.teams),
      calendarRoutes(services.calendars),
      slaPolicyRoutes(services.slaPolicies),
      slaClockRoutes(services.slaClocks, services.tickets),
      infoRequestRoutes(services.infoRequests),
      callInRoutes(services.ticketCallIns),
      matrixRoutes(services.matrix),
      scheduleRoutes(services.schedules, services.scheduleCover),
      routingRoutes(services.routing, services.coverage),
      feedRoutes(services.feeds),
      changeRoutes(services.changes),
      auditRoutes(services.audit),
      ticketRoutes(services.tickets, services.ticketComments, services.ticketWatchers),
      attachmentRoutes(services.ticketAttachments),
      bulkTicketRoutes(services.ticketBulk),
      viewRoutes(services.views),
      eventRoutes(bus, authenticate),
      ...paging.alerts.routes,
      ...paging.incidents.routes,
      ...paging.notifications.routes,
    ],
  });
  await app.ready();

  let worker: JobWorker | undefined;
  let checkpoints: CheckpointTimer | undefined;
  if (options.background) {
    worker = startJobWorker({
      handle,
      log,
      now,
      handlers: {
        [HOUSEKEEPING_JOB]: housekeepingHandler(handle.db, now),
        ...services.slaClocks.timerHandlers,
        ...paging.alerts.jobHandlers,
        ...paging.incidents.jobHandlers,
        ...paging.notifications.jobHandlers,
      },
    });
    await scheduleHousekeeping(handle.db, now());
    const key = loadAuditSigningKey({ dataDir: config.dataDir });
    checkpoints = startCheckpointTimer({
      db: handle.db,
      key,
      intervalSeconds: config.auditCheckpointSeconds,
      log,
      now,
    });
  }

  await paging.notifications.start();

  return {
    app,
    handle,
    bus,
    services,
    async close() {
      await app.close();
      await paging.alerts.stop();
      await paging.notifications.stop();
      await worker?.stop();
      await checkpoints?.stop();
      await bus.close();
      await handle.close();
    },
  };
}
