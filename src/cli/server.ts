import { createTandem } from '../main.ts';
import type { Config } from '../platform/config/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createLogger } from '../platform/log/logger.ts';
import { DEMO_ADMIN_EMAIL, demoPassword } from './demo.ts';

/** `tandem start`: serve until SIGTERM/SIGINT, then shut down cleanly. */
export async function runStart(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);
  const tandem = await createTandem(config, { log, background: true });
  await tandem.app.listen({ port: config.port, host: config.host });
  const demo = await tandem.handle.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', DEMO_ADMIN_EMAIL)
    .executeTakeFirst();
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  console.log(`\nTandem is running: open ${config.baseUrl}  (database: ${where})`);
  console.log(
    demo
      ? `Log in as ${DEMO_ADMIN_EMAIL} with password "${demoPassword()}" (every demo account uses it; \`npx tandem demo\` lists them).\n`
      : 'No users yet: load the demo with `npx tandem demo`, or create one with `npx tandem user create --help`.\n',
  );
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await tandem.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/** `tandem migrate`. */
export async function runMigrate(config: Config, out: (line: string) => void): Promise<number> {
  const handle = openDatabase(config);
  try {
    const applied = await migrateToLatest(handle.db);
    out(applied.length ? `Applied ${applied.join(', ')}.` : 'The database is up to date.');
    return 0;
  } finally {
    await handle.close();
  }
}
