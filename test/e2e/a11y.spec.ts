// Automated accessibility checks (axe) on the screens built so far: no serious or critical violations.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { GRAND_PRIX } from './helpers';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe.configure({ timeout: 60_000 });

test('first-run screen, with the gemeente list open and with field errors', async ({ page, regie }) => {
  await page.goto(await regie.start());
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Regie' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // Filtered, so axe need not weigh all 342 options; both groups still show.
  await page.getByRole('combobox', { name: 'Uw gemeente' }).fill('hee');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('group', { name: 'Overige gemeenten' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Installatie inrichten' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('Kalender, event form (also with field errors) and the list of events', async ({ page, regie }) => {
  const url = await regie.start();
  await regie.setup();
  await regie.call('events.create', { ...GRAND_PRIX, visitors: 105000, risk: 'C' });
  await page.goto(url);
  await expect(page.getByRole('table')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Nieuw evenement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw evenement' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Every screen is available now (none is "still to come"); the list of events instead.
  await page.getByRole('navigation').getByRole('link', { name: 'Evenementen', exact: true }).click();
  await expect(page.getByRole('table', { name: /Evenementen/ }).getByRole('row', { name: /Dutch Grand Prix/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the move-aside screen with its confirmation', async ({ page, regie }) => {
  writeFileSync(join(regie.dataDir, 'regie.db'), 'geen database');
  await page.goto(await regie.start());
  await page.getByRole('button', { name: 'Database opzij zetten en opnieuw beginnen' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});
