/**
 * Deterministic JSON, in the manner of RFC 8785 (JSON Canonicalization Scheme): object keys
 * sorted by UTF-16 code units at every depth, no whitespace, numbers and strings written as
 * ECMAScript's JSON.stringify writes them. The same value always gives the same text, so a
 * hash or signature over it can be recomputed later by anyone, in any language.
 *
 * Like JSON.stringify, `toJSON` is honoured (a Date becomes its ISO string) and object members
 * whose value is undefined, a function or a symbol are left out (in arrays they become null).
 * Unlike it, values that JSON cannot represent faithfully are refused instead of silently
 * changed: NaN, Infinity, bigint, Map, Set and cycles throw a TypeError.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value, new Set());
  if (text === undefined) throw new TypeError('canonicalJson: the value has no JSON form');
  return text;
}

function write(input: unknown, ancestors: Set<object>): string | undefined {
  const value = hasToJson(input) ? input.toJSON() : input;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      // ECMAScript's shortest round-trip form is exactly what RFC 8785 prescribes; -0 becomes 0.
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: bigint has no JSON form; convert it to a string first');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (object instanceof Map || object instanceof Set) {
    throw new TypeError(
      'canonicalJson: Map and Set have no JSON form; convert them to an object or array first',
    );
  }
  if (ancestors.has(object)) throw new TypeError('canonicalJson: the value contains a cycle');
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item) => write(item, ancestors) ?? 'null').join(',')}]`;
    }
    const record = object as Record<string, unknown>;
    const members: string[] = [];
    // The default sort compares UTF-16 code units, which is the order RFC 8785 specifies.
    for (const key of Object.keys(record).sort()) {
      const member = write(record[key], ancestors);
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  );
}
