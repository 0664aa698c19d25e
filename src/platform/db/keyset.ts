import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';

/** One column of a keyset order: its SQL reference and direction. */
export interface KeysetColumn {
  readonly ref: string;
  readonly direction: 'asc' | 'desc';
}

/**
 * "Rows after this position" for keyset pagination: (a, b, c) after (x, y, z) in the given
 * directions, written as an OR of ANDs that both databases can serve from an index.
 */
export function after<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  columns: readonly KeysetColumn[],
  values: readonly (string | number)[],
): ExpressionWrapper<DB, TB, SqlBool> {
  return eb.or(
    columns.map((column, i) =>
      eb.and([
        ...columns.slice(0, i).map((c, j) => sql<SqlBool>`${sql.ref(c.ref)} = ${values[j]}`),
        sql<SqlBool>`${sql.ref(column.ref)} ${sql.raw(column.direction === 'asc' ? '>' : '<')} ${values[i]}`,
      ]),
    ),
  );
}
