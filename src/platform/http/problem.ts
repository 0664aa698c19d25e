import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  Conflict,
  type FieldError,
  Forbidden,
  Invalid,
  NotFound,
  TooManyRequests,
  Unauthenticated,
} from '../errors.ts';
import { fieldErrors } from './validation.ts';

/** RFC 9457 problem details, the body of every error answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

const PROBLEM_TYPE = 'urn:tandem:problem:';

export function problem(
  status: number,
  slug: string,
  title: string,
  detail: string,
  errors?: FieldError[],
): Problem {
  return { type: `${PROBLEM_TYPE}${slug}`, title, status, detail, ...(errors?.length ? { errors } : {}) };
}

/** The one answer for "missing" and "not yours": byte-identical, so ids cannot be probed. */
export const NOT_FOUND = problem(404, 'not-found', 'Not Found', 'The requested resource does not exist.');

export function toProblem(error: unknown): Problem {
  if (error instanceof NotFound) return NOT_FOUND;
  if (error instanceof Invalid)
    return problem(422, 'invalid', 'Invalid request', error.message, [...error.errors]);
  if (error instanceof Conflict) return problem(409, 'conflict', 'Conflict', error.message);
  if (error instanceof Forbidden) return problem(403, 'forbidden', 'Forbidden', error.message);
  if (error instanceof Unauthenticated) return problem(401, 'unauthenticated', 'Unauthorized', error.message);
  if (error instanceof TooManyRequests)
    return problem(429, 'too-many-requests', 'Too Many Requests', error.message);
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const part = fastifyError.validationContext ?? 'body';
    return problem(
      400,
      'validation',
      'Invalid request',
      `The request ${part} does not match its schema.`,
      fieldErrors(fastifyError.validation as Parameters<typeof fieldErrors>[0], part),
    );
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return problem(status, clientSlug(status), clientTitle(status), clientDetail(fastifyError));
  return problem(
    500,
    'internal',
    'Internal Server Error',
    'Something went wrong on our side; it has been logged.',
  );
}

function clientSlug(status: number): string {
  return (
    { 400: 'bad-request', 413: 'too-large', 415: 'unsupported-media-type', 408: 'timeout' }[status] ??
    'client-error'
  );
}

function clientTitle(status: number): string {
  return (
    { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 408: 'Request Timeout' }[
      status
    ] ?? 'Client Error'
  );
}

function clientDetail(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the request body as application/json.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is larger than the limit.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request has a JSON content type but an empty body.';
    default:
      return error.message;
  }
}

export function sendProblem(reply: FastifyReply, body: Problem, retryAfterSeconds?: number): FastifyReply {
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  return reply.status(body.status).type('application/problem+json').send(body);
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = toProblem(error);
  if (body.status >= 500) request.log.error({ err: error }, 'request failed');
  const retry = error instanceof TooManyRequests ? error.retryAfterSeconds : undefined;
  return sendProblem(reply, body, retry);
}
