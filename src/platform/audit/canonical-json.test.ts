import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    // U+20AC (€) sorts before U+1F600 (😀, surrogates D83D…) by code units, after it by code points.
    expect(canonicalJson({ '😀': 1, '€': 2, a: 3, B: 4 })).toBe('{"B":4,"a":3,"€":2,"😀":1}');
  });

  it('writes numbers in their shortest round-trip form', () => {
    expect(canonicalJson([1.0, 0.1, 1e21, 1e-7, -0, 123456789012345680000])).toBe(
      '[1,0.1,1e+21,1e-7,0,123456789012345680000]',
    );
  });

  it('leaves out undefined members and writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1], c: () => 1 })).toBe('{"b":[null,1]}');
  });

  it('writes dates as ISO-8601 strings', () => {
    expect(canonicalJson({ at: new Date('2026-11-25T12:00:00Z') })).toBe('{"at":"2026-11-25T12:00:00.000Z"}');
  });

  it('escapes strings as JSON requires and nothing more', () => {
    expect(canonicalJson('a"b\\c\n\u0001/é')).toBe('"a\\"b\\\\c\\n\\u0001/é"');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(new Map())).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/cycle/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });

  it('does not depend on the order keys were inserted in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reverseKeys(value))).toBe(canonicalJson(value));
      }),
    );
  });

  it('parses back to the same value', () => {
    // -0 is the one JSON number with two spellings; RFC 8785 writes it as 0.
    fc.assert(
      fc.property(fc.jsonValue().map(positiveZero), (value) => {
        expect(JSON.parse(canonicalJson(value))).toStrictEqual(value);
      }),
    );
  });
});

/** The same value with every object's keys inserted in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse()) {
    Object.defineProperty(copy, key, {
      value: reverseKeys((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

function positiveZero(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(positiveZero);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    Object.defineProperty(copy, key, {
      value: positiveZero(member),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
