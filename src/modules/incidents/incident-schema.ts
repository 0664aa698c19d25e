import { type Static, Type } from 'typebox';
import { TRACKS } from '../../domain/oncall/schedule.ts';
import { EngagementParams, PartySchema } from '../engagements/schema.ts';
import { IR_STEPS } from './checklist.ts';
import { NamedTarget } from './policy-schema.ts';

const Id = Type.String({ maxLength: 64 });
const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export const Severity = Type.Enum(SEVERITIES, { description: 'critical, error, warning or info.' });

export const Person = Type.Object(
  { userId: Type.String(), name: Type.String(), party: Nullable(PartySchema) },
  { additionalProperties: false },
);

export const IncidentPage = Type.Object(
  {
    id: Type.String(),
    level: Type.Integer({ description: '1-based.' }),
    round: Type.Integer({ description: '0 on the first pass, 1… on repeats.' }),
    userId: Type.String(),
    userName: Type.String(),
    party: Nullable(PartySchema),
    target: NamedTarget,
    pagedAt: Instant,
    acknowledgedAt: Nullable(Instant),
  },
  { additionalProperties: false },
);

export const Escalation = Type.Object(
  {
    id: Type.String(),
    policyId: Nullable(Type.String()),
    policyName: Type.String(),
    state: Type.Enum(['running', 'acknowledged', 'ended', 'exhausted'], {
      description:
        'running; acknowledged (stopped); ended (resolved); exhausted (every level and repeat paged, still flagged).',
    }),
    level: Type.Integer({ description: 'The level paged last, 1-based.' }),
    round: Type.Integer(),
    nextAt: Nullable(Instant),
    startedAt: Instant,
    acknowledgedAt: Nullable(Instant),
    acknowledgedBy: Nullable(Person),
    levels: Type.Array(
      Type.Object(
        { delayMinutes: Type.Integer(), targets: Type.Array(NamedTarget) },
        { additionalProperties: false },
      ),
      { description: 'The policy as the incident took it when it started.' },
    ),
    pages: Type.Array(IncidentPage),
    gaps: Type.Array(
      Type.Object(
        { level: Type.Integer(), target: NamedTarget, at: Instant, reason: Type.String() },
        {
          additionalProperties: false,
          description: 'A target that reached nobody; the page went on to the next.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ChecklistEntry = Type.Object(
  {
    step: Type.Enum(IR_STEPS),
    done: Type.Boolean(),
    doneAt: Nullable(Instant),
    doneBy: Nullable(Person),
    evidence: Type.String(),
  },
  { additionalProperties: false },
);

export const Incident = Type.Object(
  {
    ticketId: Type.String(),
    severity: Severity,
    track: Type.Enum(TRACKS),
    security: Type.Boolean({ description: 'A security incident: the SOC’s track and an IR checklist.' }),
    takenOver: Type.Boolean({
      description:
        'A person acknowledged it or changed its status or assignee: resolving alerts no longer resolve it.',
    }),
    routeReasons: Type.Array(Type.String(), { description: 'Why it went where it went, in order.' }),
    roles: Type.Object(
      { commander: Nullable(Person), communications: Nullable(Person), scribe: Nullable(Person) },
      { additionalProperties: false },
    ),
    escalation: Nullable(Escalation),
    checklist: Nullable(Type.Array(ChecklistEntry)),
    responders: Type.Object(
      {
        internal: Type.Array(
          Type.Object({ userId: Type.String(), name: Type.String() }, { additionalProperties: false }),
        ),
        provider: Type.Array(
          Type.Object({ userId: Type.String(), name: Type.String() }, { additionalProperties: false }),
        ),
      },
      { additionalProperties: false, description: 'Everyone paged or holding a role, by party.' },
    ),
  },
  { additionalProperties: false },
);
export type Incident = Static<typeof Incident>;

export const IncidentParams = Type.Object(
  { ...EngagementParams.properties, ticketId: Id },
  { additionalProperties: false },
);
export const ChecklistParams = Type.Object(
  { ...IncidentParams.properties, step: Type.Enum(IR_STEPS) },
  { additionalProperties: false },
);

export const EscalateBody = Type.Object(
  {
    toParty: Type.Optional(PartySchema),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'Page this level now.' })),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  {
    additionalProperties: false,
    description:
      'Neither toParty nor level: the next level. toParty: that party’s on-call of the track, else its managers.',
    examples: [{ reason: 'Database team needed' }],
  },
);
export type EscalateBody = Static<typeof EscalateBody>;

const RoleUser = Type.Optional(
  Nullable(Type.String({ maxLength: 64, description: 'A staff member of either party.' })),
);
export const RolesBody = Type.Object(
  { commander: RoleUser, communications: RoleUser, scribe: RoleUser },
  { additionalProperties: false, examples: [{ commander: null }] },
);
export type RolesBody = Static<typeof RolesBody>;

export const DecisionBody = Type.Object(
  {
    decision: Type.String({ minLength: 1, maxLength: 2000 }),
    rationale: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false, examples: [{ decision: 'Fail over to the standby database' }] },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const ChecklistBody = Type.Object(
  {
    done: Type.Boolean(),
    evidence: Type.Optional(Type.String({ maxLength: 10_000, description: 'What shows the step was done.' })),
  },
  { additionalProperties: false, examples: [{ done: true, evidence: 'Host isolated in EDR at 02:14' }] },
);
export type ChecklistBody = Static<typeof ChecklistBody>;

export const SeverityBody = Type.Object(
  { severity: Severity },
  { additionalProperties: false, examples: [{ severity: 'critical' }] },
);
export type SeverityBody = Static<typeof SeverityBody>;
