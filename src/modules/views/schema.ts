import { type Static, Type } from 'typebox';
import { TicketQuery } from '../tickets/schema.ts';

const filters = TicketQuery.properties;

/** The ticket list's query a view reopens; the same names and values as GET …/tickets takes. */
export const ViewQuery = Type.Object(
  {
    status: filters.status,
    kind: filters.kind,
    priority: filters.priority,
    ownerParty: filters.ownerParty,
    assigneeId: filters.assigneeId,
    tag: filters.tag,
    q: filters.q,
    view: filters.view,
    sort: filters.sort,
  },
  { additionalProperties: false },
);

export const SavedView = Type.Object(
  {
    id: Type.String(),
    name: Type.String({ description: 'Shown in the views sidebar.' }),
    engagementId: Type.Union([Type.String(), Type.Null()], {
      description: 'The engagement the view is narrowed to; null for the one queue across all of yours.',
    }),
    query: ViewQuery,
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type SavedView = Static<typeof SavedView>;

export const SavedViewList = Type.Object({ items: Type.Array(SavedView) }, { additionalProperties: false });

export const CreateViewBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80, description: 'Unique among your views.' }),
    engagementId: Type.Optional(
      Type.Union([Type.String({ maxLength: 64 }), Type.Null()], {
        description: 'One of your engagements, or null (the default) for all of them.',
      }),
    ),
    query: ViewQuery,
  },
  { additionalProperties: false },
);
export type CreateViewBody = Static<typeof CreateViewBody>;

export const ViewParams = Type.Object(
  { viewId: Type.String({ maxLength: 64, description: 'Saved view id.' }) },
  { additionalProperties: false },
);
