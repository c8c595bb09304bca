// The desktop app itself, in Electron, driven by Playwright's Electron support: first run, an event that is
// still there after a restart, a .regie file handed over on the command line (as the file association does)
// and its preview, the app:// origin with its CSP and sandbox, and the start-up time on a region's database.
// Runs wherever an Electron program is present (`npx install-electron` fetches it; CI does). Where there is
// none, the four tests are skipped with that reason, and `npm test` prints it; with REGIE_REQUIRE_ELECTRON=1
// (the CI workflow) a missing program fails them instead.
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import { AppContext } from '../../main/session/context';
import { dispatch } from '../../main/api/dispatch';
import { buildElectronSqlite, electronBinary, NO_ELECTRON, ROOT } from '../../scripts/electron-env.mjs';
import { Partner } from './event-helpers';
import { eventsTable, fillEvent, GRAND_PRIX } from './helpers';

const binary = electronBinary();
const required = process.env.REGIE_REQUIRE_ELECTRON === '1';

test.describe.configure({ mode: 'serial' });
test.skip(!binary && !required, NO_ELECTRON);

const dirs: string[] = [];
function freshDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

test.beforeAll(async () => {
  test.setTimeout(20 * 60_000);
  if (!binary) throw new Error(`REGIE_REQUIRE_ELECTRON=1, maar ${NO_ELECTRON}: voer eerst "npx install-electron" uit.`);
  // The main process and preload bundles (dist/renderer is built before the Playwright run), and
  // better-sqlite3 for this Electron (built once by @electron/rebuild, then reused).
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-electron.mjs')], { stdio: 'inherit' });
  await buildElectronSqlite();
});

test.afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Starts the desktop app on a data folder, as a double-click (with a file: as "Openen met") would. */
async function launch(dataDir: string, files: string[] = []): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await _electron.launch({
    executablePath: binary,
    // Chromium refuses to run as root with its sandbox (containers); the page's own sandbox stays on.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT, ...files],
    cwd: ROOT,
    env: { ...process.env, REGIE_DATA: dataDir },
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  return { app, page };
}

type Call = <K extends MethodName>(name: K, args: MethodInput<K>) => Promise<MethodResult<K>>;

/** The data folder opened as the command line would, to arrange a test before the app starts. */
function openData(dataDir: string): { ctx: AppContext; call: Call } {
  const ctx = new AppContext(dataDir, 'cli', 'e2e');
  const call: Call = async (name, args) => {
    const r = await dispatch(ctx, name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as MethodResult<typeof name>;
  };
  return { ctx, call };
}

test('first run, a new event, quit, start again: the event is still there', async () => {
  const dataDir = freshDir('regie-electron-');
  let { app, page } = await launch(dataDir);
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Regie' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Uw gemeente' }).fill('zandv');
  await page.getByRole('option', { name: /Zandvoort/ }).click();
  await page.getByLabel('Naam van dit apparaat').fill('Laptop coördinator');
  await page.getByRole('button', { name: 'Installatie inrichten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Deze installatie is ingericht' })).toBeVisible();
  await page.getByRole('button', { name: 'Verder naar Regie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();

  await page.getByRole('link', { name: 'Nieuw evenement' }).click();
  await fillEvent(page, GRAND_PRIX);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dutch Grand Prix' })).toBeVisible();
  await app.close();

  ({ app, page } = await launch(dataDir));
  try {
    await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Evenementen', exact: true }).click();
    await expect(eventsTable(page).getByRole('row', { name: /Dutch Grand Prix/ })).toContainText('vr 27 aug 2027 10:00');
  } finally {
    await app.close();
  }
});

test('a .regie file on the command line opens Uitwisselen with its preview, and nothing is read in yet', async () => {
  const dataDir = freshDir('regie-electron-');
  const { ctx, call } = openData(dataDir);
  const partner = new Partner('GM0397');
  let file: string;
  try {
    await call('setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop coördinator' });
    await partner.init(call);
    await partner.call('events.create', { name: 'Braderie Heemstede', place: 'Binnenweg', start: '2027-08-27T09:00', end: '2027-08-27T17:00', risk: 'A' });
    file = join(partner.dir, 'van heemstede.regie');
    await partner.call('exchange.export', { to: ['GM0473'], path: file });
  } finally {
    partner.ctx.close();
    ctx.close();
  }

  const { app, page } = await launch(dataDir, [file]);
  try {
    await expect(page.getByRole('heading', { level: 1, name: 'Uitwisselen' })).toBeVisible();
    const preview = page.getByTestId('import-preview');
    await expect(preview).toContainText('Van Heemstede (Laptop partner)');
    await expect(page.getByRole('button', { name: 'Inlezen', exact: true })).toBeVisible();
  } finally {
    await app.close();
  }
  const after = openData(dataDir);
  try {
    expect((await after.call('events.list', {})).map((e) => e.name)).not.toContain('Braderie Heemstede');
  } finally {
    after.ctx.close();
  }
});

