import type { Config } from '../../platform/config/config.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { RoutesPlugin } from '../../platform/http/server.ts';
import type { JobHandler } from '../../platform/jobs/worker.ts';
import type { DeliveryLog, IncidentResponder } from '../incidents/desk.ts';
import type { EmailIntake } from '../integrations/module.ts';
import { actionRoutes } from './action-routes.ts';
import { createChannels } from './channels.ts';
import { createDeliveryHandler } from './delivery.ts';
import { loadNotificationKeys } from './keys.ts';
import { createPager, DELIVER_JOB, type Pager } from './pager.ts';
import { notificationRoutes } from './routes.ts';
import { createNotificationSettings } from './settings.ts';
import { type SmtpListener, startSmtpListener } from './smtp-listener.ts';

export interface NotificationsModule {
  readonly pager: Pager;
  readonly routes: readonly RoutesPlugin[];
  readonly jobHandlers: Readonly<Record<string, JobHandler>>;
  /** Starts the SMTP listener for e-mail integrations, when configured. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The SMTP listener's port once started (the real one when configured as 0); null when off. */
  readonly smtpListenerPort?: () => number | null;
}

export interface NotificationsModuleOptions {
  readonly config: Config;
  readonly responder: () => IncidentResponder;
  readonly deliveries: () => DeliveryLog;
  readonly intake: () => EmailIntake;
}

/** Contact methods and rules, the outbox (e-mail, webhooks, in-app), signed action links, SMTP in. */
export function createNotificationsModule(
  deps: PlatformDeps,
  options: NotificationsModuleOptions,
): NotificationsModule {
  const keys = loadNotificationKeys(options.config.dataDir);
  const channels = createChannels(deps, options.config, keys);
  let listener: SmtpListener | undefined;
  const settings = createNotificationSettings(deps, keys, channels, options.config.baseUrl);
  return {
    pager: createPager(deps, { configured: options.config.smtpUrl !== null }),
    routes: [notificationRoutes(settings), actionRoutes(deps, keys.links, options.responder)],
    jobHandlers: { [DELIVER_JOB]: createDeliveryHandler(deps, channels, options.deliveries) },
    async start() {
      const { smtpListenPort, host, mailDomain } = options.config;
      if (smtpListenPort === null || listener) return;
      listener = await startSmtpListener({
        ...deps,
        port: smtpListenPort,
        host,
        mailDomain,
        intake: options.intake,
      });
    },
    async stop() {
      await listener?.close();
      listener = undefined;
      channels.close();
    },
    smtpListenerPort: () => listener?.port ?? null,
  };
}
