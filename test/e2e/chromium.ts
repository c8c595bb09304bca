// Which Chromium the browser tests (and `npm run bench:ui`) drive: REGIE_CHROMIUM, else a Chromium or Chrome at
// its usual place on Linux, macOS or Windows, else the Chromium Playwright installs itself
// (`npx playwright install chromium`). Where none is found, one line says what to install.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

export interface ChromiumChoice {
  /** The program to start; undefined means Playwright's own Chromium (or none at all, see `found`). */
  executablePath: string | undefined;
  /** Where it came from, for the one line the test run prints. */
  source: 'REGIE_CHROMIUM' | 'system' | 'playwright' | 'none';
}

export const CHROMIUM_MISSING =
  'Regie: geen Chromium gevonden voor de browsertests. Installeer Chromium of Google Chrome (Debian/Ubuntu: apt-get install chromium), ' +
  'of voer "npx playwright install chromium" uit, of zet REGIE_CHROMIUM op het pad van het programma.';

/** The usual install places, per platform, in order of preference. */
export function commonChromiumPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((r): r is string => typeof r === 'string' && r !== '');
    return [...roots.map((r) => join(r, 'Chromium', 'Application', 'chrome.exe')), ...roots.map((r) => join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'))];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
}

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (path: string) => boolean = existsSync): ChromiumChoice {
  const own = env.REGIE_CHROMIUM;
  if (own) return { executablePath: own, source: 'REGIE_CHROMIUM' };
  const system = commonChromiumPaths(platform, env).find(exists);
  if (system) return { executablePath: system, source: 'system' };
  if (playwrightChromium()) return { executablePath: undefined, source: 'playwright' };
  return { executablePath: undefined, source: 'none' };
}
