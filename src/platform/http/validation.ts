import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from '../errors.ts';

function createAjv(coerceTypes: boolean | 'array'): Ajv {
  // removeAdditional stays off: an unknown field is an error the caller should hear about,
  // never something silently dropped.
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes,
    removeAdditional: false,
    useDefaults: true,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

// Query strings and path parameters arrive as text, so they are coerced to the schema's
// types; JSON bodies are not: {"limit": "5"} is a wrong type, not a number.
const forText = createAjv('array');
const forBodies = createAjv(false);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? forBodies : forText;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

/** Turns Ajv's errors into one entry per field, in words a person can act on. */
export function fieldErrors(errors: readonly ErrorObject[], part: string): FieldError[] {
  return errors.map((e) => {
    const field =
      e.keyword === 'required'
        ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`
        : e.keyword === 'additionalProperties'
          ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`
          : e.instancePath || '/';
    return { path: part === 'body' ? field : `${part}:${field}`, message: explain(e) };
  });
}

function explain(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'type':
      return `must be ${(e.params as { type: string }).type}`;
    case 'enum':
      return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    default:
      return e.message ?? 'is invalid';
  }
}
