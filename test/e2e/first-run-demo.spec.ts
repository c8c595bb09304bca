// First run with the voorbeeldregio: it is made in its own folder, marked on every screen, fills the Kalender,
// makes no plan file for partners, and goes again in one step — back to the first run, nothing left behind.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { seriousViolations } from './event-helpers';

test.describe.configure({ timeout: 90_000 });

async function chooseZandvoort(page: Page, device = 'Laptop coördinator'): Promise<void> {
  const gemeente = page.getByRole('combobox', { name: 'Uw gemeente' });
  await gemeente.fill('zandv');
  await page.getByRole('option', { name: /Zandvoort/ }).click();
  await page.getByLabel('Naam van dit apparaat').fill(device);
}

test('first run with the voorbeeldregio: banner on every screen, events in the Kalender, removed in one step', async ({ page, regie }, testInfo) => {
  await page.goto(await regie.start());
  await chooseZandvoort(page);
  const choice = page.getByRole('group', { name: 'Hoe wilt u beginnen?' });
  // Leeg beginnen is the default: pressing Enter never makes a demo by accident.
  await expect(choice.getByRole('radio', { name: /^Leeg beginnen/ })).toBeChecked();
  await choice.getByRole('radio', { name: /^Met een voorbeeldregio beginnen/ }).check();
  await expect(choice.getByRole('radio', { name: /^Met een voorbeeldregio beginnen/ })).toHaveAccessibleDescription(/Niets hiervan is echt/);
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'first-run-choice');
  await page.getByRole('button', { name: 'Installatie inrichten' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'De voorbeeldregio staat klaar' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Zandvoort met Heemstede en Bloemendaal, in de weken rond vandaag: \d+ evenementen, 20 handhavers/)).toBeVisible();
  await expect(page.getByText(/Niets hiervan is echt/)).toBeVisible();
  expect(existsSync(join(regie.dataDir, 'demo', 'regie.db'))).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'demo-ready');

  await page.getByRole('button', { name: 'Naar de kalender' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  const banner = page.getByRole('region', { name: 'Voorbeeldregio' });
  await expect(banner).toContainText('Voorbeeldregio — niets hiervan is echt.');
  // Announced: the banner's text sits in a live region.
  await expect(banner.getByRole('status')).toHaveText('Voorbeeldregio — niets hiervan is echt.');
  await expect(page.getByRole('banner')).toContainText('Demo Zandvoort (Laptop coördinator)');
  // The month around today holds events of all three gemeenten.
  const month = page.getByRole('table', { name: /^Evenementen in / });
  for (const gemeente of ['Zandvoort', 'Heemstede', 'Bloemendaal']) {
    await expect(month.getByRole('link', { name: new RegExp(`${gemeente}, [ABC] `) }).first()).toBeVisible();
  }
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'demo-kalender');

  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  for (const [screen, content] of [
    ['Verzoeken', /Heemstede|Bloemendaal/],
    ['Afspraken', /Convenant handhaving evenementen/],
    ['Handhavers', /./],
    ['Meldingen', /Dienst geannuleerd door Bloemendaal/],
  ] as const) {
    await nav.getByRole('link', { name: new RegExp(`^${screen}`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
    await expect(banner).toBeVisible();
    await expect(page.getByRole('main')).toContainText(content);
  }
  await snap(page, testInfo, 'demo-meldingen');

  // No plan file for partners comes out of the demo; the screen says why.
  await nav.getByRole('link', { name: 'Uitwisselen' }).click();
  await expect(banner).toBeVisible();
  const save = page.getByRole('button', { name: 'Bestand maken en opslaan' });
  await save.click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Dit is de voorbeeldregio: daaruit maakt Regie geen planbestanden');
  // Where the user acted: right under the button, on screen, and it has the keyboard.
  await expect(refusal).toBeFocused();
  const button = (await save.boundingBox())!;
  const panel = (await refusal.boundingBox())!;
  expect(panel.y).toBeGreaterThan(button.y);
  expect(panel.y - (button.y + button.height)).toBeLessThan(60);
  expect(panel.y + panel.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  await snap(page, testInfo, 'demo-export-refused');
  // In English the refusal from main is English too: main sends its key and values, the screen words them.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Make and save file' }).click();
  await expect(page.getByRole('alert')).toContainText('This is the sample region: Regie makes no plan files from it');
  await expect(page.getByRole('alert')).not.toContainText('voorbeeldregio');
  await snap(page, testInfo, 'demo-export-refused-en');
  await page.getByRole('button', { name: 'Nederlands' }).click();

  // Removal by keyboard: the banner's button, a confirmation that opens on Annuleren, Escape keeps the demo.
  const remove = banner.getByRole('button', { name: 'Voorbeeld verwijderen' });
  await remove.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Voorbeeldregio verwijderen?' });
  await expect(dialog).toContainText('alle voorbeeldgegevens en de sleutel van het voorbeeld');
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'demo-remove-confirm');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Ja, voorbeeld verwijderen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Regie' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'De voorbeeldregio is verwijderd.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Voorbeeldregio' })).toHaveCount(0);
  expect(existsSync(join(regie.dataDir, 'demo'))).toBe(false);
  expect(existsSync(join(regie.dataDir, 'profile.json'))).toBe(false);
  const status = await regie.call('setup.status', {});
  expect(status.ok && status.value).toEqual({ state: 'new' });
  await snap(page, testInfo, 'demo-removed');

  // Then a real start: an empty plan, no banner, the real device name.
  await chooseZandvoort(page, 'Laptop echt');
  await page.getByRole('button', { name: 'Installatie inrichten' }).click();
  await page.getByRole('button', { name: 'Verder naar Regie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Laptop echt');
  await expect(page.getByRole('region', { name: 'Voorbeeldregio' })).toHaveCount(0);
  const events = await regie.call('events.list', {});
  expect(events.ok && events.value).toEqual([]);
});

test('the voorbeeldregio stays after a restart until it is removed, also from Instellingen', async ({ page, regie }) => {
  await regie.start();
  const started = await regie.call('setup.startDemo', { gemeente: 'GM0397', deviceLabel: 'Laptop' });
  expect(started.ok).toBe(true);
  await page.goto(await regie.restart());
  const banner = page.getByRole('region', { name: 'Voorbeeldregio' });
  await expect(banner).toBeVisible();
  await page.getByRole('navigation', { name: 'Hulp en instellingen' }).getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  const backups = page.getByRole('region', { name: 'Back-ups' });
  await expect(backups).toContainText('In de voorbeeldregio maakt Regie geen back-ups');
  await expect(backups.getByRole('button')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await expect(page.getByRole('main')).toContainText('U werkt in de voorbeeldregio');
  await page.getByRole('main').getByRole('button', { name: 'Voorbeeld verwijderen' }).click();
  await page.getByRole('dialog', { name: 'Voorbeeldregio verwijderen?' }).getByRole('button', { name: 'Ja, voorbeeld verwijderen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Regie' })).toBeVisible();
  // The real installation later opens on the calendar, not on the screen the demo was left at.
  expect(new URL(page.url()).hash).toBe('#/kalender');
});
