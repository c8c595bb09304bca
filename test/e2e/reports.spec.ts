// Rapportage in Chromium against a real host: the quarter's settlement with its check number, a pair, charts
// with their tables, downloads (CSV that adds up, PDF, iCal), no CSP violations, and axe on the screen.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { writeQuarter } from './reports-scenario';

test.describe.configure({ timeout: 60_000 });

/** Console errors about the Content Security Policy: a chart library that injects styles would cause them. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

async function openQ3(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // Rapportage is a screen of its own now, no longer marked as coming later.
  const link = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportage', exact: true });
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportage' })).toBeVisible();
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Rapportage — Regie');
  await page.getByRole('radio', { name: 'Per kwartaal' }).check();
  await page.getByLabel('Jaar', { exact: true }).selectOption('2027');
  await page.getByLabel('Kwartaal', { exact: true }).selectOption({ label: '3e kwartaal' });
  await expect(page.getByRole('status').filter({ hasText: 'Cijfers bijgewerkt: 3e kwartaal 2027' })).toBeVisible();
}

test('the quarter per pair with the check number, charts with tables, and a CSV download that adds up', async ({ page, regie }, testInfo) => {
  await writeQuarter(regie.dataDir);
  const url = await regie.start();
  const csp = cspViolations(page);
  await openQ3(page, url);

  const pairs = page.getByRole('table', { name: 'Totalen per leverancier en ontvanger' });
  await expect(pairs.getByRole('row', { name: /Heemstede.*Zandvoort/ })).toContainText(/tarief\s*2\s*16,50\s*€\s*1\.526,60/);
  await expect(pairs.getByRole('row', { name: /Bloemendaal.*Zandvoort/ })).toContainText('€ 924,80');
  await expect(pairs.getByRole('row', { name: /Totaal/ })).toContainText(/4\s*30,50\s*€\s*2\.451,40/);
  await expect(page.getByRole('table', { name: 'Gesloten beurs: saldo in uren' })).toContainText('Heemstede is 6,00 uur inzet verschuldigd aan Bloemendaal');
  const hash = await regie.call('state.hash', {});
  if (!hash.ok) throw new Error(hash.error.message);
  await expect(page.locator('.report-hash')).toHaveText(hash.value.hash.match(/.{8}/g)!.join(' '));

  // Every lent shift, with its surcharges.
  await page.locator('summary', { hasText: 'Alle diensten (4)' }).click();
  await expect(page.getByRole('row', { name: /René Jansen/ })).toContainText('weekend 8,50 (+70%)');

  // The charts are drawn (pixels on the canvas) and each has its table.
  const chart = page.getByRole('figure', { name: /^Uren per gemeente per maand/ });
  const canvas = chart.locator('canvas');
  await expect(canvas).toHaveAttribute('aria-label', /Totaal 38,50/);
  const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
    return n / (c.width * c.height);
  });
  expect(inked).toBeGreaterThan(0.01);
  await chart.locator('summary', { hasText: 'Tabel bij de grafiek' }).click();
  const table = chart.getByRole('table');
  await expect(table.getByRole('row', { name: /aug 2027/ })).toContainText(/8,00\s*16,50\s*8,00/);
  await expect(table.getByRole('columnheader')).toHaveText(['Maand', 'Bloemendaal', 'Heemstede', 'Zandvoort']);
  await expect(page.getByRole('table', { name: 'Gebruik van afspraken' }).getByRole('row', { name: /^Convenant.*Heemstede/ })).toContainText('14%');
  await snap(page, testInfo, 'rapportage-kwartaal');
  await page.locator('.report-charts').screenshot({ path: testInfo.outputPath('rapportage-grafieken.png') });

  // One pair: both directions between Heemstede and Zandvoort only.
  await page.getByLabel('Gemeentepaar').selectOption({ label: 'Heemstede – Zandvoort' });
  await expect(pairs.getByRole('row', { name: /Totaal/ })).toContainText(/2\s*16,50\s*€\s*1\.526,60/);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Verrekening downloaden (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('verrekening-heemstede-zandvoort-2027-07-01-2027-09-30.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = bytes
    .toString('utf8')
    .slice(1)
    .split('\r\n')
    .map((r) => r.split(';'));
  expect(rows.find((r) => r[0] === 'Totaal')).toEqual(['Totaal', '', '', '2', '16,50', '1526,60']);
  expect(rows.find((r) => r[0] === 'Controlegetal planning')?.[1]).toBe(hash.value.hash);
  await expect(page.getByRole('status').filter({ hasText: 'is gedownload' })).toHaveText('verrekening-heemstede-zandvoort-2027-07-01-2027-09-30.csv is gedownload.');
  await snap(page, testInfo, 'rapportage-paar');
  expect(csp).toEqual([]);
});

test('a briefing roster as PDF and shifts as iCal are downloaded; the contact is remembered', async ({ page, regie }, testInfo) => {
  const ids = await writeQuarter(regie.dataDir);
  const url = await regie.start();
  await openQ3(page, url);

  await page.getByLabel('Evenement', { exact: true }).first().selectOption(ids.grandPrix);
  await page.getByLabel('Contactpersoon ter plaatse').fill('Inge Koçak');
  await page.getByLabel('Telefoon contactpersoon').fill('023-5740100');
  let downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Briefingrooster downloaden (PDF)' }).click();
  const pdf = await downloading;
  expect(pdf.suggestedFilename()).toBe('rooster-dutch-grand-prix-2027-08-27.pdf');
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');
  await expect(page.getByRole('status').filter({ hasText: 'is gedownload' })).toHaveText('rooster-dutch-grand-prix-2027-08-27.pdf is gedownload.');

  await page.getByLabel('Handhaver', { exact: true }).selectOption({ label: 'Sanne de Vries' });
  downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Diensten van handhaver downloaden (iCal)' }).click();
  const ics = await downloading;
  expect(ics.suggestedFilename()).toBe('diensten-sanne-de-vries.ics');
  const text = readFileSync(await ics.path(), 'utf8');
  expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20270827T100000\r\n');
  await snap(page, testInfo, 'rapportage-bestanden');

  await page.reload();
  await expect(page.getByLabel('Contactpersoon ter plaatse')).toHaveValue('Inge Koçak');
});

test('Rapportage passes axe with its figures, tables and charts open', async ({ page, regie }) => {
  await writeQuarter(regie.dataDir);
  const url = await regie.start();
  await openQ3(page, url);
  await page.locator('summary', { hasText: 'Alle diensten (4)' }).click();
  for (const summary of await page.locator('summary', { hasText: 'Tabel bij de grafiek' }).all()) await summary.click();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});

test('an empty period says so, and the figures follow the English switch', async ({ page, regie }) => {
  const url = await regie.start();
  await regie.setup();
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportage' }).click();
  await page.getByRole('radio', { name: 'Per jaar' }).check();
  await expect(page.getByRole('table', { name: 'Totalen per leverancier en ontvanger' })).toContainText('In deze periode zijn geen handhavers aan een andere gemeente uitgeleend.');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Settlement' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Totals per provider and host' })).toContainText('€0.00');
  await expect(page.getByRole('status').filter({ hasText: 'Figures updated' })).toContainText(/Figures updated: \d{4} \(1 January \d{4} to 31 December \d{4}\)\./);
});
