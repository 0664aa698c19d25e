import path from 'node:path';

/** Log levels pino understands, least to most verbose. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything Tandem reads from its environment, validated once at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** `sqlite` uses `<dataDir>/tandem.db`; `postgres` uses `databaseUrl`. */
  readonly database:
    | { readonly kind: 'sqlite'; readonly file: string }
    | { readonly kind: 'postgres'; readonly url: string };
  /** The origin browsers reach Tandem on; cookie-authenticated writes must come from it. */
  readonly baseUrl: string;
  readonly logLevel: LogLevel;
  /** Set behind a TLS-terminating proxy so session cookies are marked Secure. */
  readonly secureCookies: boolean;
  /** How often the audit chain head is signed into a checkpoint. */
  readonly auditCheckpointSeconds: number;
  /** Outbound mail (pages, notifications): `smtp://user:pass@host:port`; unset means no e-mail is sent. */
  readonly smtpUrl: string | null;
  /** The From address of Tandem's mail. */
  readonly mailFrom: string;
  /** The port of Tandem's SMTP listener for e-mail integrations; null keeps it off. */
  readonly smtpListenPort: number | null;
  /** The domain of e-mail integration addresses (`<token>@<domain>`). */
  readonly mailDomain: string;
}

/** A configuration that cannot be used; the message names the variable and what is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const port = integer(env, 'PORT', 8080, 0, 65535, problems);
  const host = env.HOST?.trim() || '0.0.0.0';
  const dataDir = path.resolve(env.TANDEM_DATA_DIR?.trim() || './data');
  const database = databaseFrom(env.DATABASE_URL, dataDir, problems);
  const baseUrl = baseUrlFrom(env.TANDEM_BASE_URL, port, problems);
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${env.LOG_LEVEL}"`);
  }
  const auditCheckpointSeconds = integer(env, 'TANDEM_AUDIT_CHECKPOINT_SECONDS', 300, 1, 86_400, problems);
  const smtpUrl = smtpUrlFrom(env.TANDEM_SMTP_URL, problems);
  const listen = env.TANDEM_SMTP_LISTEN_PORT?.trim();
  const smtpListenPort = listen ? integer(env, 'TANDEM_SMTP_LISTEN_PORT', 0, 0, 65535, problems) : null;
  const mailDomain = env.TANDEM_MAIL_DOMAIN?.trim() || new URL(baseUrl).hostname;
  const mailFrom = env.TANDEM_MAIL_FROM?.trim() || `Tandem <tandem@${mailDomain}>`;
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    dataDir,
    database,
    baseUrl,
    logLevel,
    secureCookies: baseUrl.startsWith('https:'),
    auditCheckpointSeconds,
    smtpUrl,
    mailFrom,
    smtpListenPort,
    mailDomain,
  };
}

function smtpUrlFrom(raw: string | undefined, problems: string[]): string | null {
  const value = raw?.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === 'smtp:' || url.protocol === 'smtps:') return value;
  } catch {}
  problems.push(
    `TANDEM_SMTP_URL must be an smtp:// or smtps:// URL such as smtp://mail.example.com:587; got "${value}"`,
  );
  return null;
}

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
    return fallback;
  }
  return value;
}

function databaseFrom(raw: string | undefined, dataDir: string, problems: string[]): Config['database'] {
  const url = raw?.trim();
  if (!url) return { kind: 'sqlite', file: path.join(dataDir, 'tandem.db') };
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
      return { kind: 'postgres', url };
    } catch {
      problems.push('DATABASE_URL is not a valid URL');
    }
  } else if (url.startsWith('sqlite:')) {
    return { kind: 'sqlite', file: path.resolve(url.slice('sqlite:'.length)) };
  } else {
    problems.push(
      'DATABASE_URL must start with postgres:// (or sqlite:<file>); leave it unset for the embedded SQLite database',
    );
  }
  return { kind: 'sqlite', file: path.join(dataDir, 'tandem.db') };
}

function baseUrlFrom(raw: string | undefined, port: number, problems: string[]): string {
  const value = raw?.trim();
  if (!value) return `http://localhost:${port}`;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url.origin;
  } catch {
    problems.push(
      `TANDEM_BASE_URL must be an http(s) URL such as https://tandem.example.com; got "${value}"`,
    );
    return `http://localhost:${port}`;
  }
}
