import { type Static, Type } from 'typebox';
import { UpdateTicketBody } from './schema.ts';

const changed = UpdateTicketBody.properties;

export const BulkUpdateBody = Type.Object(
  {
    ticketIds: Type.Array(Type.String({ maxLength: 64 }), {
      minItems: 1,
      maxItems: 200,
      uniqueItems: true,
      description: 'The tickets to change (1–200), all of this engagement.',
    }),
    changes: Type.Object(
      {
        status: changed.status,
        priority: changed.priority,
        assigneeId: changed.assigneeId,
        teamId: changed.teamId,
        ownerParty: changed.ownerParty,
      },
      {
        additionalProperties: false,
        minProperties: 1,
        description: 'Applied to each ticket as a PATCH would be, with the same rules.',
      },
    ),
  },
  { additionalProperties: false },
);
export type BulkUpdateBody = Static<typeof BulkUpdateBody>;

export const BulkUpdateResult = Type.Object(
  {
    updated: Type.Array(Type.String(), { description: 'Tickets changed (or already as asked).' }),
    failed: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          detail: Type.String({ description: 'Why this ticket was not changed.' }),
        },
        { additionalProperties: false },
      ),
      { description: 'Tickets left as they were, each with its reason.' },
    ),
  },
  { additionalProperties: false },
);
export type BulkUpdateResult = Static<typeof BulkUpdateResult>;
