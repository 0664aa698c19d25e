import { Type } from 'typebox';
import { Invalid } from '../errors.ts';

/** Query parameters every list accepts. */
export const PageQuery = {
  cursor: Type.Optional(
    Type.String({ maxLength: 512, description: 'Opaque cursor from a previous page’s nextCursor.' }),
  ),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Items per page (1–200).' }),
  ),
};

/** A page of items and the cursor of the next page (null on the last). */
export function Page<T extends Parameters<typeof Type.Array>[0]>(item: T) {
  return Type.Object(
    {
      items: Type.Array(item),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as cursor to get the next page.',
      }),
    },
    { additionalProperties: false },
  );
}

/** Keyset position: the sort values of the last item returned. */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.every((v) => typeof v === 'string' || typeof v === 'number')) return key;
  } catch {
    // fall through to the error below
  }
  throw new Invalid('The cursor is not one this server issued.', [
    { path: 'query:/cursor', message: 'is not valid' },
  ]);
}

/** Takes limit+1 rows and returns the page plus the next cursor. */
export function pageOf<R, I>(
  rows: readonly R[],
  limit: number,
  present: (row: R) => I,
  keyOf: (row: R) => CursorKey,
) {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return {
    items: shown.map(present),
    nextCursor: more && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
