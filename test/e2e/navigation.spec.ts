// The main menu: every screen of the design is reachable; the ones still to come say so and what they will hold.
import { expect, snap, test } from './fixtures';

const COMING = [
  ['Capaciteit', /beschikbaar zijn en hoeveel er al zijn toegezegd/],
  ['Verzoeken', /inzetverzoeken/],
  ['Afspraken', /convenanten/],
  ['Handhavers', /BOA's/],
] as const;

test('every screen is in the menu; the ones still to come are marked and explain what comes', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup();
  await page.goto(url);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: 'Kalender' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Evenementen', exact: true })).toBeVisible();

  for (const [screen, what] of COMING) {
    const link = nav.getByRole('link', { name: `${screen} (nog niet beschikbaar)` });
    // By keyboard: focus the link and press Enter.
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 2, name: 'Nog niet beschikbaar' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(what);
    await expect(page).toHaveTitle(`${screen} — Regie`);
  }
  await snap(page, testInfo, 'coming-soon');
});

test('an address that is no screen says so and leads back to the calendar', async ({ page, regie }) => {
  const url = await regie.start();
  await regie.setup();
  await page.goto(url);
  await page.goto(`${regie.origin()}/#/bestaat-niet`);
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await page.getByRole('link', { name: 'Naar de kalender' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
});
