import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, type ServerProcess, spawnServer, stopServer, waitUntilServing } from './server-process.ts';

/**
 * A real Prometheus Alertmanager (Debian's `prometheus-alertmanager`) for tests and benchmarks:
 * standalone (no cluster), its own temporary storage, one webhook receiver.
 */

export const ALERTMANAGER_BINARY = process.env.TANDEM_ALERTMANAGER ?? '/usr/bin/prometheus-alertmanager';

export function alertmanagerInstalled(): boolean {
  try {
    fs.accessSync(ALERTMANAGER_BINARY, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An alert as Alertmanager's API v2 takes it (`POST /api/v2/alerts`). */
export interface PostableAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly startsAt?: string;
  /** In the past: the alert is resolved. */
  readonly endsAt?: string;
  readonly generatorURL?: string;
}

export interface Alertmanager {
  readonly origin: string;
  readonly process: ServerProcess;
  /** Posts alerts to `/api/v2/alerts`; throws unless Alertmanager answers 200. */
  post(alerts: readonly PostableAlert[]): Promise<void>;
  stop(): Promise<void>;
}

export interface AlertmanagerOptions {
  /** The receiver's webhook URL (e.g. Tandem's `/integrations/alertmanager/{key}`). */
  readonly webhookUrl: string;
  /** group_wait and group_interval; default "1s" so tests see notifications quickly. */
  readonly groupInterval?: string;
  /** Labels alerts are grouped by; default ["alertname"]. */
  readonly groupBy?: readonly string[];
  /** Runs the binary through this prefix, e.g. ["taskset", "-c", "0"] to pin it to one core. */
  readonly prefix?: readonly string[];
  /** Extra environment (e.g. GOMAXPROCS=1). */
  readonly env?: Readonly<Record<string, string>>;
}

function configYaml(options: AlertmanagerOptions): string {
  const interval = options.groupInterval ?? '1s';
  const groupBy = (options.groupBy ?? ['alertname']).map((l) => JSON.stringify(l)).join(', ');
  return [
    'route:',
    '  receiver: tandem',
    `  group_by: [${groupBy}]`,
    `  group_wait: ${interval}`,
    `  group_interval: ${interval}`,
    '  repeat_interval: 1h',
    'receivers:',
    '  - name: tandem',
    '    webhook_configs:',
    `      - url: ${JSON.stringify(options.webhookUrl)}`,
    '        send_resolved: true',
    '',
  ].join('\n');
}

/** Starts Alertmanager on a free port and waits until `/-/ready` answers. */
export async function startAlertmanager(options: AlertmanagerOptions): Promise<Alertmanager> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-alertmanager-'));
  const configFile = path.join(dir, 'alertmanager.yml');
  fs.writeFileSync(configFile, configYaml(options));
  const port = await freePort();
  const args = [
    `--config.file=${configFile}`,
    `--storage.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    // Empty: no gossip cluster, so it needs no second port and never waits for peers.
    '--cluster.listen-address=',
    '--log.level=warn',
  ];
  const [command, ...prefix] = [...(options.prefix ?? []), ALERTMANAGER_BINARY];
  const server = spawnServer(
    command ?? ALERTMANAGER_BINARY,
    [...prefix, ...args],
    { ...process.env, ...options.env },
    port,
  );
  const stop = async () => {
    await stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(server, '/-/ready', 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    origin: server.origin,
    process: server,
    async post(alerts) {
      const response = await fetch(`${server.origin}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (response.status !== 200)
        throw new Error(`Alertmanager answered ${response.status}: ${await response.text()}`);
    },
    stop,
  };
}
