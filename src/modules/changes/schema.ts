import { type Static, Type } from 'typebox';
import { CHANGE_LEVELS, CHANGE_STATES, CHANGE_TYPES, DECISIONS } from '../../domain/changes/lifecycle.ts';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { EngagementParams, PartySchema } from '../engagements/schema.ts';
import { SlaClock } from '../sla/clock-schema.ts';
import { TicketPriority } from '../tickets/schema.ts';

const Id = Type.String({ maxLength: 64 });
const Instant = Type.String({ format: 'date-time' });
const NullableInstant = Type.Union([Instant, Type.Null()]);
const Plan = Type.String({ maxLength: 50_000, description: 'Markdown.' });

export const ChangeTypeSchema = Type.Enum(CHANGE_TYPES, {
  description:
    'standard (pre-approved by its template), normal (approved before scheduling), emergency (goes ahead, approved afterwards).',
});
export const ChangeStateSchema = Type.Enum(CHANGE_STATES, {
  description:
    'draft → submitted → approved | rejected → scheduled → in_progress → completed | failed | rolled_back.',
});
export const ChangeLevelSchema = Type.Enum(CHANGE_LEVELS, { description: 'low, medium or high.' });
export const DecisionSchema = Type.Enum(DECISIONS, { description: 'approve or reject.' });

export const Approval = Type.Object(
  {
    approverId: Type.String(),
    approverName: Type.String(),
    decision: DecisionSchema,
    reason: Type.String({ description: 'Why; always given for a rejection, may be empty for an approval.' }),
    at: Instant,
  },
  { additionalProperties: false },
);

export const Change = Type.Object(
  {
    id: Type.String({ description: 'The change’s id, which is also its ticket’s id.' }),
    engagementId: Type.String(),
    number: Type.String({ description: 'The ticket’s human number, e.g. LOGI-12.' }),
    title: Type.String(),
    description: Type.String({ description: 'Markdown.' }),
    type: ChangeTypeSchema,
    state: ChangeStateSchema,
    risk: ChangeLevelSchema,
    impact: ChangeLevelSchema,
    priority: TicketPriority,
    windowStart: Type.Union([Instant, Type.Null()], { description: 'Start of the change window (UTC).' }),
    windowEnd: Type.Union([Instant, Type.Null()], {
      description: 'End of the change window (UTC), exclusive.',
    }),
    implementationPlan: Type.String(),
    backoutPlan: Type.String(),
    testPlan: Type.String(),
    affectedAssets: Type.String({ description: 'Free text until the asset inventory exists.' }),
    templateId: Type.Union([Type.String(), Type.Null()], {
      description: 'The template of a standard change.',
    }),
    quorum: Type.Integer({ description: 'Approvals needed.' }),
    approverParty: PartySchema,
    approvalStatus: Type.Enum(['none', 'pending', 'approved', 'rejected'], {
      description:
        'none before submission; pending while approvers decide (an emergency change stays pending after it went ahead); approved or rejected.',
    }),
    approvals: Type.Array(Approval, {
      description: 'Decisions of the current approval round, oldest first.',
    }),
    approvalDueAt: Type.Union([Instant, Type.Null()], {
      description:
        'While approval is pending: when the internal change-approval clock reaches its target (for an emergency change, when retrospective approval is due).',
    }),
    ownerParty: PartySchema,
    createdBy: Type.String(),
    createdAt: Instant,
    updatedAt: Instant,
    allowedStates: Type.Array(ChangeStateSchema, {
      description:
        'States the caller may move the change to now with PATCH (approval comes from POST …/approvals).',
    }),
    canApprove: Type.Boolean({
      description:
        'The caller is an eligible approver who has not decided yet, and the change awaits approval.',
    }),
    slaClocks: Type.Array(SlaClock, { description: 'The change ticket’s SLA clocks.' }),
  },
  { additionalProperties: false },
);
export type Change = Static<typeof Change>;

export const ChangePage = Page(Change);

export const ChangeParams = Type.Object(
  { ...EngagementParams.properties, changeId: Id },
  { additionalProperties: false },
);

export const ChangeQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(Type.Array(ChangeStateSchema, { description: 'Any of these states.' })),
    type: Type.Optional(ChangeTypeSchema),
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'With `to`: changes whose window overlaps [from, to).',
      }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: 'End of the calendar range, exclusive.' }),
    ),
    awaitingMyApproval: Type.Optional(
      Type.Boolean({ description: 'Only changes you may still approve or reject: your approval queue.' }),
    ),
  },
  { additionalProperties: false },
);
export type ChangeQuery = Static<typeof ChangeQuery>;

const Title = Type.String({ minLength: 1, maxLength: 200 });
const Quorum = Type.Integer({
  minimum: 1,
  maximum: 50,
  description: 'Approvals needed (default 1), at most the number of eligible approvers.',
});

