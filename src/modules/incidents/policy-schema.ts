import { type Static, Type } from 'typebox';
import { LIMITS, TARGET_TYPES } from '../../domain/escalation/policy.ts';
import { EngagementParams } from '../engagements/schema.ts';

const Id = Type.String({ maxLength: 64 });
const Instant = Type.String({ format: 'date-time' });

export const TargetType = Type.Enum(TARGET_TYPES, {
  description: 'user (a staff member), schedule (whoever is on call) or team (its people on call, else all).',
});
export const TargetBody = Type.Object(
  {
    type: TargetType,
    id: Type.String({ minLength: 1, maxLength: 64, description: 'The user, schedule or team id.' }),
  },
  { additionalProperties: false },
);
export const NamedTarget = Type.Object(
  {
    type: TargetType,
    id: Type.String(),
    name: Type.String({ description: 'Its name now (or what it was, once removed).' }),
  },
  { additionalProperties: false },
);

export const PolicyBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 120,
      description: 'Unique in the engagement; matrix cells name it.',
    }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    repeat: Type.Integer({
      minimum: 0,
      maximum: LIMITS.maxRepeat,
      description: 'Runs after the first, 0–9.',
    }),
    levels: Type.Array(
      Type.Object(
        {
          delayMinutes: Type.Integer({
            minimum: LIMITS.minDelay,
            maximum: LIMITS.maxDelay,
            description: 'Minutes to wait for an acknowledgement before the next level.',
          }),
          targets: Type.Array(TargetBody, { minItems: 1, maxItems: LIMITS.maxTargets }),
        },
        { additionalProperties: false },
      ),
      { minItems: LIMITS.minLevels, maxItems: LIMITS.maxLevels },
    ),
    fallback: Type.Optional(
      Type.Array(TargetBody, {
        maxItems: LIMITS.maxTargets,
        description: 'Paged when every level from the current one reaches nobody.',
      }),
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        name: 'After-hours operations',
        repeat: 1,
        levels: [
          { delayMinutes: 15, targets: [{ type: 'user', id: '01999999-0000-7000-8000-000000000001' }] },
        ],
      },
    ],
  },
);
export type PolicyBody = Static<typeof PolicyBody>;

export const EscalationPolicy = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    repeat: Type.Integer(),
    levels: Type.Array(
      Type.Object(
        { delayMinutes: Type.Integer(), targets: Type.Array(NamedTarget) },
        { additionalProperties: false },
      ),
    ),
    fallback: Type.Array(NamedTarget),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { additionalProperties: false },
);
export type EscalationPolicy = Static<typeof EscalationPolicy>;
export const EscalationPolicyList = Type.Object(
  { items: Type.Array(EscalationPolicy) },
  { additionalProperties: false },
);

export const PolicyParams = Type.Object(
  { ...EngagementParams.properties, escalationPolicyId: Id },
  { additionalProperties: false },
);
