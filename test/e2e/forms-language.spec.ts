// Issue 17, what a new coordinator sees: the empty Kalender says what to do next; forms show every field error
// at once, take contract hours as 28,8 and offer the next day for a shift past midnight; and with the screen in
// English, refusals that come from main are English too. Through the host, in Chromium, with axe.
import { expect, snap, test } from './fixtures';
import { hostApi, seriousViolations } from './event-helpers';

test.describe.configure({ timeout: 120_000 });

test('the empty Kalender shows the first steps, and the officer form shows every error at once and takes 28,8 hours', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup();
  await page.goto(url);
  const steps = page.getByRole('region', { name: 'Eerste stappen' });
  await expect(steps).toBeVisible();
  await expect(steps.getByRole('link', { name: 'Voeg uw handhavers toe' })).toHaveAttribute('href', '#/handhavers/nieuw');
  await expect(steps.getByRole('link', { name: 'Maak uw eerste evenement' })).toBeVisible();
  await expect(steps.getByRole('link', { name: 'Wissel identiteitskaarten uit met een partnergemeente' })).toHaveAttribute('href', '#/uitwisselen');
  await snap(page, testInfo, 'kalender-eerste-stappen');
  expect(await seriousViolations(page)).toEqual([]);

  await steps.getByRole('link', { name: 'Voeg uw handhavers toe' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe handhaver' })).toBeVisible();
  const hours = page.getByLabel('Contracturen per week');
  await hours.fill('61');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('alert')).toContainText('De handhaver is niet opgeslagen.');
  // Every problem at once, each at its own field.
  await expect(page.getByLabel('Naam', { exact: true })).toHaveAccessibleDescription(/Vul een naam in\./);
  await expect(page.getByLabel('Akte geldig tot')).toHaveAccessibleDescription(/Vul een geldige datum in\./);
  await expect(hours).toHaveAccessibleDescription(/van 0 tot en met 60, met hoogstens één decimaal/);
  await expect(page.getByLabel('Naam', { exact: true })).toBeFocused();
  await snap(page, testInfo, 'handhaver-alle-fouten');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Naam', { exact: true }).fill('Noor Bakker');
  await page.getByLabel('Akte geldig tot').fill('2029-03-01');
  await hours.fill('28,8');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Noor Bakker' })).toBeVisible();
  await expect(page.getByLabel('Contracturen per week')).toHaveValue('28,8');
  await page.getByRole('link', { name: 'Terug naar de handhavers' }).click();
  await expect(page.getByRole('table', { name: /Eigen handhavers/ }).getByRole('row', { name: /Noor Bakker/ })).toContainText('28,8');

  // One step done: the Kalender says so.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kalender' }).click();
  await expect(page.getByRole('region', { name: 'Eerste stappen' })).toContainText('gedaan: 1 handhaver.');
});

test('the shift form reports every problem at once and offers the next day for an end past midnight', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup();
  const event = await hostApi(regie)('events.create', { name: 'Strandfeest Zandvoort', place: 'Strand', start: '2027-07-10T12:00', end: '2027-07-11T04:00', risk: 'B' });
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  await page.goto(`${url.split('#')[0]}#/evenementen/${event.id}`);
  await page.getByRole('button', { name: 'Dienst toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dienst toevoegen' });
  await dialog.getByLabel('Begin').fill('2027-07-10T20:00');
  await dialog.getByLabel('Einde').fill('2027-07-10T02:00');
  await dialog.getByLabel('Aantal handhavers nodig').fill('');
  const offer = dialog.getByRole('button', { name: 'Eindigt de volgende dag, zo 11 jul 2027 02:00' });
  await expect(offer).toBeVisible();
  await dialog.getByRole('button', { name: 'Dienst opslaan' }).click();
  await expect(dialog.getByRole('alert')).toContainText('De dienst is niet opgeslagen.');
  await expect(dialog.getByLabel('Einde')).toHaveAccessibleDescription(/Het einde van de dienst moet na het begin liggen\./);
  await expect(dialog.getByLabel('Aantal handhavers nodig')).toHaveAccessibleDescription(/een geheel getal van 1 tot en met 500/);
  await snap(page, testInfo, 'dienst-volgende-dag');
  expect(await seriousViolations(page)).toEqual([]);

  await offer.click();
  await expect(dialog.getByLabel('Einde')).toHaveValue('2027-07-11T02:00');
  await expect(offer).toBeHidden();
  await dialog.getByLabel('Aantal handhavers nodig').fill('4');
  await dialog.getByRole('button', { name: 'Dienst opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'De dienst van za 10 jul 20:00-02:00 is opgeslagen.' })).toBeVisible();
  // One shift: "1 dienst", not "1 diensten".
  await expect(page.getByRole('heading', { level: 3, name: 'zaterdag 10 juli 2027 (1 dienst)' })).toBeVisible();
});

test('in English, refusals from main are English', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup();
  const base = url.split('#')[0];
  await page.goto(url);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'First steps' })).toContainText('There are no events in Regie yet.');

  await page.goto(`${base}#/evenementen/GM0473.ev.aaaaaaaaaaaaaaaa`);
  await expect(page.getByRole('alert')).toContainText('Event GM0473.ev.aaaaaaaaaaaaaaaa does not exist in this copy.');
  await page.goto(`${base}#/handhavers/GM0473.of.bbbbbbbbbbbbbbbb`);
  await expect(page.getByRole('alert')).toContainText('Officer GM0473.of.bbbbbbbbbbbbbbbb is not known in this copy.');
  await page.goto(`${base}#/afspraken/GM0473.ag.cccccccccccccccc`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Agreement GM0473.ag.cccccccccccccccc is not known in this copy.');
  await expect(alert).not.toContainText('niet bekend');
  await snap(page, testInfo, 'english-refusal');
  expect(await seriousViolations(page)).toEqual([]);

  // Back in Dutch, the same refusal reads in Dutch.
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('alert')).toContainText('Afspraak GM0473.ag.cccccccccccccccc is niet bekend in deze kopie.');
});
