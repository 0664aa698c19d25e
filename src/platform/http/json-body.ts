import type { FastifyInstance } from 'fastify';

/** Deeper than any record Tandem stores; deeper input is an attack on the parser or the CPU. */
export const MAX_JSON_DEPTH = 32;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces Fastify's body parsers: JSON only (a text/plain or form body is refused with 415,
 * which also stops simple cross-site form posts), valid UTF-8, no NUL characters, bounded
 * nesting, and prototype-poisoning keys refused by Fastify's own secure parser.
 */
export function acceptJsonOnly(app: FastifyInstance): void {
  const parseSecurely = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      return done(badRequest('The request body is not valid UTF-8.'), undefined);
    }
    if (text.includes('\u0000'))
      return done(badRequest('The request body contains a NUL character.'), undefined);
    parseSecurely(request, text, (error, value) => {
      if (error) return done(badRequest(`The request body is not valid JSON: ${error.message}`), undefined);
      // An escaped \u0000 survives the raw-text check above; PostgreSQL cannot store it in text.
      if (containsNul(value))
        return done(badRequest('The request body contains a NUL character.'), undefined);
      if (depthOf(value) > MAX_JSON_DEPTH) {
        return done(
          badRequest(`The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`),
          undefined,
        );
      }
      done(null, value);
    });
  });
}

function badRequest(message: string): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode: 400 });
}

/** Iterative, so measuring a hostile body cannot itself overflow the stack. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** True when any string or key in the parsed body holds a NUL. Iterative, like depthOf. */
function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string' && node.includes('\u0000')) return true;
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      if (key.includes('\u0000')) return true;
      stack.push(child);
    }
  }
  return false;
}
