/**
 * The closed set of failures a service reports. Services never speak HTTP; the error handler
 * in platform/http turns each into application/problem+json.
 */
export interface FieldError {
  /** JSON pointer to the offending field, e.g. /email. */
  readonly path: string;
  readonly message: string;
}

/** Missing, or not the caller's to see: the two are deliberately the same answer. */
export class NotFound extends Error {
  override readonly name = 'NotFound';
  constructor() {
    super('The requested resource does not exist.');
  }
}

/** The request conflicts with the current state (a duplicate, an illegal transition). */
export class Conflict extends Error {
  override readonly name = 'Conflict';
}

/** The input is well-formed JSON but breaks a rule; each field names its problem. */
export class Invalid extends Error {
  override readonly name = 'Invalid';
  constructor(
    message: string,
    readonly errors: readonly FieldError[] = [],
  ) {
    super(message);
  }
}

/** The caller can see the resource but may not do this to it. */
export class Forbidden extends Error {
  override readonly name = 'Forbidden';
}

/** No valid session or token. */
export class Unauthenticated extends Error {
  override readonly name = 'Unauthenticated';
  constructor(message = 'Log in or send an API token.') {
    super(message);
  }
}

/** Too many attempts; retry after the given number of seconds. */
export class TooManyRequests extends Error {
  override readonly name = 'TooManyRequests';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
