// The main menu: every screen of the design is reachable by keyboard, opens with its own heading and title,
// and none is marked as still to come.
import { expect, snap, test } from './fixtures';

const SCREENS = [
  ['Capaciteit', /Kies een dag om te zien wie/],
  ['Verzoeken', /Inzetverzoeken aan uw gemeente/],
  ['Afspraken', /convenanten/],
  ['Handhavers', /BOA's/],
  ['Meldingen', /Conflicten uit planbestanden/],
] as const;

test('every screen is in the menu and opens by keyboard with its own heading; none is marked as coming later', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup();
  await page.goto(url);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: 'Kalender' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Evenementen', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: /nog niet beschikbaar/ })).toHaveCount(0);

  for (const [screen, what] of SCREENS) {
    const link = nav.getByRole('link', { name: screen, exact: true });
    // By keyboard: focus the link and press Enter.
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('main')).toContainText(what);
    await expect(page).toHaveTitle(`${screen} — Regie`);
  }
  await snap(page, testInfo, 'screens');
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
