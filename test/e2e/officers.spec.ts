// Handhavers through the host: add an officer whose akte expires soon (the warning shows in the form and the
// list), private details marked as staying on this device, absences added and cancelled after confirming.
import { expect, snap, test } from './fixtures';
import { hostCall, seriousViolations, HEEMSTEDE } from './requests-partner';

test.describe.configure({ timeout: 60_000 });

// The page's clock stands still at noon of TODAY (Amsterdam), so the warnings' day counts do not depend on
// when the test runs: the machine's date and Amsterdam's differ an hour or two each night.
const TODAY = '2027-03-01';

function inDays(days: number): string {
  return new Date(Date.parse(`${TODAY}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

test('adds an officer with an akte expiring soon: the warning shows, private details stay local', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00+01:00`));
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Handhavers' }).click();
  await expect(page.getByText('Er zijn nog geen handhavers.')).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe handhaver' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe handhaver' })).toBeVisible();

  // Saving empty says what is missing, at the fields.
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('alert')).toContainText('De handhaver is niet opgeslagen.');
  await expect(page.getByLabel('Naam', { exact: true })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Naam', { exact: true }).fill('Lotte Meijer');
  await page.getByLabel('Akte geldig tot').fill(inDays(30));
  await expect(page.getByTestId('paper-warnings')).toContainText('Akte verloopt over 30 dagen');
  await page.getByRole('checkbox', { name: 'handboeien' }).check();
  await page.getByRole('checkbox', { name: 'Zandvoort' }).check();
  const privateDetails = page.getByRole('group', { name: 'Privégegevens — blijven op dit apparaat' });
  await expect(privateDetails).toContainText('gaan nooit mee in een planbestand');
  await privateDetails.getByLabel('Telefoonnummer').fill('06-12345678');
  await privateDetails.getByLabel('BOA-nummer').fill('BOA-445566');
  await snap(page, testInfo, 'officers-new');
  await page.getByRole('button', { name: 'Opslaan' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Lotte Meijer' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Handhaver "Lotte Meijer" is toegevoegd.' })).toBeVisible();
  const saved = (await hostCall(regie, 'officers.list', { employer: HEEMSTEDE }))[0]!;
  expect(saved.qualifications).toMatchObject({ akteValidUntil: inDays(30), territory: [HEEMSTEDE, 'GM0473'], force: ['handboeien'] });
  expect(await hostCall(regie, 'officers.get', { id: saved.id })).toMatchObject({ phone: '06-12345678', boaNumber: 'BOA-445566' });

  // Availability: an absence with a private reason, then cancelled after confirming.
  await page.getByLabel('Van', { exact: true }).fill('2027-07-12T00:00');
  await page.getByLabel('Tot', { exact: true }).fill('2027-07-14T00:00');
  await page.getByLabel('Reden (blijft op dit apparaat)').fill('Verlof');
  await page.getByRole('button', { name: 'Afwezigheid vastleggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Afwezigheid vastgelegd' })).toBeVisible();
  await expect(page.getByText(/ma 12 jul 2027 00:00 – wo 14 jul 2027 00:00 — Verlof/)).toBeVisible();
  await snap(page, testInfo, 'officers-edit-absence');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /Intrekken ma 12 jul 2027/ }).click();
  await page.getByRole('dialog', { name: 'Afwezigheid intrekken?' }).getByRole('button', { name: 'Intrekken' }).click();
  await expect(page.getByText('Lotte Meijer heeft geen afwezigheid vastgelegd.')).toBeVisible();

  await page.getByRole('link', { name: 'Terug naar de handhavers' }).click();
  const row = page.getByRole('table', { name: /Eigen handhavers/ }).getByRole('row', { name: /Lotte Meijer/ });
  await expect(row).toContainText('Akte verloopt over 30 dagen');
  await expect(row).toContainText('Heemstede, Zandvoort');
  await snap(page, testInfo, 'officers-list');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('table', { name: /Own officers/ }).getByRole('row', { name: /Lotte Meijer/ })).toContainText('Akte expires in 30 days');
});

test('an expired akte and an old traffic appointment show in the list', async ({ page, regie }) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  await hostCall(regie, 'officers.create', {
    name: 'Kees Dekker',
    qualifications: { domain: 'I', akteValidUntil: inDays(-3), territory: [HEEMSTEDE], force: [], trafficAppointed: inDays(-400) },
    contractHours: 32,
  });
  await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00+01:00`));
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Handhavers' }).click();
  const row = page.getByRole('row', { name: /Kees Dekker/ });
  await expect(row).toContainText('Akte verlopen op');
  await expect(row).toContainText('is ouder dan een jaar');
});
