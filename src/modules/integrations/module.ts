import type { PlatformDeps } from '../../platform/deps.ts';
import type { RoutesPlugin } from '../../platform/http/server.ts';
import type { JobHandler } from '../../platform/jobs/worker.ts';
import type { ChangeService } from '../changes/service.ts';
import type { IncidentDesk } from '../incidents/desk.ts';
import type { IncidentAlerts } from './incident-alerts.ts';

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
export function createAlertsModule(_deps: PlatformDeps, _options: AlertsModuleOptions): AlertsModule {
  return {
    incidentAlerts: {
      acknowledgeAll: async () => {},
      resolveAll: async () => {},
      raiseSystemAlert: async () => {},
      countByIncident: async () => new Map(),
    },
    emailIntake: { receiveEmail: async () => ({ accepted: false, reason: 'not built yet' }) },
    routes: [],
    jobHandlers: {},
    stop: async () => {},
  };
}
