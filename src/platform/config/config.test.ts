import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('configuration from the environment', () => {
  it('runs with no settings at all: port 8080, embedded SQLite under ./data, info logs', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.database).toEqual({ kind: 'sqlite', file: path.join(path.resolve('./data'), 'tandem.db') });
    expect(config.baseUrl).toBe('http://localhost:8080');
    expect(config.logLevel).toBe('info');
    expect(config.secureCookies).toBe(false);
    expect(config.auditCheckpointSeconds).toBe(300);
  });

  it('reads PostgreSQL, the base URL and the data directory when given', () => {
    const config = loadConfig({
      PORT: '3000',
      TANDEM_DATA_DIR: '/srv/tandem',
      DATABASE_URL: 'postgres://tandem:secret@db.internal:5432/tandem',
      TANDEM_BASE_URL: 'https://tandem.example.com/some/path',
      LOG_LEVEL: 'warn',
    });
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('/srv/tandem'));
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://tandem:secret@db.internal:5432/tandem',
    });
    // Only the origin counts: CSRF checks compare origins.
    expect(config.baseUrl).toBe('https://tandem.example.com');
    expect(config.secureCookies).toBe(true);
    expect(config.logLevel).toBe('warn');
  });

  it('defaults the base URL to the configured port', () => {
    expect(loadConfig({ PORT: '9090' }).baseUrl).toBe('http://localhost:9090');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['TANDEM_BASE_URL', 'ftp://x'],
    ['TANDEM_BASE_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
    ['TANDEM_AUDIT_CHECKPOINT_SECONDS', '0'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    const error = configErrorOf({ [name]: value });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain(name);
    expect(error.message).toContain(name);
  });

  it('reports every bad variable at once, not just the first', () => {
    const error = configErrorOf({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(error.problems).toHaveLength(3);
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(error.message).toContain(name);
  });

  it('does not echo a database password back in its complaint', () => {
    const error = configErrorOf({ DATABASE_URL: 'mysql://tandem:hunter2-secret@db/tandem' });
    expect(error.message).not.toContain('hunter2-secret');
  });
});

describe('tandem start with a bad environment', () => {
  it('exits with code 2 and a message naming the variable', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-config-'));
    try {
      const { code, stderr } = await run(['bin/tandem.js', 'start'], {
        PORT: 'abc',
        TANDEM_DATA_DIR: dataDir,
        DATABASE_URL: '',
      });
      expect(code).toBe(2);
      expect(stderr).toMatch(/PORT/);
      expect(stderr).toMatch(/abc/);
      // It stopped before touching the database.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    // A server that started despite the bad port would never exit; do not wait forever.
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}
