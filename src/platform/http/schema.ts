import { Type } from 'typebox';

/** application/problem+json (RFC 9457), the body of every error. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URN naming the kind of problem.' }),
    title: Type.String({ description: 'Short summary of the kind of problem.' }),
    status: Type.Integer({ description: 'The HTTP status code.' }),
    detail: Type.String({ description: 'What went wrong, for a person to read.' }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({ description: 'The field, as a JSON pointer.' }),
          message: Type.String(),
        }),
        { description: 'One entry per invalid field.' },
      ),
    ),
  },
  { $id: 'Problem', description: 'An error, as application/problem+json.' },
);

const problemContent = { content: { 'application/problem+json': { schema: ProblemSchema } } } as const;

/** The error answers every route may give, documented with their real media type. */
export const ProblemResponses = {
  '4xx': problemContent,
  '5xx': problemContent,
} as const;

export const NoContent = Type.Null({ description: 'No content.' });
