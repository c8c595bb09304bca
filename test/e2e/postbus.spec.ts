// Two gemeenten share one folder as their postbus: a change at Zandvoort appears at Heemstede without anyone
// choosing a file when Heemstede imports Zandvoort's files automatically, and waits for the usual preview
// when it does not. Real hosts with their postbus running, a real temporary folder, real Chromium.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { snap } from './fixtures';
import { expect, test, type Installation } from './exchange-hosts';

// The hosts run in this worker: their postbus writes half a second after a change instead of a minute.
process.env.REGIE_POSTBUS_QUIET_MS = '500';
process.env.REGIE_POSTBUS_POLL_MS = '250';
process.env.REGIE_POSTBUS_SETTLE_MS = '300';
process.env.REGIE_POSTBUS_RESCAN_MS = '1000';

// Generous: two hosts, a browser and the postbus rounds share the machine with other test runs.
test.describe.configure({ timeout: 180_000 });

const GP = { name: 'Dutch Grand Prix', place: 'Circuit Zandvoort', start: '2027-08-27T08:00', end: '2027-08-29T20:00', risk: 'C' } as const;

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Set up and trusting each other (cards and fingerprints through the api: the Partners screen has its own tests). */
async function partners(z: Installation, h: Installation): Promise<void> {
  await z.setup('GM0473', 'Laptop Zandvoort');
  await h.setup('GM0397', 'Laptop Heemstede');
  for (const [a, b] of [
    [z, h],
    [h, z],
  ] as const) {
    const { content } = await b.call('identity.card', {});
    const info = await a.call('partners.inspectCard', { content });
    await a.call('partners.trust', { content, fingerprint: info.fingerprint });
  }
}

/** Uitwisselen › Postbus: type the shared folder and use it. */
async function usePostbus(at: Installation, dir: string): Promise<void> {
  await at.openExchange();
  const section = at.page.getByRole('region', { name: 'Postbus' });
  await section.getByLabel('Map van de postbus').fill(dir);
  await section.getByRole('button', { name: 'Postbus gebruiken' }).click();
  await expect(at.page.getByRole('status').filter({ hasText: 'De postbus is ingesteld' })).toBeVisible();
  await expect(at.page.getByTestId('postbus-header')).toContainText('Postbus');
}

let box: string;
test.beforeEach(() => {
  box = mkdtempSync(join(tmpdir(), 'regie-e2e-postbus-'));
});
test.afterEach(() => rmSync(box, { recursive: true, force: true }));

test('with automatic import on, a change at Zandvoort appears at Heemstede by itself and is listed in Meldingen', async ({ zandvoort: z, heemstede: h }, testInfo) => {
  await partners(z, h);
  await usePostbus(z, box);
  await usePostbus(h, box);
  const section = h.page.getByRole('region', { name: 'Postbus' });
  const auto = section.getByRole('checkbox', { name: 'Automatisch inlezen van Zandvoort' });
  await auto.click();
  await expect(auto).toBeChecked();
  await expect(h.page.getByRole('status').filter({ hasText: 'automatisch ingelezen als er niets botst' })).toBeVisible();

  await z.call('events.create', GP);
  // Nobody chooses a file: Zandvoort's postbus writes it, Heemstede's reads and applies it.
  await expect.poll(() => readdirSync(box).filter((n) => /^van-Zandvoort-aan-Heemstede-.*\.regie$/.test(n)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await h.hash()) === (await z.hash()), { timeout: 20_000 }).toBe(true);
  await expect(section.getByRole('row', { name: /Zandvoort/ })).toContainText('sinds');
  await snap(h.page, testInfo, 'postbus-heemstede');
  expect(await seriousViolations(h.page)).toEqual([]);

  await h.page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: /Meldingen/ })
    .click();
  const applied = h.page.getByTestId('postbus-applied');
  await expect(applied).toContainText('Automatisch ingelezen uit de postbus');
  await expect(applied).toContainText('Zandvoort — 1 wijziging');
  await expect(applied).toContainText('Zandvoort: 1 nieuw, 0 gewijzigd');
  await snap(h.page, testInfo, 'postbus-meldingen');
});

test('with automatic import off, the file waits in Uitwisselen with a count, and is applied after the usual preview', async ({ zandvoort: z, heemstede: h }, testInfo) => {
  await partners(z, h);
  await usePostbus(z, box);
  await usePostbus(h, box);
  await z.call('events.create', GP);

  const nav = h.page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByTestId('postbus-count')).toHaveText(/^1/, { timeout: 20_000 });
  await expect(h.page.getByTestId('postbus-header')).toContainText('1 wacht op u');
  const waiting = h.page.getByTestId('postbus-waiting');
  await expect(waiting).toContainText('Van Zandvoort: van-Zandvoort-aan-Heemstede-');
  await expect(waiting).toContainText('automatisch inlezen staat uit voor Zandvoort');
  expect(await h.hash()).not.toBe(await z.hash());
  await snap(h.page, testInfo, 'postbus-waiting');
  expect(await seriousViolations(h.page)).toEqual([]);

  await waiting.getByRole('button', { name: /^Bestand van-Zandvoort-aan-Heemstede-.* bekijken$/ }).click();
  const preview = h.page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 15_000 });
  await expect(preview).toContainText('Van Zandvoort');
  await h.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await expect(h.page.getByRole('status').filter({ hasText: 'ingelezen' })).toContainText('Bestand van Zandvoort ingelezen');
  expect(await h.hash()).toBe(await z.hash());
  await expect(nav.getByTestId('postbus-count')).toHaveCount(0, { timeout: 10_000 });
  await expect(h.page.getByText('Er wachten geen bestanden op u.')).toBeVisible();
});

test('a folder that goes away is shown as unreachable in the header, and nothing is lost', async ({ zandvoort: z, heemstede: h }) => {
  await partners(z, h);
  const gone = join(box, 'nas');
  const { mkdirSync, renameSync } = await import('node:fs');
  mkdirSync(gone);
  await usePostbus(z, gone);
  renameSync(gone, `${gone}-weg`);
  await expect(z.page.getByTestId('postbus-header')).toContainText('map niet bereikbaar', { timeout: 20_000 });
  await expect(z.page.getByRole('region', { name: 'Postbus' }).getByRole('alert')).toContainText('Map niet bereikbaar');
  await z.call('events.create', GP);
  renameSync(`${gone}-weg`, gone);
  await expect(z.page.getByTestId('postbus-header')).not.toContainText('niet bereikbaar', { timeout: 20_000 });
  await expect.poll(() => readdirSync(gone).filter((n) => n.endsWith('.regie')).length, { timeout: 20_000 }).toBe(1);
  void h;
});
