import { type Static, Type } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import { EngagementParams, PartySchema } from '../engagements/schema.ts';
import { TicketPriority } from '../tickets/schema.ts';

const Person = Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false });

export const InfoRequest = Type.Object(
  {
    id: Type.String(),
    ticketId: Type.String(),
    ticketNumber: Type.String(),
    ticketTitle: Type.String(),
    fromParty: PartySchema,
    toParty: PartySchema,
    question: Type.String({ description: 'Markdown.' }),
    answer: Type.Union([Type.String(), Type.Null()]),
    state: Type.Enum(['open', 'answered', 'withdrawn']),
    askedBy: Person,
    answeredBy: Type.Union([Person, Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    answeredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    canAnswer: Type.Boolean({ description: 'The caller may answer it now.' }),
  },
  { additionalProperties: false, description: 'A question one party asks the other.' },
);
export type InfoRequest = Static<typeof InfoRequest>;

export const AskBody = Type.Object(
  {
    ticketId: Type.Optional(
      Type.String({
        maxLength: 64,
        description: 'The ticket it is about; omit to open a new info_request ticket.',
      }),
    ),
    question: Type.String({ minLength: 1, maxLength: 20_000 }),
    title: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Title of the new ticket when there is no ticketId.',
      }),
    ),
    priority: Type.Optional(TicketPriority),
  },
  { additionalProperties: false },
);
export type AskBody = Static<typeof AskBody>;

export const AnswerBody = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: 20_000 }) },
  { additionalProperties: false },
);

export const InfoRequestParams = Type.Object(
  { ...EngagementParams.properties, infoRequestId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);

export const InfoRequestQuery = Type.Object(
  {
    state: Type.Optional(Type.Enum(['open', 'answered', 'withdrawn'])),
    toParty: Type.Optional(PartySchema),
    ticketId: Type.Optional(Type.String({ maxLength: 64 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type InfoRequestQuery = Static<typeof InfoRequestQuery>;

export const InfoRequestPage = Page(InfoRequest);
