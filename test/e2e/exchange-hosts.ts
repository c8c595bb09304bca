// Two installations side by side for the exchange tests: two data folders, two real hosts in this worker,
// two browser contexts. Steps a coordinator takes on the Uitwisselen screen, written as a user does them.
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope, Identity, MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import { AppContext } from '../../main/session/context';
import { existingRunner } from '../../main/postbus/runner';
import { startHost, type RunningHost } from '../../main/host/server';

// The built renderer; REGIE_E2E_RENDERER points elsewhere when several people build into one checkout.
const RENDERER_DIR = process.env.REGIE_E2E_RENDERER ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export class Installation {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'regie-e2e-ex-'));
  /** Where this installation's user keeps files (downloads, cards), outside the data folder. */
  readonly files = mkdtempSync(join(tmpdir(), 'regie-e2e-files-'));
  private ctx: AppContext | undefined;
  private host: RunningHost | undefined;
  private context: BrowserContext | undefined;
  page!: Page;

  constructor(readonly name: string) {}

  async start(browser: Browser): Promise<void> {
    this.ctx = new AppContext(this.dataDir, 'host', 'e2e');
    this.host = await startHost({ ctx: this.ctx, rendererDir: RENDERER_DIR });
    this.context = await browser.newContext({ acceptDownloads: true });
    this.page = await this.context.newPage();
  }

  origin(): string {
    return `http://127.0.0.1:${this.host!.port}`;
  }

  async call<K extends MethodName>(name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
    const res = await fetch(`${this.origin()}/api/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.host!.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    });
    const envelope = (await res.json()) as Envelope<MethodResult<K>>;
    if (!envelope.ok) throw new Error(`${this.name} ${name}: ${envelope.error.message}`);
    return envelope.value;
  }

  /** A plan file for `gemeente`, made and downloaded through the host as the browser does; saved in this user's files. */
  async makeFile(gemeente: string): Promise<string> {
    const made = await this.call('exchange.exportFile', { to: [gemeente] });
    const res = await fetch(`${this.origin()}/files/${made.fileId}`, { headers: { Authorization: `Bearer ${this.host!.token}` } });
    if (!res.ok) throw new Error(`${this.name}: download refused (${res.status})`);
    const path = join(this.files, `${Date.now()}-${made.fileName}`);
    writeFileSync(path, Buffer.from(await res.arrayBuffer()));
    return path;
  }

  /** Hands a plan file to this host as the browser does (upload) and imports it. */
  async importPath(path: string): Promise<void> {
    const res = await fetch(`${this.origin()}/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.host!.token}`, 'Content-Type': 'application/octet-stream' },
      body: readFileSync(path),
    });
    const uploaded = (await res.json()) as Envelope<{ fileId: string }>;
    if (!uploaded.ok) throw new Error(`${this.name}: upload refused: ${uploaded.error.message}`);
    await this.call('exchange.importFile', { fileId: uploaded.value.fileId });
  }

  /** A plan file for `to`, carried as the browser would: made here, downloaded, uploaded there and read in. */
  async sendTo(to: Installation, gemeente: string): Promise<void> {
    const made = await this.call('exchange.exportFile', { to: [gemeente], full: false });
    const res = await fetch(`${this.origin()}/files/${made.fileId}`, { headers: { Authorization: `Bearer ${this.host!.token}` } });
    if (!res.ok) throw new Error(`${this.name}: download of ${made.fileName} failed (${res.status})`);
    const up = await fetch(`${to.origin()}/files`, { method: 'POST', headers: { Authorization: `Bearer ${to.host!.token}` }, body: Buffer.from(await res.arrayBuffer()) });
    const envelope = (await up.json()) as Envelope<{ fileId: string }>;
    if (!envelope.ok) throw new Error(`${to.name}: upload failed: ${envelope.error.message}`);
    await to.call('exchange.importFile', { fileId: envelope.value.fileId });
  }

  async setup(gemeente: string, deviceLabel: string): Promise<Identity> {
    return this.call('setup.init', { gemeente, deviceLabel });
  }

  /** Opens the app through the host's link (the first run, on an installation not set up yet). */
  async open(): Promise<void> {
    await this.page.goto(this.host!.url);
  }

  /** Opens the Uitwisselen screen through the host's link, as the user would. */
  async openExchange(): Promise<void> {
    await this.page.goto(this.host!.url);
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Uitwisselen' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Uitwisselen' })).toBeVisible();
  }

  async hash(): Promise<string> {
    return (await this.call('state.hash', {})).hash;
  }

  async stop(): Promise<void> {
    await this.context?.close();
    // The postbus runner (if this host used one) ends its round before the store closes.
    if (this.ctx) await existingRunner(this.ctx)?.stop();
    if (this.host) {
      const closing = this.host.close();
      this.host.server.closeAllConnections();
      await closing;
    }
    this.ctx?.close();
    rmSync(this.dataDir, { recursive: true, force: true });
    rmSync(this.files, { recursive: true, force: true });
  }
}

export const test = base.extend<{ zandvoort: Installation; heemstede: Installation }>({
  zandvoort: async ({ browser }, use) => {
    const z = new Installation('Zandvoort');
    await z.start(browser);
    await use(z);
    await z.stop();
  },
  heemstede: async ({ browser }, use) => {
    const h = new Installation('Heemstede');
    await h.start(browser);
    await use(h);
    await h.stop();
  },
});

export { expect };

/** "Identiteitskaart opslaan": the card as the browser downloads it, saved in the user's files. */
export async function saveOwnCard(from: Installation): Promise<string> {
  const downloading = from.page.waitForEvent('download');
  await from.page.getByRole('button', { name: 'Identiteitskaart opslaan' }).click();
  const download = await downloading;
  const path = join(from.files, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** "Kaart van partner inlezen", then the comparison by phone: every group matches, then trust. */
export async function trustCardThroughUi(at: Installation, cardPath: string, partner: string): Promise<void> {
  const page = at.page;
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Kaart van partner inlezen…' }).click();
  await (await choosing).setFiles(cardPath);
  const compare = page.getByRole('region', { name: 'Vingerafdruk vergelijken' });
  await expect(compare).toContainText(`Bel uw contactpersoon bij ${partner}`);
  const groups = compare.getByRole('group');
  await expect(groups).toHaveCount(6);
  const trustButton = compare.getByRole('button', { name: 'Apparaat vertrouwen' });
  for (let i = 0; i < 6; i++) {
    await expect(trustButton).toBeDisabled();
    await groups.nth(i).getByRole('radio', { name: 'Klopt', exact: true }).check();
  }
  await trustButton.click();
  await expect(page.getByRole('status').filter({ hasText: `${partner} (` })).toContainText('is nu een vertrouwde partner');
}

/** "Bestand maken en opslaan" with the default recipients (optionally encrypted to them): the downloaded plan file. */
export async function exportThroughUi(from: Installation, expectedRecipient: string, options: { encrypt?: boolean } = {}): Promise<string> {
  const page = from.page;
  const section = page.getByRole('region', { name: 'Bestand maken voor partners' });
  await expect(section.getByRole('checkbox', { name: new RegExp(`^${expectedRecipient}`) })).toBeChecked();
  if (options.encrypt) await section.getByRole('checkbox', { name: /^Versleutelen/ }).check();
  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Bestand maken en opslaan' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^regie-${from.name}-aan-${expectedRecipient}-\\d{4}-\\d{2}-\\d{2}-\\d{4}(-\\d+)?\\.regie$`));
  const path = join(from.files, download.suggestedFilename());
  await download.saveAs(path);
  await expect(page.getByRole('status').filter({ hasText: 'is gemaakt' })).toContainText(`is gemaakt voor ${expectedRecipient}`);
  return path;
}

/** "Planbestand kiezen…": the preview appears; returns its panel. */
export async function previewThroughUi(at: Installation, planPath: string) {
  const page = at.page;
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Planbestand kiezen…' }).click();
  await (await choosing).setFiles(planPath);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 15_000 });
  return preview;
}

/** Preview, then "Inlezen": the plan file is applied. */
export async function importThroughUi(at: Installation, planPath: string, sender: string): Promise<void> {
  const preview = await previewThroughUi(at, planPath);
  await expect(preview).toContainText(`Van ${sender}`);
  await at.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await expect(at.page.getByRole('status').filter({ hasText: 'ingelezen' })).toContainText(`Bestand van ${sender} ingelezen`);
}