test('the page is app://regie under its CSP, sandboxed without Node, and cannot navigate away', async () => {
  const dataDir = freshDir('regie-electron-');
  const { app, page } = await launch(dataDir);
  try {
    await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Regie' })).toBeVisible();
    expect(await page.evaluate(() => location.origin)).toBe('app://regie');

    // The window's settings as Electron applied them (getLastWebPreferences is Electron's own, untyped).
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null };
      const p = contents.getLastWebPreferences();
      return { sandbox: p?.sandbox, contextIsolation: p?.contextIsolation, nodeIntegration: p?.nodeIntegration, webviewTag: p?.webviewTag };
    });
    expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
    // On Windows and macOS Electron also says whether the page's process is sandboxed by the operating system.
    if (process.platform !== 'linux') {
      const tabs = await app.evaluate(({ app: electronApp }) =>
        electronApp
          .getAppMetrics()
          .filter((m) => m.type === 'Tab')
          .map((m) => m.sandboxed),
      );
      expect(tabs.length).toBeGreaterThan(0);
      expect(tabs.every((sandboxed) => sandboxed === true)).toBe(true);
    }

    // No Node in the page: only the api bridge the preload hands over.
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { require: typeof w.require, process: typeof w.process, module: typeof w.module, regie: typeof w.regie, desktop: typeof w.regieDesktop };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', regie: 'object', desktop: 'object' });

    // The CSP comes with every app:// response, and is in force: no inline script, no eval.
    const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("script-src 'self'");
    const blocked = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1;';
      document.body.append(script);
      let evalRan = false;
      try {
        evalRan = (0, eval)('true') as boolean;
      } catch {
        evalRan = false;
      }
      return { inline: w.__inline ?? null, evalRan };
    });
    expect(blocked).toEqual({ inline: null, evalRan: false });

    // Navigation away and new windows are refused. app://elders is a page Chromium would load (same scheme) but
    // not the app's origin; it is not a web link either, so it is not handed to the user's browser.
    await page.evaluate(() => {
      (window as unknown as Record<string, unknown>).__marker = 'nog hier';
    });
    type Seen = { regieNavigations?: string[] };
    await app.evaluate(({ BrowserWindow }) => {
      const seen = globalThis as unknown as Seen;
      seen.regieNavigations = [];
      BrowserWindow.getAllWindows()[0]!.webContents.on('will-navigate', (event) => seen.regieNavigations!.push(event.url));
    });
    await page.evaluate(() => {
      location.href = 'app://elders/index.html';
    });
    // The attempt reached main (so it was refused there, not by chance), and the page is still the app.
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as Seen).regieNavigations)).toEqual(['app://elders/index.html']);
    const opened = await page.evaluate(() => window.open('app://elders/index.html', '_blank') === null);
    expect(opened).toBe(true);
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/regie\//);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__marker)).toBe('nog hier');
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});

test('start-up on a region-scale database (measured and printed, not asserted)', async () => {
  test.setTimeout(15 * 60_000);
  const dataDir = freshDir('regie-electron-region-');
  const { ctx, call } = openData(dataDir);
  let generated: Record<string, number>;
  try {
    await call('setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop coördinator' });
    generated = await call('demo.generate', { seed: 2027, scale: 'region' });
  } finally {
    ctx.close();
  }

  const started = performance.now();
  const { app, page } = await launch(dataDir);
  try {
    const windowMs = performance.now() - started;
    await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible({ timeout: 60_000 });
    const calendarMs = performance.now() - started;
    const line = `Regie desktop-start op een regio-database (${JSON.stringify(generated)}): venster na ${Math.round(windowMs)} ms, Kalender zichtbaar na ${Math.round(calendarMs)} ms (doel: onder 2000 ms).`;
    console.log(line);
    test.info().annotations.push({ type: 'start-up', description: line });
  } finally {
    await app.close();
  }
});
