// Shared by the audit tests only: a migrated database per test and the people who act in it.
import { uuidv7 } from 'uuidv7';
import type { TestDatabase } from '../../../test/databases.ts';
import type { Actor } from '../access/actor.ts';
import type { Party } from '../access/roles.ts';
import { type Config, loadConfig } from '../config/config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

export interface AuditTestDatabase {
  readonly handle: DatabaseHandle;
  /** A full configuration pointing at this database, for the CLI. */
  readonly config: Config;
  readonly dataDir: string;
  close(): Promise<void>;
}

export async function openAuditTestDatabase(kind: TestDatabase): Promise<AuditTestDatabase> {
  const { database, dataDir, drop } = await kind.create();
  const handle = openDatabase({ database });
  await migrateToLatest(handle.db);
  const config = loadConfig({
    TANDEM_DATA_DIR: dataDir,
    DATABASE_URL: database.kind === 'postgres' ? database.url : `sqlite:${database.file}`,
  });
  return {
    handle,
    config,
    dataDir,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

/** A user of the provider or a client organization, with a standing in the given engagements. */
export function userActor(
  organizationKind: 'provider' | 'client',
  engagements: Record<string, Party> = {},
  tokenId: string | null = null,
): Actor {
  return {
    kind: 'user',
    userId: uuidv7(),
    name: 'Robin Example',
    email: 'robin@example.com',
    organizationId: uuidv7(),
    organizationKind,
    orgRole: 'member',
    token: tokenId ? { id: tokenId, role: null } : null,
    engagements: new Map(
      Object.entries(engagements).map(([id, party]) => [id, { party, role: 'agent' as const }]),
    ),
  };
}

/** `seconds` after a fixed instant, so stored timestamps are predictable. */
export function at(seconds: number): Date {
  return new Date(Date.UTC(2026, 10, 25, 12, 0, seconds));
}
