// Events: create (then its own screen opens), refuse invalid input at the fields, edit; everything survives a
// restart of the host.
import { expect, snap, test } from './fixtures';
import { eventsTable, fillEvent, GRAND_PRIX } from './helpers';

test('a new event opens its own screen, is in the list of events, and is still there after the host restarts', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup();
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();

  await page.getByRole('link', { name: 'Nieuw evenement' }).click();
  await expect(page).toHaveURL(/#\/evenementen\/nieuw$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw evenement' })).toBeVisible();
  await fillEvent(page, GRAND_PRIX);
  await snap(page, testInfo, 'event-form-new');
  await page.getByRole('button', { name: 'Opslaan' }).click();

  // The new event's own screen, ready for its shifts.
  await expect(page.getByRole('heading', { level: 1, name: 'Dutch Grand Prix' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Evenement "Dutch Grand Prix" is aangemaakt. Voeg nu de diensten toe.' })).toBeVisible();
  await expect(page.getByText('Dit evenement heeft nog geen diensten.')).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Evenementen', exact: true }).click();
  const row = eventsTable(page).getByRole('row', { name: /Dutch Grand Prix/ });
  await expect(row).toContainText('Circuit Zandvoort');
  await expect(row).toContainText('vr 27 aug 2027 10:00 – zo 29 aug 2027 18:00');
  await expect(row).toContainText('C risico');
  await expect(row).toContainText('Zandvoort (eigen)');
  await expect(row).toContainText('Concept');
  await expect(row).toContainText('Nog geen diensten');
  await snap(page, testInfo, 'event-list');

  await regie.restart();
  await page.reload();
  await expect(eventsTable(page).getByRole('row', { name: /Dutch Grand Prix/ })).toContainText('vr 27 aug 2027 10:00');
});

test('an invalid event is refused with Dutch messages at the fields, and nothing is saved', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup();
  await page.goto(url);
  await page.getByRole('link', { name: 'Nieuw evenement' }).click();

  await fillEvent(page, { name: '', place: 'Strand Bloemendaal', start: '2027-07-10T18:00', end: '2027-07-10T12:00', risk: 'B' });
  await page.getByRole('button', { name: 'Opslaan' }).click();

  const name = page.getByLabel('Naam', { exact: true });
  const end = page.getByLabel('Einde', { exact: true });
  await expect(page.getByRole('alert')).toContainText('Het evenement is niet opgeslagen.');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Geef het evenement een naam.');
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription(/Het einde moet na het begin liggen\./);
  await expect(page.getByLabel('Locatie', { exact: true })).toHaveAttribute('aria-invalid', 'false');
  // Focus goes to the first field to fix.
  await expect(name).toBeFocused();
  await snap(page, testInfo, 'event-form-invalid');

  // Fixing a field takes its message away at once.
  await name.fill('Strandfeest');
  await expect(name).toHaveAttribute('aria-invalid', 'false');

  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  await page.goto(`${regie.origin()}/#/evenementen`);
  await expect(page.getByText('Er zijn nog geen evenementen.')).toBeVisible();
  const list = await regie.call('events.list', {});
  expect(list.ok && list.value).toEqual([]);
});

test('main refuses what slipped past the form, and its issues show at the fields', async ({ page, regie }) => {
  const url = await regie.start();
  await regie.setup();
  await page.goto(url);
  await page.getByRole('link', { name: 'Nieuw evenement' }).click();
  await fillEvent(page, GRAND_PRIX);
  // Stand-in for a rule only main knows: answer as main does when it refuses a field.
  await page.route('**/api/events.create', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'invalid_argument', message: 'Ongeldige invoer.', issues: [{ path: 'place', key: 'event.place.too_long' }] } }),
    }),
  );
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const place = page.getByLabel('Locatie', { exact: true });
  await expect(place).toHaveAccessibleDescription(/De locatie is te lang/);
  await expect(place).toBeFocused();
});

test('editing an own event persists', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup();
  const created = await regie.call('events.create', { ...GRAND_PRIX, visitors: 105000, risk: 'C' });
  if (!created.ok) throw new Error(created.error.message);
  await page.goto(url);
  await page.getByRole('navigation').getByRole('link', { name: 'Evenementen', exact: true }).click();

  await eventsTable(page).getByRole('link', { name: 'Openen Dutch Grand Prix' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dutch Grand Prix' })).toBeVisible();
  await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Gegevens wijzigen' })).toBeVisible();
  await expect(page.getByLabel('Naam', { exact: true })).toHaveValue('Dutch Grand Prix');
  await expect(page.getByLabel('Verwacht aantal bezoekers')).toHaveValue('105000');
  await expect(page.getByRole('radio', { name: 'C risico' })).toBeChecked();

  await page.getByLabel('Locatie', { exact: true }).fill('Circuit Zandvoort / boulevard');
  await page.getByLabel('Status').selectOption({ label: 'Vergund' });
  await snap(page, testInfo, 'event-form-edit');
  // Enter in a text field submits, as in any form.
  await page.getByLabel('Locatie', { exact: true }).press('Enter');

  await expect(page.getByRole('status').filter({ hasText: 'De gegevens van "Dutch Grand Prix" zijn opgeslagen.' })).toBeVisible();
  const details = page.getByRole('region', { name: 'Gegevens' });
  await expect(details).toContainText('Circuit Zandvoort / boulevard');
  await expect(details).toContainText('Vergund');

  await regie.restart();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Gegevens' })).toContainText('Circuit Zandvoort / boulevard');
  await page.getByRole('navigation').getByRole('link', { name: 'Evenementen', exact: true }).click();
  await expect(eventsTable(page).getByRole('row', { name: /Dutch Grand Prix/ })).toContainText('Vergund');
});
