import { type Static, Type } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { EngagementParams } from '../engagements/schema.ts';

const Instant = Type.String({ format: 'date-time' });
const NullableInstant = Type.Union([Instant, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Priority = Type.Enum(['P1', 'P2', 'P3', 'P4']);
const Pointer = Type.String({
  maxLength: 500,
  description: 'A JSON Pointer into the event body, e.g. /alert/title.',
});

export const IntegrationTypeSchema = Type.Enum(
  ['pagerduty_v2', 'alertmanager', 'grafana', 'generic_json', 'email'],
  {
    description:
      'Which sender: PagerDuty Events API v2, Alertmanager, Grafana, generic JSON with a mapping, or e-mail.',
  },
);
export const SeveritySchema = Type.Enum(['critical', 'error', 'warning', 'info']);
export const AlertStatusSchema = Type.Enum(['triggered', 'acknowledged', 'resolved']);

export const IntegrationDefaults = Type.Object(
  {
    functionKey: Type.Optional(
      Type.Union([Type.String({ maxLength: 100 }), Type.Null()], {
        description: 'The matrix function its alerts are about.',
      }),
    ),
    track: Type.Optional(
      Type.Enum(['operations', 'security'], { description: 'The on-call track of its alerts.' }),
    ),
    security: Type.Optional(
      Type.Boolean({ description: 'An EDR, SIEM or IDS: every alert is security work.' }),
    ),
    severityPriority: Type.Optional(
      Type.Object(
        { critical: Priority, error: Priority, warning: Priority, info: Priority },
        { additionalProperties: false, description: 'Ticket priority per severity (default P1–P4).' },
      ),
    ),
    escalationPolicyId: Type.Optional(
      Type.Union([Type.String({ maxLength: 64 }), Type.Null()], {
        description: 'Overrides the routed escalation policy.',
      }),
    ),
    grouping: Type.Optional(
      Type.Object(
        {
          by: Type.Array(Type.Enum(['source', 'component', 'function']), { minItems: 1, maxItems: 3 }),
          windowMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
        },
        {
          additionalProperties: false,
          description:
            'New alerts join an open incident whose latest alert matches on these fields within the window.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export const FieldMappingSchema = Type.Object(
  {
    summary: Type.Optional(Pointer),
    severity: Type.Optional(Pointer),
    dedupKey: Type.Optional(Pointer),
    source: Type.Optional(Pointer),
    functionKey: Type.Optional(Pointer),
    track: Type.Optional(Pointer),
    action: Type.Optional(Pointer),
  },
  { additionalProperties: false, description: 'generic_json only: where each field is in the body.' },
);

export const CreateIntegrationBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, examples: ['Prometheus'] }),
    type: IntegrationTypeSchema,
    defaults: Type.Optional(IntegrationDefaults),
    mapping: Type.Optional(FieldMappingSchema),
    ratePerMinute: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        description: 'Events per minute per key (default 120, as PagerDuty).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const UpdateIntegrationBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    defaults: Type.Optional(IntegrationDefaults),
    mapping: Type.Optional(FieldMappingSchema),
    ratePerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    disabled: Type.Optional(
      Type.Boolean({ description: 'A disabled integration refuses its events (404).' }),
    ),
  },
  { additionalProperties: false },
);

const integrationFields = {
  id: Type.String(),
  name: Type.String(),
  type: Type.Enum(['pagerduty_v2', 'alertmanager', 'grafana', 'generic_json', 'email', 'tandem']),
  keyHint: Type.String({ description: 'The key’s last characters.' }),
  defaults: IntegrationDefaults,
  mapping: Type.Union([FieldMappingSchema, Type.Null()]),
  ratePerMinute: Type.Integer(),
  emailAddress: Type.Union([Type.String(), Type.Null()], {
    description: 'E-mail integrations: where to send alerts.',
  }),
  ingestUrl: Type.Union([Type.String(), Type.Null()], { description: 'Where the sender posts its events.' }),
  disabled: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
};

export const Integration = Type.Object(integrationFields, { additionalProperties: false });
export const IntegrationWithKey = Type.Object(
  { ...integrationFields, key: Type.String({ description: 'The secret key: shown only now.' }) },
  { additionalProperties: false },
);
export const IntegrationEvent = Type.Object(
  {
    id: Type.String(),
    receivedAt: Instant,
    action: Type.String(),
    dedupKey: NullableString,
    outcome: Type.Enum(['accepted', 'deduplicated', 'dropped', 'rejected']),
    reason: NullableString,
    alertId: NullableString,
  },
  { additionalProperties: false },
);
export const IntegrationDetail = Type.Object(
  {
    ...integrationFields,
    snippets: Type.Object(
      {
        curl: Type.String(),
        alertmanager: Type.Optional(Type.String()),
        grafana: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    recentEvents: Type.Array(IntegrationEvent, {
      description: 'The latest events, rejected ones included, newest first.',
    }),
  },
  { additionalProperties: false },
);
export const IntegrationList = Type.Object(
  { items: Type.Array(Integration) },
  { additionalProperties: false },
);

export const IntegrationParams = Type.Object(
  { ...EngagementParams.properties, integrationId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
export const AlertParams = Type.Object(
  { ...EngagementParams.properties, alertId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);

const alertFields = {
  id: Type.String(),
  integrationId: Type.String(),
  integrationName: Type.String(),
  dedupKey: Type.String(),
  status: AlertStatusSchema,
  summary: Type.String(),
  severity: SeveritySchema,
  source: Type.String(),
  component: NullableString,
  group: NullableString,
  class: NullableString,
  track: Type.Enum(['operations', 'security']),
  incidentId: NullableString,
  eventCount: Type.Integer(),
  flapping: Type.Boolean({ description: 'Re-triggered too often: recorded, not paged.' }),
  firstAt: Instant,
  lastAt: Instant,
  acknowledgedAt: NullableInstant,
  resolvedAt: NullableInstant,
};
export const Alert = Type.Object(alertFields, { additionalProperties: false });
const Link = Type.Object({ href: Type.String(), text: Type.Optional(Type.String()) });
const Image = Type.Object({
  src: Type.String(),
  href: Type.Optional(Type.String()),
  alt: Type.Optional(Type.String()),
});
export const AlertDetail = Type.Object(
  {
    ...alertFields,
    customDetails: Type.Unknown(),
    links: Type.Array(Link),
    images: Type.Array(Image),
    events: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          action: Type.String(),
          at: Instant,
          outcome: Type.Enum(['accepted', 'deduplicated', 'dropped']),
          reason: NullableString,
          payload: Type.Unknown(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export const AlertPage = Page(Alert);
export const AlertQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.Array(AlertStatusSchema, { description: 'Any of these statuses.' })),
    incidentId: Type.Optional(Type.String({ maxLength: 64 })),
    integrationId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

/** What an ingest route answers (PagerDuty's bodies, exactly). */
export const IngestAccepted = Type.Object(
  {
    status: Type.Literal('success'),
    message: Type.String({ description: 'Event processed (Change event processed for a change event).' }),
    dedup_key: Type.Optional(Type.String()),
    dedup_keys: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);
export const IngestRefused = Type.Object(
  { status: Type.String(), message: Type.String(), errors: Type.Optional(Type.Array(Type.String())) },
  { additionalProperties: false },
);
export const IngestKeyParams = Type.Object(
  { key: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
export const AnyJson = Type.Unknown({ description: 'The sender’s JSON event.' });

export type CreateIntegrationBody = Static<typeof CreateIntegrationBody>;
export type UpdateIntegrationBody = Static<typeof UpdateIntegrationBody>;
export type Integration = Static<typeof Integration>;
export type IntegrationDetail = Static<typeof IntegrationDetail>;
export type Alert = Static<typeof Alert>;
export type AlertDetail = Static<typeof AlertDetail>;
export type AlertQuery = Static<typeof AlertQuery>;
