import { defineConfig } from '@playwright/test';

const port = 8181;
const baseURL = process.env.TANDEM_E2E_URL ?? `http://127.0.0.1:${port}`;
const dataDir = '.tandem-test/e2e';

/**
 * Browser journeys against a real `tandem start` with demo data, in Debian's Chromium
 * (never `playwright install`). Set TANDEM_E2E_URL to test a server you started yourself.
 */
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: process.env.TANDEM_E2E_URL
    ? undefined
    : {
        // A fresh installation every run: empty data folder, demo data, then the server.
        command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && node scripts/ensure-web-build.js && node bin/tandem.js demo && node bin/tandem.js start`,
        env: { PORT: String(port), TANDEM_DATA_DIR: dataDir },
        url: `http://127.0.0.1:${port}/healthz`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
