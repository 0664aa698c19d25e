import { type Static, Type } from 'typebox';
import { TICKET_STATUSES } from '../../domain/tickets/status.ts';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { EngagementParams, PartySchema } from '../engagements/schema.ts';
import { SlaClock } from '../sla/clock-schema.ts';

const literals = <const T extends string[]>(values: readonly [...T], description: string) =>
  Type.Enum(values, { description });

export const KIND_VALUES = ['incident', 'request', 'problem', 'change', 'info_request', 'task'] as const;
export const PRIORITY_VALUES = ['P1', 'P2', 'P3', 'P4'] as const;
export const VISIBILITY_VALUES = ['shared', 'provider_only', 'internal_only'] as const;
export const VIEW_VALUES = [
  'assigned_to_me',
  'our_move',
  'their_move',
  'unassigned',
  'recently_updated',
] as const;
export const SORT_VALUES = ['updated_desc', 'created_desc', 'priority'] as const;

export const TicketKind = literals(
  KIND_VALUES,
  'incident, request, problem, change, info_request (one party asks the other), task.',
);
export const TicketPriority = literals(PRIORITY_VALUES, 'P1 (most urgent) to P4.');
export const TicketStatus = literals(
  TICKET_STATUSES,
  'The status also says whose move it is (waiting_on_…).',
);
export const VisibilitySchema = literals(
  VISIBILITY_VALUES,
  'shared: both parties; provider_only / internal_only: a private note.',
);

const Tag = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[^\\s,]+$',
  description: 'A label without spaces or commas.',
});
const Id = Type.String({ maxLength: 64 });
const NullableId = Type.Union([Id, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });

export const Ticket = Type.Object(
  {
    id: Type.String(),
    engagementId: Type.String(),
    number: Type.String({ description: 'The human number, e.g. LOGI-42; never reused in the engagement.' }),
    title: Type.String(),
    description: Type.String({ description: 'Markdown.' }),
    kind: TicketKind,
    priority: TicketPriority,
    status: TicketStatus,
    ownerParty: PartySchema,
    whoseMove: Type.Union([PartySchema, Type.Literal('requester'), Type.Null()], {
      description: 'Whose move it is now, from the status and the owning party; null once resolved.',
    }),
    teamId: Type.Union([Type.String(), Type.Null()]),
    assigneeId: Type.Union([Type.String(), Type.Null()]),
    requesterId: Type.Union([Type.String(), Type.Null()]),
    functionKey: Type.Union([Type.String(), Type.Null()], {
      description: 'Responsibility-matrix row, e.g. endpoint-patching.',
    }),
    tags: Type.Array(Type.String()),
    watcherIds: Type.Array(Type.String(), {
      description: 'Users who follow the ticket (PUT/DELETE …/watchers/{userId}).',
    }),
    dueAt: Type.Union([Instant, Type.Null()]),
    createdAt: Instant,
    updatedAt: Instant,
    allowedStatuses: Type.Array(TicketStatus, {
      description: 'Statuses the caller may move the ticket to now.',
    }),
    slaClocks: Type.Array(SlaClock, {
      description: 'The current clock of each party and kind (GET …/sla has every clock and its ledger).',
    }),
    alertCount: Type.Integer({ description: 'Alerts grouped into this incident; 0 for other kinds.' }),
    escalation: Type.Union(
      [
        Type.Object(
          {
            policyId: Type.Union([Type.String(), Type.Null()]),
            level: Type.Integer({ description: 'The level paged last, 1-based.' }),
            nextAt: Type.Union([Instant, Type.Null()], {
              description: 'When the next level is paged; null once acknowledged or ended.',
            }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      {
        description: 'Where an incident’s escalation stands (GET …/incident has the detail); null otherwise.',
      },
    ),
  },
  { additionalProperties: false },
);
export type Ticket = Static<typeof Ticket>;

export const TicketParams = Type.Object(
  { ...EngagementParams.properties, ticketId: Id },
  { additionalProperties: false },
);

export const CreateTicketBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 50_000 })),
    kind: Type.Optional(TicketKind),
    priority: Type.Optional(TicketPriority),
    ownerParty: Type.Optional(PartySchema),
    teamId: Type.Optional(NullableId),
    assigneeId: Type.Optional(NullableId),
    requesterId: Type.Optional(NullableId),
    functionKey: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 20, uniqueItems: true })),
    dueAt: Type.Optional(Type.Union([Instant, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateTicketBody = Static<typeof CreateTicketBody>;

export const UpdateTicketBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 50_000 })),
    kind: Type.Optional(TicketKind),
    priority: Type.Optional(TicketPriority),
    status: Type.Optional(TicketStatus),
    ownerParty: Type.Optional(PartySchema),
    teamId: Type.Optional(NullableId),
    assigneeId: Type.Optional(NullableId),
    functionKey: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 20, uniqueItems: true })),
    dueAt: Type.Optional(Type.Union([Instant, Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpdateTicketBody = Static<typeof UpdateTicketBody>;

export const TicketQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Full-text search over title, description and comments you may see.',
      }),
    ),
    status: Type.Optional(Type.Array(TicketStatus, { description: 'Any of these statuses.' })),
    kind: Type.Optional(Type.Array(TicketKind)),
    priority: Type.Optional(Type.Array(TicketPriority)),
    ownerParty: Type.Optional(PartySchema),
    teamId: Type.Optional(Id),
    assigneeId: Type.Optional(Type.String({ maxLength: 64, description: 'A user id, "me" or "none".' })),
    requesterId: Type.Optional(Type.String({ maxLength: 64, description: 'A user id or "me".' })),
    tag: Type.Optional(Type.Array(Tag, { description: 'Tickets carrying all these tags.' })),
    functionKey: Type.Optional(Type.String({ maxLength: 60 })),
    createdFrom: Type.Optional(Instant),
    createdTo: Type.Optional(Instant),
    updatedFrom: Type.Optional(Instant),
    updatedTo: Type.Optional(Instant),
    view: Type.Optional(
      literals(
        VIEW_VALUES,
        'A built-in view: assigned_to_me, our_move (waiting on your party), their_move, unassigned, recently_updated.',
      ),
    ),
    sort: Type.Optional(
      literals(SORT_VALUES, 'updated_desc (default), created_desc, or priority (P1 first).'),
    ),
  },
  { additionalProperties: false },
);
export type TicketQuery = Static<typeof TicketQuery>;

