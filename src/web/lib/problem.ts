/** An RFC 9457 problem document, the body of every API error. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

/** A failed API call: the HTTP status, the problem document and, on 429, when to retry. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** The sentence to show a person for any error. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  if (error instanceof TypeError) return 'Tandem could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/**
 * Field errors of the request body, keyed by top-level field: `/email` → `email`,
 * `/engagementIds/0` → `engagementIds`. Errors of other parts (`query:/cursor`) are left out.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const { path, message } of error.problem.errors ?? []) {
    if (/^\w+:/.test(path) && !path.startsWith('body:')) continue;
    const field = path
      .replace(/^body:/, '')
      .split('/')
      .filter(Boolean)[0];
    if (field && !(field in result)) result[field] = message;
  }
  return result;
}
