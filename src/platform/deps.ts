import type { EventBus } from './bus/bus.ts';
import type { Db } from './db/database.ts';
import type { Logger } from './log/logger.ts';

/** What every module's service is built from (see main.ts). */
export interface PlatformDeps {
  readonly db: Db;
  /** The clock; tests pass a fixed one. Services read time only through this. */
  readonly now: () => Date;
  readonly bus: EventBus;
  readonly log: Logger;
}
