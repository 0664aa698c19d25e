import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real processes for tests that need them: `tandem` commands and servers started as an
 * operator starts them, free ports, and waiting for something with a deadline.
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TANDEM = path.join(ROOT, 'bin', 'tandem.js');

/** A port nothing listens on right now (the kernel's pick, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Polls `probe` every `everyMs` until it gives a value, or throws naming `what` after `timeoutMs`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs: number,
  detail: () => string = () => '',
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Runs a one-shot `tandem` command (e.g. `demo`) to completion. */
export function runTandemCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TANDEM, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`tandem ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

/** A child process serving HTTP on 127.0.0.1. */
export interface ServerProcess {
  readonly process: ChildProcess;
  readonly origin: string;
  /** stdout and stderr so far (the last 64 KiB), for failure messages. */
  output(): string;
  /** Resolves once the process has exited (at once if it already has). */
  exited(): Promise<void>;
}

/** Spawns `command` with `args`, collecting its output; it is expected to listen on `port`. */
export function spawnServer(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  port: number,
): ServerProcess {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-65_536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (error) => keep(Buffer.from(`spawn failed: ${error.message}\n`)));
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    origin: `http://127.0.0.1:${port}`,
    output: () => output,
    exited: () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : exit),
  };
}

/**
 * `tandem start` on `port`, with `env` (TANDEM_DATA_DIR, DATABASE_URL, …) as given; `prefix`
 * runs it through another command, e.g. `["taskset", "-c", "0"]` to pin it to one core.
 */
export function startTandemProcess(
  env: NodeJS.ProcessEnv,
  port: number,
  prefix: readonly string[] = [],
): ServerProcess {
  const origin = `http://127.0.0.1:${port}`;
  const [command, ...args] = [...prefix, process.execPath, TANDEM, 'start'];
  return spawnServer(
    command ?? process.execPath,
    args,
    { ...env, PORT: String(port), HOST: '127.0.0.1', TANDEM_BASE_URL: origin },
    port,
  );
}

/** Waits until `urlPath` on the server answers 2xx; fails at once if the process exits. */
export async function waitUntilServing(server: ServerProcess, urlPath: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { exitCode, signalCode } = server.process;
    if (exitCode !== null || signalCode !== null)
      throw new Error(`server exited (${exitCode ?? signalCode}) before serving:\n${server.output()}`);
    const ok = await fetch(`${server.origin}${urlPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${server.origin}${urlPath}\n${server.output()}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Stops the process with `signal` and waits for it to exit (SIGKILL after `graceMs`). */
export async function stopServer(
  server: ServerProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
) {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  server.process.kill(signal);
  const timer = setTimeout(() => server.process.kill('SIGKILL'), graceMs);
  await server.exited();
  clearTimeout(timer);
}
