// Hulp: the built-in guide to the first exchange — four steps in order, each leading to Uitwisselen, in the
// words that screen itself uses; in English too; no serious accessibility problems.
import { expect, snap, test } from './fixtures';
import { hostApi, Partner, seriousViolations } from './event-helpers';

test('Hulp: the first exchange in four steps, each naming the buttons Uitwisselen really has', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup('GM0397', 'Laptop coördinator');
  // A trusted partner, so Uitwisselen offers every button the guide names.
  (await new Partner('GM0473').init(hostApi(regie))).close();
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Hulp en instellingen' }).getByRole('link', { name: 'Hulp' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hulp: de eerste uitwisseling' })).toBeVisible();
  await expect(page).toHaveTitle('Hulp: de eerste uitwisseling — Regie');

  const steps = page
    .getByRole('list')
    .filter({ has: page.getByRole('heading', { level: 3 }) })
    .getByRole('listitem');
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0).getByRole('heading')).toHaveText('Stap 1 Uw identiteitskaart opslaan en sturen');
  await expect(steps.nth(1).getByRole('heading')).toHaveText('Stap 2 De kaart van de partner inlezen en de vingerafdruk telefonisch vergelijken');
  await expect(steps.nth(1)).toContainText('Bel uw contactpersoon op een nummer dat u al kende');
  await expect(steps.nth(2).getByRole('heading')).toHaveText('Stap 3 Een planbestand maken voor de partner');
  await expect(steps.nth(3).getByRole('heading')).toHaveText('Stap 4 Het planbestand van de partner inlezen: eerst de voorvertoning, dan inlezen');
  await expect(steps.nth(3)).toContainText('Er is dan nog niets gewijzigd.');
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'guide');

  // The guide quotes the Uitwisselen screen's buttons; they must be there under those names.
  await steps.nth(2).getByRole('link', { name: 'Naar Uitwisselen: Bestand maken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uitwisselen' })).toBeVisible();
  for (const name of ['Identiteitskaart opslaan', 'Kaart van partner inlezen…', 'Bestand maken en opslaan', 'Planbestand kiezen…']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Bestand maken voor partners' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Bestand inlezen' })).toBeVisible();

  await page.goBack();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Help: the first exchange' })).toBeVisible();
  await expect(steps.nth(1).getByRole('heading')).toHaveText("Step 2 Import the partner's card and compare the fingerprint by phone");
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'guide-en');
});
