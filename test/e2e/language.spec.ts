// The language switch: English replaces the Dutch UI text, and the choice is remembered.
import { expect, snap, test } from './fixtures';

test('switching to English changes the UI text and stays after a reload', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup();
  await page.goto(url);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: 'Kalender' })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  const enNav = page.getByRole('navigation', { name: 'Main menu' });
  await expect(enNav.getByRole('link', { name: 'Events' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New event' })).toBeVisible();
  await snap(page, testInfo, 'english');

  await page.getByRole('link', { name: 'New event' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Give the event a name.');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'New event' })).toBeVisible();
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw evenement' })).toBeVisible();
});
