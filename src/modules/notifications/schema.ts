import { Type } from 'typebox';

const Id = Type.String({ maxLength: 64 });
const Instant = Type.String({ format: 'date-time' });

export const ContactMethodParams = Type.Object({ contactMethodId: Id }, { additionalProperties: false });
export const AllowlistParams = Type.Object({ entryId: Id }, { additionalProperties: false });

const ContactMethodType = Type.Enum(['email', 'webhook'], {
  description: 'email, or webhook (an HTTP POST of JSON, signed as Standard Webhooks do).',
});
const WebhookFormat = Type.Enum(['slack', 'teams', 'standard'], {
  description:
    'Webhooks only: slack (incoming-webhook JSON), teams (MessageCard) or standard (`{type: "incident.paged", timestamp, data}`).',
});

export const NewContactMethodBody = Type.Object(
  {
    type: ContactMethodType,
    address: Type.String({
      minLength: 3,
      maxLength: 2000,
      description: 'An e-mail address, or the webhook’s https:// URL.',
    }),
    format: Type.Optional(WebhookFormat),
    label: Type.Optional(
      Type.String({ maxLength: 100, description: 'How you recognise it, e.g. "Work phone".' }),
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        type: 'webhook',
        address: 'https://hooks.slack.com/services/T000/B000/XXXX',
        format: 'slack',
        label: 'On-call channel',
      },
    ],
  },
);

const contactMethodFields = {
  id: Type.String(),
  type: ContactMethodType,
  address: Type.String(),
  format: Type.Union([WebhookFormat, Type.Null()]),
  label: Type.String(),
  createdAt: Instant,
};

export const ContactMethod = Type.Object(contactMethodFields, { additionalProperties: false });

export const CreatedContactMethod = Type.Object(
  {
    ...contactMethodFields,
    secret: Type.Optional(
      Type.String({
        description:
          'Webhooks only, shown once: the `whsec_…` secret to verify the `webhook-signature` header with.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ContactMethodList = Type.Object(
  { items: Type.Array(ContactMethod) },
  { additionalProperties: false },
);

export const TestOutcome = Type.Object(
  {
    outcome: Type.Enum(['sent', 'failed'], { description: 'Whether the test message went out.' }),
    error: Type.Union([Type.String(), Type.Null()], { description: 'Why it failed, for a person to read.' }),
    at: Instant,
  },
  { additionalProperties: false },
);

const Rule = Type.Object(
  {
    contactMethodId: Type.String({ maxLength: 64, description: 'One of your contact methods.' }),
    delayMinutes: Type.Integer({
      minimum: 0,
      maximum: 1440,
      description: 'Minutes after being paged; 0 is at once.',
    }),
  },
  { additionalProperties: false },
);

export const NotificationRules = Type.Object(
  {
    rules: Type.Array(Rule, {
      maxItems: 20,
      description: 'With no rules, a page e-mails your login address at once.',
    }),
  },
  {
    additionalProperties: false,
    examples: [{ rules: [{ contactMethodId: '01930000-0000-7000-8000-000000000000', delayMinutes: 0 }] }],
  },
);

export const NewAllowlistEntryBody = Type.Object(
  {
    target: Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'A host (hooks.internal), host:port (10.0.0.5:8443), or a CIDR range (10.20.0.0/16).',
    }),
  },
  { additionalProperties: false, examples: [{ target: '10.20.0.0/16' }] },
);

export const AllowlistEntry = Type.Object(
  {
    id: Type.String(),
    target: Type.String(),
    createdBy: Type.Union([Type.String(), Type.Null()]),
    createdAt: Instant,
  },
  { additionalProperties: false },
);

export const AllowlistPage = Type.Object(
  { items: Type.Array(AllowlistEntry) },
  { additionalProperties: false },
);
