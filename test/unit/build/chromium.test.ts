// Which Chromium the browser tests use: REGIE_CHROMIUM first, then the usual install places per system, then
// Playwright's own; with none, the one line printed says what to install.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_MISSING, commonChromiumPaths, findChromium } from '../../e2e/chromium';

const nothing = () => false;

describe('finding Chromium for the browser tests', () => {
  it('takes REGIE_CHROMIUM before anything else', () => {
    expect(findChromium({ REGIE_CHROMIUM: '/opt/chrome/chrome' }, 'linux', () => true)).toEqual({ executablePath: '/opt/chrome/chrome', source: 'REGIE_CHROMIUM' });
  });

  it('looks in the usual places on Linux, macOS and Windows', () => {
    expect(findChromium({}, 'linux', (p) => p === '/usr/bin/google-chrome')).toEqual({ executablePath: '/usr/bin/google-chrome', source: 'system' });
    expect(findChromium({}, 'linux', (p) => p === '/usr/bin/chromium' || p === '/usr/bin/google-chrome').executablePath).toBe('/usr/bin/chromium');
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium({}, 'darwin', (p) => p === mac)).toEqual({ executablePath: mac, source: 'system' });
    const env = { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\boa\\AppData\\Local' };
    const windows = commonChromiumPaths('win32', env);
    expect(windows.some((p) => p.startsWith('C:\\Program Files') && p.endsWith('chrome.exe'))).toBe(true);
    expect(windows.some((p) => p.startsWith('C:\\Users\\boa\\AppData\\Local') && p.endsWith('chrome.exe'))).toBe(true);
  });

  it('falls back to Playwright’s own Chromium, and otherwise says what to install', () => {
    const found = findChromium({}, 'linux', nothing);
    expect(found.executablePath).toBeUndefined();
    expect(found.source).toBe(existsSync(chromium.executablePath()) ? 'playwright' : 'none');
    expect(CHROMIUM_MISSING).not.toContain('\n');
    expect(CHROMIUM_MISSING).toMatch(/apt-get install chromium/);
    expect(CHROMIUM_MISSING).toMatch(/npx playwright install chromium/);
    expect(CHROMIUM_MISSING).toMatch(/REGIE_CHROMIUM/);
  });
});
