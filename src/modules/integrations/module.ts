import type { PlatformDeps } from '../../platform/deps.ts';
import type { RoutesPlugin } from '../../platform/http/server.ts';
import type { JobHandler } from '../../platform/jobs/worker.ts';
import type { ChangeService } from '../changes/service.ts';
import type { IncidentDesk } from '../incidents/desk.ts';
import { createAlertReads } from './alerts.ts';
import { type Applied, createAlertApplier } from './apply.ts';
import { createIngestBatcher } from './batcher.ts';
import { createIncidentAlerts } from './incident-alert-actions.ts';
import type { IncidentAlerts } from './incident-alerts.ts';
import { createIngest } from './ingest.ts';
import { ingestRoutes } from './ingest-routes.ts';
import { createIntegrations } from './integrations.ts';
import { IntegrationRateLimit } from './rate-limit.ts';
import { integrationRoutes } from './routes.ts';

/** An e-mail that arrived on Tandem's SMTP listener for an integration's address. */
export interface InboundAlertEmail {
  readonly to: readonly string[];
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string | null;
  readonly receivedAt: Date;
}

export interface EmailIntake {
  /** Stores and processes the message as an event of the integration its address names. */
  receiveEmail(message: InboundAlertEmail): Promise<{ readonly accepted: boolean; readonly reason?: string }>;
}

export interface AlertsModule {
  /** Integrations as the demo and the CLI create them; the HTTP routes use the same service. */
  readonly integrations: ReturnType<typeof createIntegrations>;
  /** PagerDuty Events v2 as `/v2/enqueue` takes it, for the demo. */
  readonly enqueue: (body: unknown) => Promise<{ readonly status: number; readonly body: unknown }>;
  readonly incidentAlerts: IncidentAlerts;
  readonly emailIntake: EmailIntake;
  readonly routes: readonly RoutesPlugin[];
  readonly jobHandlers: Readonly<Record<string, JobHandler>>;
  /** Commits what is waiting in the ingest batch and refuses new events. */
  stop(): Promise<void>;
}

export interface AlertsModuleOptions {
  readonly desk: () => IncidentDesk;
  readonly changes: ChangeService;
  readonly baseUrl: string;
  /** The domain of e-mail integration addresses. */
  readonly mailDomain: string;
}

/** Integrations, ingest (PagerDuty Events v2, Alertmanager, Grafana, generic JSON, e-mail) and alerts. */
export function createAlertsModule(deps: PlatformDeps, options: AlertsModuleOptions): AlertsModule {
  const addresses = { baseUrl: options.baseUrl, mailDomain: options.mailDomain };
  const limit = new IntegrationRateLimit();
  const applier = createAlertApplier(options.desk);
  const batcher = createIngestBatcher(deps.db, deps.log);
  // Live views hear of alerts and incidents only once the events are committed.
  const publish = async (applied: readonly Applied[]) => {
    for (const a of applied) for (const notice of a.notices) await deps.bus.publish(notice);
  };
  const ingest = createIngest(deps, {
    applier,
    batcher,
    limit,
    changes: options.changes,
    mailDomain: options.mailDomain,
    publish,
  });
  const integrations = createIntegrations(deps, addresses, limit);
  return {
    integrations,
    enqueue: ingest.enqueue,
    incidentAlerts: createIncidentAlerts(applier),
    emailIntake: { receiveEmail: ingest.receiveEmail },
    routes: [integrationRoutes(integrations, createAlertReads(deps)), ingestRoutes(ingest)],
    jobHandlers: {},
    stop: () => batcher.stop(),
  };
}
