import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './test/support/findChromium';

// End-to-end specs drive the browser host (the same services as the Electron app) in Chromium.
// Each test starts its own host with a temporary data folder: no fixed ports, no shared state.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
