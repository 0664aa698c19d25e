import { type Static, Type } from 'typebox';
import { CLOCK_KINDS, CLOCK_PARTIES } from '../../domain/sla/clock.ts';
import { EngagementParams } from '../engagements/schema.ts';

const Instant = Type.String({ format: 'date-time' });
const NullableInstant = Type.Union([Instant, Type.Null()]);

export const ClockPartySchema = Type.Enum(CLOCK_PARTIES, { description: 'The party the clock binds.' });
export const ClockKindSchema = Type.Enum(CLOCK_KINDS, {
  description:
    'provider: first_response, resolution, update; internal: info_request_response, change_approval, incident_join (either party may carry any kind its policy names).',
});

export const SlaClock = Type.Object(
  {
    id: Type.String(),
    party: ClockPartySchema,
    kind: ClockKindSchema,
    state: Type.Enum(['running', 'paused', 'met', 'breached', 'cancelled'], {
      description: 'running or paused turns breached once the target has passed.',
    }),
    running: Type.Boolean({ description: 'True while time is being counted.' }),
    targetMinutes: Type.Integer(),
    elapsedMinutes: Type.Integer({ description: 'Business minutes used, on the clock’s calendar.' }),
    remainingMinutes: Type.Integer({ description: 'Target minus elapsed; negative once breached.' }),
    dueAt: Type.Union([Instant, Type.Null()], { description: 'While running: when the target is reached.' }),
    warnAt: NullableInstant,
    startedAt: Instant,
    stoppedAt: NullableInstant,
    breachedAt: NullableInstant,
    calendarId: Type.String(),
    calendarName: Type.String(),
  },
  { additionalProperties: false, description: 'One party’s SLA clock on a ticket.' },
);
export type SlaClock = Static<typeof SlaClock>;

export const LedgerEntry = Type.Object(
  {
    at: Instant,
    event: Type.Enum([
      'started',
      'paused',
      'resumed',
      'retargeted',
      'warned',
      'breached',
      'met',
      'cancelled',
    ]),
    reason: Type.String(),
    elapsedMinutes: Type.Integer(),
    targetMinutes: Type.Integer(),
  },
  { additionalProperties: false },
);

export const TicketSla = Type.Object(
  {
    clocks: Type.Array(
      Type.Object(
        { ...SlaClock.properties, ledger: Type.Array(LedgerEntry) },
        { additionalProperties: false },
      ),
      { description: 'Every clock the ticket has had, oldest first, each with its ledger.' },
    ),
  },
  { additionalProperties: false },
);

export const TicketSlaParams = Type.Object({
  ...EngagementParams.properties,
  ticketId: Type.String({ maxLength: 64 }),
});

export const Risk = Type.Enum(['breached', 'warning', 'on_track']);

export const AtRiskQuery = Type.Object(
  {
    party: Type.Optional(ClockPartySchema),
    risk: Type.Optional(Type.Array(Risk, { description: 'Default: breached and warning.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
  },
  { additionalProperties: false },
);

export const AtRiskList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          clock: Type.Object({ ...SlaClock.properties, risk: Risk }, { additionalProperties: false }),
          ticket: Type.Object({
            id: Type.String(),
            number: Type.String(),
            title: Type.String(),
            kind: Type.String(),
            priority: Type.String(),
            status: Type.String(),
            ownerParty: ClockPartySchema,
            assigneeId: Type.Union([Type.String(), Type.Null()]),
          }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
