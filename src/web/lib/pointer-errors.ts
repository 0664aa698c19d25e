import { ApiError } from './problem.ts';

/** A form's field errors by JSON pointer into the body: `/levels/0/delayMinutes` → "must be …". */
export type PointerErrors = ReadonlyMap<string, string>;

/** Every body field error of a failed write, by its full path, so each shows beside its own input. */
export function pointerErrors(error: unknown): PointerErrors {
  const errors = new Map<string, string>();
  if (!(error instanceof ApiError)) return errors;
  for (const { path, message } of error.problem.errors ?? []) {
    if (/^\w+:/.test(path) && !path.startsWith('body:')) continue;
    const pointer = path.replace(/^body:/, '');
    if (!errors.has(pointer)) errors.set(pointer, message);
  }
  return errors;
}

/** The first error at `pointer` or below it. */
export function errorUnder(errors: PointerErrors, pointer: string): string | undefined {
  for (const [path, message] of errors) {
    if (path === pointer || path.startsWith(`${pointer}/`)) return message;
  }
  return undefined;
}

/** What no input shows, worded with its path: "levels 2 must be …". */
export function unplacedErrors(errors: PointerErrors, placed: (path: string) => boolean): string[] {
  return [...errors]
    .filter(([path]) => !placed(path))
    .map(([path, message]) =>
      path && path !== '/' ? `${path.slice(1).replaceAll('/', ' ')} ${message}` : message,
    );
}
