import fs from 'node:fs';
import { readAuditPublicKey } from '../platform/audit/signing-key.ts';
import { verifyAuditLog } from '../platform/audit/verify.ts';
import type { Config } from '../platform/config/config.ts';
import { openDatabase } from '../platform/db/database.ts';

export interface AuditVerifyOptions {
  readonly config: Config;
  /** Where each report line goes (stdout in the CLI). */
  readonly out: (line: string) => void;
  /** Verify one chain: an engagement id, or `global`. */
  readonly chainId?: string;
  /** Where TANDEM_AUDIT_KEY is read from; the process environment unless a test says otherwise. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * `tandem audit verify`: checks every audit chain against its hashes and signed checkpoints and
 * prints one line per chain. Read-only. Returns the exit code: 0 when every chain is intact,
 * 1 when any is not (or verification could not run).
 */
export async function runAuditVerify(options: AuditVerifyOptions): Promise<number> {
  const { config, out } = options;
  let publicKey: ReturnType<typeof readAuditPublicKey>;
  try {
    publicKey = readAuditPublicKey({ dataDir: config.dataDir, env: options.env ?? process.env });
  } catch (error) {
    out(`error: ${(error as Error).message}`);
    return 1;
  }
  // Opening a missing SQLite file would create an empty database; say what is wrong instead.
  if (config.database.kind === 'sqlite' && !fs.existsSync(config.database.file)) {
    out(`error: no database at ${config.database.file}`);
    return 1;
  }
  const handle = openDatabase(config);
  try {
    const report = await verifyAuditLog(
      handle.db,
      publicKey,
      options.chainId ? { chainId: options.chainId } : {},
    );
    if (report.chains.length === 0) out('ok  no audit records yet');
    for (const chain of report.chains) {
      out(
        chain.firstBad
          ? `BAD ${chain.chainId}  record ${chain.firstBad.seq}: ${chain.firstBad.reason}`
          : `ok  ${chain.chainId}  ${chain.rows} records, head ${chain.head ?? 0}`,
      );
    }
    return report.ok ? 0 : 1;
  } catch (error) {
    out(`error: could not read the audit log: ${(error as Error).message}`);
    return 1;
  } finally {
    await handle.close();
  }
}
