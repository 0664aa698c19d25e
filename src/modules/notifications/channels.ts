import nodemailer, { type Transporter } from 'nodemailer';
import { Webhook } from 'standardwebhooks';
import type { Config } from '../../platform/config/config.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { LINK_LIFETIME_MS, signAction } from './action-links.ts';
import { type AllowedTarget, parseAllowedTarget } from './address-guard.ts';
import { type NotificationKeys, openSecret } from './keys.ts';
import { type ActionLinks, pageEmail } from './page-email.ts';
import * as store from './store.ts';
import type { ContactMethodRow } from './tables.ts';
import { PermanentFailure, postWebhook } from './webhook-client.ts';
import { type PageNotice, webhookBody } from './webhook-formats.ts';

/** Sends one notice through one channel; throws PermanentFailure or a retryable error. */
export interface Channels {
  email(to: string, notice: PageNotice, messageId: string, at: Date): Promise<void>;
  webhook(method: ContactMethodRow, notice: PageNotice, messageId: string, at: Date): Promise<void>;
  inApp(notice: PageNotice): Promise<void>;
  close(): void;
}

export function createChannels(
  { db, bus }: Pick<PlatformDeps, 'db' | 'bus'>,
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'mailDomain' | 'baseUrl'>,
  keys: NotificationKeys,
): Channels {
  let transport: Transporter | undefined;
  const mailer = () => {
    if (!config.smtpUrl)
      throw new PermanentFailure(
        'No mail server is configured (set TANDEM_SMTP_URL); the e-mail was not sent',
      );
    transport ??= nodemailer.createTransport({
      url: config.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return transport;
  };

  function actionLinks(notice: PageNotice, at: Date): ActionLinks | null {
    if (notice.test) return null;
    const expiresAt = new Date(at.getTime() + LINK_LIFETIME_MS);
    const link = (action: 'acknowledge' | 'resolve') =>
      `${config.baseUrl}/actions/${signAction(keys.links, { ...notice, action, expiresAt })}`;
    // A drill has no incident to resolve; its page is only acknowledged.
    return {
      acknowledge: link('acknowledge'),
      resolve: notice.incidentId ? link('resolve') : null,
      expiresAt,
    };
  }

  return {
    async email(to, notice, messageId, at) {
      const { subject, text, html } = pageEmail(notice, actionLinks(notice, at));
      await mailer().sendMail({
        from: config.mailFrom,
        to,
        subject,
        text,
        html,
        // The same id on every retry lets mail clients drop a copy sent twice.
        messageId: `<${messageId}@${config.mailDomain}>`,
        date: at,
        headers: { 'X-Tandem-Page': notice.pageId, 'Auto-Submitted': 'auto-generated' },
      });
    },

    async webhook(method, notice, messageId, at) {
      const secret = method.secret_sealed ? openSecret(keys.secrets, method.secret_sealed) : null;
      if (!secret)
        throw new PermanentFailure(
          'The webhook’s signing secret cannot be read with this installation’s notification key; add the webhook again',
        );
      const body = JSON.stringify(webhookBody(method.format ?? 'standard', notice, at));
      // Standard Webhooks: the id stays the same across retries so receivers can deduplicate.
      const signature = new Webhook(secret).sign(messageId, at, body);
      await postWebhook({
        url: method.address,
        body,
        headers: {
          'webhook-id': messageId,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signature,
        },
        allowlist: await allowedTargets(),
      });
    },

    async inApp(notice) {
      await bus.publish({
        engagementId: notice.engagementId,
        type: 'page.created',
        id: notice.pageId,
        data: {
          userId: notice.userId,
          title: notice.title,
          incidentId: notice.incidentId,
          engagementId: notice.engagementId,
        },
      });
    },

    close() {
      transport?.close();
    },
  };

  async function allowedTargets(): Promise<AllowedTarget[]> {
    return (await store.allowlist(db)).flatMap((row) => parseAllowedTarget(row.target) ?? []);
  }
}
