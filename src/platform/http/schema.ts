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

/** The error answers every route may give. */
export const ProblemResponses = {
  '4xx': ProblemSchema,
  '5xx': ProblemSchema,
} as const;

export const NoContent = Type.Null({ description: 'No content.' });
