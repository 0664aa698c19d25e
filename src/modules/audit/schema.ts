import { Type } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';

export const AuditQuery = Type.Object(
  {
    ...PageQuery,
    action: Type.Optional(Type.String({ maxLength: 80, description: 'Exact action, e.g. token.created.' })),
    actorId: Type.Optional(Type.String({ maxLength: 64 })),
    targetType: Type.Optional(Type.String({ maxLength: 40 })),
    since: Type.Optional(Type.String({ format: 'date-time', description: 'From this instant (inclusive).' })),
    until: Type.Optional(Type.String({ format: 'date-time', description: 'Before this instant.' })),
  },
  { additionalProperties: false },
);

export const AuditEvent = Type.Object(
  {
    seq: Type.Integer({ description: 'Position in the engagement’s gapless, hash-chained log.' }),
    at: Type.String({ format: 'date-time' }),
    actor: Type.Union(
      [Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false }), Type.Null()],
      {
        description: 'null: Tandem itself.',
      },
    ),
    viaToken: Type.Boolean({ description: 'Done with an API token rather than a browser session.' }),
    party: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    targetType: Type.String(),
    targetId: Type.Union([Type.String(), Type.Null()]),
    before: Type.Unknown(),
    after: Type.Unknown(),
    hash: Type.String(),
  },
  { additionalProperties: false },
);

export const AuditPage = Page(AuditEvent);
