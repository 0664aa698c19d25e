import type { Selectable } from 'kysely';

export type ContactMethodType = 'email' | 'webhook';
export type WebhookFormat = 'slack' | 'teams' | 'standard';
export type OutboxChannel = 'email' | 'webhook' | 'in_app';
export type OutboxState = 'pending' | 'sent' | 'failed' | 'cancelled';

/** A way to reach one person: an e-mail address or a webhook (Slack, Teams or Standard Webhooks). */
export interface ContactMethodsTable {
  id: string;
  user_id: string;
  type: ContactMethodType;
  address: string;
  /** Webhooks only. */
  format: WebhookFormat | null;
  label: string;
  /** Webhooks only: the `whsec_…` signing secret, sealed with the notification key (see keys.ts). */
  secret_sealed: string | null;
  created_at: string;
}

/** Notify this contact method this many minutes after being paged (0: at once). */
export interface NotificationRulesTable {
  id: string;
  user_id: string;
  contact_method_id: string;
  delay_minutes: number;
  created_at: string;
}

/** One notification of one page through one channel, written in the paging transaction. */
export interface NotificationOutboxTable {
  engagement_id: string;
  id: string;
  /** `<pageId>/<contact method | login-email | in-app>/<rule | at-once>`, unique per engagement. */
  key: string;
  page_id: string;
  user_id: string;
  /** Null for the login e-mail (no rules) and in-app notices. */
  contact_method_id: string | null;
  channel: OutboxChannel;
  /** The e-mail address, webhook URL, or the user id for in-app. */
  target: string;
  format: WebhookFormat | null;
  /** JSON: what the notification says (see OutboxPayload in pager.ts). */
  payload: string;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  due_at: string;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A private, loopback or link-local webhook target an admin allowed: `host[:port]` or a CIDR. */
export interface WebhookAllowlistTable {
  id: string;
  target: string;
  created_by: string | null;
  created_at: string;
}

export type ContactMethodRow = Selectable<ContactMethodsTable>;
export type NotificationRuleRow = Selectable<NotificationRulesTable>;
export type OutboxRow = Selectable<NotificationOutboxTable>;
export type AllowlistRow = Selectable<WebhookAllowlistTable>;

/** The tables this module owns, merged into the Database type. */
export interface NotificationsModuleTables {
  contact_methods: ContactMethodsTable;
  notification_rules: NotificationRulesTable;
  notification_outbox: NotificationOutboxTable;
  webhook_allowlist: WebhookAllowlistTable;
}
