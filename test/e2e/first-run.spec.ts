// First run: choose the own gemeente from the list, name the device, and see the fingerprint in its groups.
import { expect, snap, test } from './fixtures';

test('first run: Zandvoort from the list, a device name, then the fingerprint in groups of five digits', async ({ page, regie }, testInfo) => {
  await page.goto(await regie.start());
  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Regie' })).toBeVisible();
  // The token left the address bar as soon as the app read it.
  expect(page.url()).not.toContain('token');

  const gemeente = page.getByRole('combobox', { name: 'Uw gemeente' });
  await gemeente.click();
  const options = page.getByRole('option');
  // The home region comes first, its Zuid-Kennemerland partners at the top.
  await expect(options.first()).toHaveText(/Zandvoort\s*GM0473/);
  await expect(options.nth(1)).toHaveText(/Heemstede\s*GM0397/);
  await snap(page, testInfo, 'first-run-list');
  await gemeente.fill('zandv');
  await expect(options).toHaveCount(1);
  await page.getByRole('option', { name: /Zandvoort/ }).click();
  await expect(gemeente).toHaveValue('Zandvoort (GM0473)');

  await page.getByLabel('Naam van dit apparaat').fill('Laptop coördinator');
  await snap(page, testInfo, 'first-run-form');
  await page.getByRole('button', { name: 'Installatie inrichten' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Deze installatie is ingericht' })).toBeVisible();
  await expect(page.getByText('Zandvoort, apparaat "Laptop coördinator"')).toBeVisible();
  await expect(page.getByTestId('fingerprint')).toHaveText(/^\d{5} \d{5} \d{5} \d{5} \d{5} \d{5}$/);
  await expect(page.getByText(/door de telefoon/)).toBeVisible();
  await snap(page, testInfo, 'fingerprint');

  await page.getByRole('button', { name: 'Verder naar Regie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header).toContainText('Zandvoort');
  await expect(header).toContainText('Laptop coördinator');
});

test('first run: without a gemeente and a device name, both fields say what is missing', async ({ page, regie }) => {
  await page.goto(await regie.start());
  await page.getByRole('button', { name: 'Installatie inrichten' }).click();
  const gemeente = page.getByRole('combobox', { name: 'Uw gemeente' });
  await expect(gemeente).toHaveAttribute('aria-invalid', 'true');
  await expect(gemeente).toHaveAccessibleDescription(/Kies een gemeente uit de lijst\./);
  await expect(gemeente).toBeFocused();
  await expect(page.getByLabel('Naam van dit apparaat')).toHaveAccessibleDescription(/Geef dit apparaat een naam/);
  const status = await regie.call('setup.status', {});
  expect(status.ok && status.value.state).toBe('new');
});

test('first run by keyboard alone: type, arrow to the gemeente, Enter, Tab, name, Enter', async ({ page, regie }) => {
  await page.goto(await regie.start());
  // The screen's heading has focus when it opens, so the next Tab reaches the first field.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  const gemeente = page.getByRole('combobox', { name: 'Uw gemeente' });
  await expect(gemeente).toBeFocused();
  await page.keyboard.type('heem');
  await page.keyboard.press('ArrowDown');
  await expect(gemeente).toHaveAttribute('aria-activedescendant', /GM0397/);
  await page.keyboard.press('Enter');
  await expect(gemeente).toHaveValue('Heemstede (GM0397)');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Laptop teamleider');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Heemstede, apparaat "Laptop teamleider"')).toBeVisible();
});

test('first run, empty start, then the short guide is offered and stays reachable as Hulp', async ({ page, regie }, testInfo) => {
  await page.goto(await regie.start());
  await page.getByRole('combobox', { name: 'Uw gemeente' }).fill('bloemend');
  await page.getByRole('option', { name: /Bloemendaal/ }).click();
  await page.getByLabel('Naam van dit apparaat').fill('Laptop handhaving');
  await page.getByRole('radio', { name: /^Leeg beginnen/ }).check();
  await page.getByRole('button', { name: 'Installatie inrichten' }).click();
  await page.getByRole('button', { name: 'Eerst de korte handleiding lezen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Hulp: de eerste uitwisseling' })).toBeVisible();
  const links = page.getByRole('navigation', { name: 'Hulp en instellingen' });
  await expect(links.getByRole('link', { name: 'Hulp' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('region', { name: 'Voorbeeldregio' })).toHaveCount(0);
  const status = await regie.call('setup.status', {});
  expect(status.ok && status.value).toMatchObject({ state: 'ready', demo: false, identity: { gemeente: 'GM0377', deviceLabel: 'Laptop handhaving' } });
  await snap(page, testInfo, 'guide-after-first-run');

  // From the guide to where the step is done, and back through the header.
  await page.getByRole('link', { name: 'Naar Uitwisselen: Partners' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uitwisselen' })).toBeVisible();
  await links.getByRole('link', { name: 'Hulp' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hulp: de eerste uitwisseling' })).toBeVisible();
});
