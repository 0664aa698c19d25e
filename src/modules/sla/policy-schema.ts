import { type Static, Type } from 'typebox';
import { CLOCK_KINDS } from '../../domain/sla/clock.ts';
import { EngagementParams, PartySchema } from '../engagements/schema.ts';
import { TicketKind, TicketPriority } from '../tickets/schema.ts';

export const DEFAULT_WARN_PERCENT = 75;

export const ClockKindSchema = Type.Enum(CLOCK_KINDS, {
  description:
    'Provider: first_response, resolution, update (cadence). Internal: info_request_response, change_approval, incident_join.',
});

export const SlaTarget = Type.Object(
  {
    party: PartySchema,
    kind: ClockKindSchema,
    priority: TicketPriority,
    minutes: Type.Integer({
      minimum: 1,
      maximum: 525_600,
      description: 'Business minutes allowed, counted on the calendar.',
    }),
    calendarId: Type.String({
      maxLength: 64,
      description: 'The engagement calendar the minutes are counted on (e.g. 24×7 or business hours).',
    }),
  },
  { additionalProperties: false, description: 'One party’s target for one clock at one priority.' },
);
export type SlaTarget = Static<typeof SlaTarget>;

const TicketKinds = Type.Array(TicketKind, {
  uniqueItems: true,
  maxItems: 6,
  description:
    'The ticket kinds the policy covers. [] makes it the catch-all: every kind no other policy names.',
});
const warnPercent = (options: { default?: number } = {}) =>
  Type.Integer({
    minimum: 1,
    maximum: 99,
    description: 'Warn when this share of a target has been used, in percent.',
    ...options,
  });
const Targets = Type.Array(SlaTarget, {
  maxItems: 200,
  description: 'At most one per party, clock kind and priority; a missing one means no clock runs.',
});

export const SlaPolicy = Type.Object(
  {
    id: Type.String(),
    name: Type.String({ description: 'Unique in the engagement, e.g. "Standard".' }),
    ticketKinds: TicketKinds,
    warnPercent: warnPercent(),
    targets: Targets,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type SlaPolicy = Static<typeof SlaPolicy>;

export const SlaPolicyList = Type.Object({ items: Type.Array(SlaPolicy) }, { additionalProperties: false });

/** A policy as written: the whole of it, on create and on replace alike. */
export const SlaPolicyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80, description: 'Unique in the engagement.' }),
    ticketKinds: TicketKinds,
    warnPercent: Type.Optional(warnPercent({ default: DEFAULT_WARN_PERCENT })),
    targets: Targets,
  },
  { additionalProperties: false },
);
export type SlaPolicyBody = Static<typeof SlaPolicyBody>;

export const SlaPolicyParams = Type.Object(
  { ...EngagementParams.properties, policyId: Type.String({ maxLength: 64, description: 'SLA policy id.' }) },
  { additionalProperties: false },
);
