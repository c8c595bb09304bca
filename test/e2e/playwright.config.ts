// Playwright against a real Chromium (chromium.ts finds one) and a real host per test (see fixtures.ts), plus
// the desktop app itself in Electron where an Electron program exists (electron.spec.ts). `npm run test:e2e`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_MISSING, findChromium } from './chromium';

const browser = findChromium();
// The config is read by the runner and again by each worker: the line is said once.
if (browser.source === 'none' && !process.env.REGIE_CHROMIUM_WARNED) {
  process.env.REGIE_CHROMIUM_WARNED = '1';
  console.error(CHROMIUM_MISSING);
}

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  fullyParallel: true,
  // A .only left in a spec would make CI run (and pass) one test: refused there.
  forbidOnly: !!process.env.CI,
  workers: 2,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
    screenshot: 'on',
    // A failed test keeps its trace with the page's DOM at every step; without the screencast, whose frames cost
    // about a tenth of the suite's time on CI's two cores (the screenshot above shows the end).
    trace: { mode: 'retain-on-failure', screenshots: false },
    launchOptions: {
      ...(browser.executablePath ? { executablePath: browser.executablePath } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Date and time inputs follow Chromium's UI language, as in the desktop app (main/app/start.ts).
        '--lang=nl-NL',
      ],
    },
  },
});