export const CrossEngagementTicketQuery = Type.Object(
  {
    ...TicketQuery.properties,
    engagementId: Type.Optional(Type.Array(Id, { description: 'Narrow to these engagements.' })),
  },
  { additionalProperties: false },
);
export type CrossEngagementTicketQuery = Static<typeof CrossEngagementTicketQuery>;

export const TicketPage = Page(Ticket);

export const Comment = Type.Object(
  {
    id: Type.String(),
    body: Type.String({ description: 'Markdown source; render it with a sanitiser.' }),
    visibility: VisibilitySchema,
    authorId: Type.String(),
    authorName: Type.String(),
    authorParty: PartySchema,
    createdAt: Instant,
  },
  { additionalProperties: false },
);
export type Comment = Static<typeof Comment>;
export const CommentList = Type.Object({ items: Type.Array(Comment) }, { additionalProperties: false });
export const CreateCommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 50_000 }), visibility: Type.Optional(VisibilitySchema) },
  { additionalProperties: false },
);
export type CreateCommentBody = Static<typeof CreateCommentBody>;

export const ActivityEntry = Type.Object(
  {
    id: Type.String(),
    at: Instant,
    actor: Type.Union([
      Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false }),
      Type.Null(),
    ]),
    party: Type.Union([PartySchema, Type.Null()]),
    kind: Type.String({ description: 'created, status_changed, updated, commented.' }),
    visibility: VisibilitySchema,
    data: Type.Unknown({ description: 'What changed: {field: {from, to}}, or the comment id.' }),
  },
  { additionalProperties: false },
);
export const ActivityList = Type.Object(
  { items: Type.Array(ActivityEntry) },
  { additionalProperties: false },
);

export const WatcherParams = Type.Object(
  {
    ...TicketParams.properties,
    userId: Type.String({ maxLength: 64, description: 'The user to add or remove.' }),
  },
  { additionalProperties: false },
);
