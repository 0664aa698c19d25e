import type { Config } from '../../platform/config/config.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { RoutesPlugin } from '../../platform/http/server.ts';
import type { JobHandler } from '../../platform/jobs/worker.ts';
import type { DeliveryLog, IncidentResponder } from '../incidents/desk.ts';
import type { EmailIntake } from '../integrations/module.ts';
import type { Pager } from './pager.ts';

export interface NotificationsModule {
  readonly pager: Pager;
  readonly routes: readonly RoutesPlugin[];
  readonly jobHandlers: Readonly<Record<string, JobHandler>>;
  /** Starts the SMTP listener for e-mail integrations, when configured. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface NotificationsModuleOptions {
  readonly config: Config;
  readonly responder: () => IncidentResponder;
  readonly deliveries: () => DeliveryLog;
  readonly intake: () => EmailIntake;
}

/** Contact methods and rules, the outbox (e-mail, webhooks, in-app), signed action links, SMTP in. */
export function createNotificationsModule(
  _deps: PlatformDeps,
  _options: NotificationsModuleOptions,
): NotificationsModule {
  return {
    pager: { page: async () => {}, cancel: async () => {} },
    routes: [],
    jobHandlers: {},
    start: async () => {},
    stop: async () => {},
  };
}
