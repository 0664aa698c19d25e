import { Conflict } from '../errors.ts';

/** True when a write failed on a UNIQUE or PRIMARY KEY constraint, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * For `.catch(…)` on an insert or update: a duplicate becomes a Conflict with this message,
 * anything else is rethrown. The constraint decides, so two racing writes cannot both pass.
 */
export function conflictOnDuplicate(message: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw new Conflict(message);
    throw error;
  };
}
