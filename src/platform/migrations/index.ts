import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.ts';
import * as m0002 from './0002_tickets.ts';

/** Every migration, in order. Forward-only: a released migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_tickets': m0002,
};