export const CreateChangeBody = Type.Object(
  {
    title: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Required unless a template names the change.',
      }),
    ),
    description: Type.Optional(Type.String({ maxLength: 50_000 })),
    type: Type.Optional(ChangeTypeSchema),
    risk: Type.Optional(ChangeLevelSchema),
    impact: Type.Optional(ChangeLevelSchema),
    priority: Type.Optional(TicketPriority),
    ownerParty: Type.Optional(PartySchema),
    windowStart: Type.Optional(NullableInstant),
    windowEnd: Type.Optional(NullableInstant),
    implementationPlan: Type.Optional(Plan),
    backoutPlan: Type.Optional(Plan),
    testPlan: Type.Optional(Plan),
    affectedAssets: Type.Optional(Type.String({ maxLength: 5_000 })),
    templateId: Type.Optional(
      Type.Union([Id, Type.Null()], { description: 'A change template; makes the change standard.' }),
    ),
    quorum: Type.Optional(Quorum),
  },
  { additionalProperties: false },
);
export type CreateChangeBody = Static<typeof CreateChangeBody>;

export const UpdateChangeBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Type.String({ maxLength: 50_000 })),
    priority: Type.Optional(TicketPriority),
    type: Type.Optional(ChangeTypeSchema),
    risk: Type.Optional(ChangeLevelSchema),
    impact: Type.Optional(ChangeLevelSchema),
    windowStart: Type.Optional(NullableInstant),
    windowEnd: Type.Optional(NullableInstant),
    implementationPlan: Type.Optional(Plan),
    backoutPlan: Type.Optional(Plan),
    testPlan: Type.Optional(Plan),
    affectedAssets: Type.Optional(Type.String({ maxLength: 5_000 })),
    quorum: Type.Optional(Quorum),
    state: Type.Optional(ChangeStateSchema),
    reason: Type.Optional(
      Type.String({
        maxLength: 5_000,
        description: 'Why the state moves (e.g. why it failed); shown on the timeline.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type UpdateChangeBody = Static<typeof UpdateChangeBody>;

export const ApprovalBody = Type.Object(
  {
    decision: DecisionSchema,
    reason: Type.Optional(Type.String({ maxLength: 5_000, description: 'Required to reject.' })),
  },
  { additionalProperties: false },
);
export type ApprovalBody = Static<typeof ApprovalBody>;

export const FreezeWindow = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    reason: Type.String(),
    startsAt: Instant,
    endsAt: Type.String({
      format: 'date-time',
      description: 'Exclusive: a window may start at this instant.',
    }),
    createdBy: Type.String(),
    createdAt: Instant,
  },
  { additionalProperties: false },
);
export type FreezeWindow = Static<typeof FreezeWindow>;
export const FreezeWindowList = Type.Object(
  { items: Type.Array(FreezeWindow) },
  { additionalProperties: false },
);

export const FreezeWindowQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Only freezes ending after this.' })),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: 'Only freezes starting before this.' }),
    ),
  },
  { additionalProperties: false },
);
export type FreezeWindowQuery = Static<typeof FreezeWindowQuery>;

export const CreateFreezeWindowBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    reason: Type.Optional(Type.String({ maxLength: 2_000 })),
    startsAt: Instant,
    endsAt: Type.String({ format: 'date-time', description: 'After startsAt; exclusive.' }),
  },
  { additionalProperties: false },
);
export type CreateFreezeWindowBody = Static<typeof CreateFreezeWindowBody>;

export const FreezeWindowParams = Type.Object(
  { ...EngagementParams.properties, freezeWindowId: Id },
  { additionalProperties: false },
);

export const ChangeTemplate = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    risk: ChangeLevelSchema,
    impact: ChangeLevelSchema,
    implementationPlan: Type.String(),
    backoutPlan: Type.String(),
    testPlan: Type.String(),
    createdBy: Type.String(),
    createdAt: Instant,
  },
  { additionalProperties: false },
);
export type ChangeTemplate = Static<typeof ChangeTemplate>;
export const ChangeTemplateList = Type.Object(
  { items: Type.Array(ChangeTemplate) },
  { additionalProperties: false },
);

export const CreateChangeTemplateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120, description: 'Unique in the engagement.' }),
    description: Type.Optional(Type.String({ maxLength: 50_000 })),
    risk: Type.Optional(ChangeLevelSchema),
    impact: Type.Optional(ChangeLevelSchema),
    implementationPlan: Type.String({ minLength: 1, maxLength: 50_000 }),
    backoutPlan: Type.String({ minLength: 1, maxLength: 50_000 }),
    testPlan: Type.Optional(Plan),
  },
  { additionalProperties: false },
);
export type CreateChangeTemplateBody = Static<typeof CreateChangeTemplateBody>;
