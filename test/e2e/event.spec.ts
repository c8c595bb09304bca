// Evenement: the shift timeline with needed vs committed per shift and who comes; add, edit, copy and cancel
// shifts; ask a partner under the convenant (with the mandate escalation); a partner's commitments arriving
// in a plan file; rule warnings inline; copying the event for next year; 200 shifts stay fluid.
import { regionWerkgebied } from '../../shared/domain/gemeenten';
import { expect, snap, test } from './fixtures';
import { convenant, hostApi, Partner, seriousViolations, staffOwn, boa } from './event-helpers';

test.describe.configure({ timeout: 90_000 });

const PARTY = { name: 'Strandfeest 2027', place: 'Strand Zandvoort', start: '2027-07-10T14:00', end: '2027-07-11T02:00', risk: 'B', visitors: 3500, status: 'vergund' } as const;

test('add a shift (warned while typing about its length), edit, copy to the next day and cancel it after confirming', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup('GM0473');
  const ev = await hostApi(regie)('events.create', PARTY);
  await page.goto(url);
  await page.goto(`${regie.origin()}/#/evenementen/${ev.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Strandfeest 2027' })).toBeVisible();
  await expect(page.getByText('Dit evenement heeft nog geen diensten.')).toBeVisible();

  await page.getByRole('button', { name: 'Dienst toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dienst toevoegen' });
  await dialog.getByLabel('Begin').fill('2027-07-10T14:00');
  await dialog.getByLabel('Einde').fill('2027-07-11T03:00');
  const lengthWarning = dialog.getByRole('status').filter({ hasText: 'Deze dienst duurt 13 u.' });
  await expect(lengthWarning).toContainText('Een dienst duurt maximaal 12 uur');
  // Ending at 03:00, after the event's 02:00: warned while typing, with the rule main checks the plan with.
  await expect(dialog.getByRole('status').filter({ hasText: 'valt buiten Strandfeest 2027' })).toContainText('controleer de datum en tijden');
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'dienst-toevoegen');
  // 11 h 30 with 1 h 30 of night: a night shift over 10 h, allowed a limited number of times (ATW art. 5:8).
  await dialog.getByLabel('Einde').fill('2027-07-11T01:30');
  await expect(dialog.getByRole('status')).toContainText('Deze nachtdienst duurt 11 u 30.');
  await expect(dialog.getByRole('status')).toContainText('tot 12 uur mag per handhaver maximaal 5 keer in 14 dagen en 22 keer in 52 weken');
  // 11 h with exactly 1 h of night is no night shift: no warning.
  await dialog.getByLabel('Einde').fill('2027-07-11T01:00');
  await expect(dialog.getByRole('status')).toHaveCount(0);
  await dialog.getByLabel('Einde').fill('2027-07-10T22:00');
  await expect(dialog.getByRole('status')).toHaveCount(0);
  await dialog.getByLabel('Aantal handhavers nodig').fill('4');
  await dialog.getByRole('button', { name: 'Dienst opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'De dienst van za 10 jul 14:00-22:00 is opgeslagen.' })).toBeVisible();
  const shift = page.getByRole('article', { name: '14:00–22:00 · Toezicht' });
  await expect(shift).toContainText('0 van 4 toegezegd');
  await expect(shift).toContainText('in koppels');

  // Edit: a verkeersregelaar shift for 2.
  await shift.getByRole('button', { name: /^Wijzigen/ }).click();
  const edit = page.getByRole('dialog', { name: 'Dienst wijzigen' });
  await edit.getByLabel('Rol').selectOption({ label: 'Verkeersregelaar' });
  await edit.getByLabel('Aantal handhavers nodig').fill('2');
  await edit.getByLabel('Aantal handhavers nodig').press('Enter');
  const traffic = page.getByRole('article', { name: '14:00–22:00 · Verkeersregelaar' });
  await expect(traffic).toContainText('0 van 2 toegezegd');

  // Copy to the next day (the default).
  await traffic.getByRole('button', { name: /^Kopiëren/ }).click();
  const copy = page.getByRole('dialog', { name: 'Dienst kopiëren' });
  await expect(copy.getByLabel('Begin van de kopie')).toHaveValue('2027-07-11T14:00');
  await copy.getByRole('button', { name: 'Kopie maken' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /zondag 11 juli 2027/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Diensten \(2 diensten\)/ })).toBeVisible();

  // Cancel the copy: the dialog says what happens; Escape keeps it, confirming cancels it.
  const sunday = page.getByRole('article').filter({ has: page.getByRole('button', { name: /Annuleren dienst 2027-07-11/ }) });
  await sunday.getByRole('button', { name: /^Annuleren/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Dienst annuleren?' });
  await expect(confirm).toContainText('er wordt niets verwijderd');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await sunday.getByRole('button', { name: /^Annuleren/ }).click();
  await page.getByRole('button', { name: 'Ja, dienst annuleren' }).click();
  await expect(page.getByRole('article', { name: /Geannuleerd/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Diensten \(1 dienst\)/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'evenement-diensten');

  await regie.restart();
  await page.reload();
  await expect(page.getByRole('article', { name: '14:00–22:00 · Verkeersregelaar' }).first()).toBeVisible();
  const shifts = await hostApi(regie)('shifts.list', { eventId: ev.id });
  expect(shifts.map((s) => [s.start, s.end, s.role, s.needed, s.cancelled])).toEqual([
    ['2027-07-10T14:00', '2027-07-10T22:00', 'verkeersregelaar', 2, false],
    ['2027-07-11T14:00', '2027-07-11T22:00', 'verkeersregelaar', 2, true],
  ]);
});

test('ask Heemstede under the convenant (beyond the mandate is flagged), see its officers arrive by plan file, warnings inline, copy for next year', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup('GM0473');
  const z = hostApi(regie);
  const heemstede = await new Partner('GM0397').init(z);
  try {
    await convenant(regie, 'GM0473', heemstede);
    const ev = await z('events.create', PARTY);
    const shift = await z('shifts.create', { eventId: ev.id, start: '2027-07-10T14:00', end: '2027-07-10T22:00', role: 'toezicht', needed: 8, inPairs: true });
    await staffOwn(z, 'GM0473', shift.id, ['Sanne de Vries', 'Daan Jansen', 'Noor Visser']);

    await page.goto(url);
    await page.goto(`${regie.origin()}/#/evenementen/${ev.id}`);
    const row = page.getByRole('article', { name: '14:00–22:00 · Toezicht' });
    await expect(row).toContainText('3 van 8 toegezegd');
    await expect(row.getByRole('list', { name: 'Toegezegde handhavers' })).toContainText('Sanne de Vries');
    // Three of a koppel-shift: the rule warning shows at the shift and in the event's list.
    await expect(row.getByRole('list', { name: 'Waarschuwingen bij deze dienst' })).toContainText('werkt in koppels, maar heeft 3 handhavers');
    await expect(page.getByRole('region', { name: /Waarschuwingen/ })).toContainText('werkt in koppels');

    await row.getByRole('button', { name: /^Partner vragen/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Handhavers vragen' });
    await dialog.getByLabel('Van welke gemeente').selectOption({ label: 'Heemstede' });
    await expect(dialog.getByLabel('Onder welke afspraak')).toHaveValue(/GM0473\.ag\./);
    await dialog.getByLabel('Aantal handhavers').fill('6');
    await expect(dialog.getByRole('status')).toContainText('boven uw mandaat');
    await expect(dialog.getByRole('status')).toContainText('teamleider handhaving');
    expect(await seriousViolations(page)).toEqual([]);
    await snap(page, testInfo, 'handhavers-vragen');
    await dialog.getByLabel('Aantal handhavers').fill('4');
    await expect(dialog.getByRole('status')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Verzoek maken' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Verzoek aan Heemstede om 4 handhavers is gemaakt.' })).toBeVisible();
    await expect(row.getByRole('list', { name: 'Verzoeken' })).toContainText('Heemstede: 4 gevraagd, 0 toegezegd Open');

    // Heemstede commits two officers and sends its file back.
    await heemstede.receiveFrom(regie);
    const [request] = (await heemstede.call('requests.list', { direction: 'in' })).filter((r) => r.host === 'GM0473');
    const officers = [];
    for (const name of ['Fatima el Amrani', 'Joost Bakker']) officers.push(await heemstede.call('officers.create', { name, qualifications: boa(regionWerkgebied('GM0397')), contractHours: 36 }));
    await heemstede.call('requests.commit', { id: request!.id, officerIds: officers.map((o) => o.id) });
    await heemstede.sendTo(regie);

    await page.reload();
    await expect(row).toContainText('5 van 8 toegezegd');
    const names = row.getByRole('list', { name: 'Toegezegde handhavers' });
    await expect(names.getByRole('listitem').filter({ hasText: 'Fatima el Amrani' })).toContainText('HS');
    await expect(names.getByRole('listitem').filter({ hasText: 'Fatima el Amrani' })).toContainText('Heemstede');
    await expect(row.getByRole('list', { name: 'Verzoeken' })).toContainText('Heemstede: 4 gevraagd, 2 toegezegd Deels toegezegd');
    await snap(page, testInfo, 'evenement-partner');

    // Next year's edition.
    await page.getByRole('button', { name: 'Kopiëren als sjabloon' }).click();
    const copy = page.getByRole('dialog', { name: 'Evenement kopiëren als sjabloon' });
    await expect(copy.getByLabel('Naam van de kopie')).toHaveValue('Strandfeest 2028');
    await expect(copy.getByLabel('Begin van de kopie')).toHaveValue('2028-07-08T14:00');
    await copy.getByRole('button', { name: 'Kopie maken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Strandfeest 2028' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Kopie "Strandfeest 2028" is gemaakt met 1 dienst.' })).toBeVisible();
    await expect(page.getByRole('article', { name: '14:00–22:00 · Toezicht' })).toContainText('0 van 8 toegezegd');
    await expect(page.getByRole('heading', { level: 3, name: /zaterdag 8 juli 2028/ })).toBeVisible();
  } finally {
    heemstede.close();
  }
});

test('a partner’s event is read-only; an event with 200 shifts is a virtualised timeline, in English too', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup('GM0473');
  const z = hostApi(regie);
  const heemstede = await new Partner('GM0397').init(z);
  let theirs: string;
  try {
    theirs = (await heemstede.call('events.create', { name: 'Braderie Heemstede', place: 'Binnenweg', start: '2027-08-27T09:00', end: '2027-08-27T17:00', risk: 'A' })).id;
    await heemstede.sendTo(regie);
  } finally {
    heemstede.close();
  }
  const ev = await z('events.create', { name: 'Zomerfestival', place: 'Strand', start: '2027-06-01T08:00', end: '2027-09-10T00:00', risk: 'C' });
  for (let i = 0; i < 200; i++) {
    const day = new Date(Date.UTC(2027, 5, 1 + Math.floor(i / 2))).toISOString().slice(0, 10);
    await z('shifts.create', { eventId: ev.id, start: `${day}T${i % 2 ? '16:00' : '08:00'}`, end: `${day}T${i % 2 ? '23:30' : '16:00'}`, role: 'toezicht', needed: 2 });
  }
  await page.goto(url);
  await page.goto(`${regie.origin()}/#/evenementen/${theirs}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Braderie Heemstede' })).toBeVisible();
  await expect(page.getByText('Dit evenement is van Heemstede.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dienst toevoegen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Gegevens wijzigen' })).toHaveCount(0);

  await page.goto(`${regie.origin()}/#/evenementen/${ev.id}`);
  await expect(page.getByRole('heading', { level: 2, name: /Diensten \(200 diensten\)/ })).toBeVisible();
  await expect(page.getByRole('article').first()).toContainText('08:00–16:00');
  expect(await page.getByRole('article').count()).toBeLessThan(40);
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'evenement-200-diensten');
  await page.getByRole('region', { name: 'Diensten van Zomerfestival' }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.getByRole('heading', { level: 3, name: /woensdag 8 september 2027/ })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Shifts \(200 shifts\)/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add shift' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Wednesday 8 September 2027/ })).toBeVisible();
});
