// Meldingen through the host with a real partner: Zandvoort cancels a shift Heemstede had committed officers
// to; after the import the menu counts it, the request shows it, and Heemstede resolves the lapsed
// commitments in one list with a confirmation, as a signed change.
import { expect, snap, test } from './fixtures';
import { grandPrix, hostCall, hostOfficer, hostSends, partnerSends, seriousViolations, HEEMSTEDE } from './requests-partner';

test.describe.configure({ timeout: 60_000 });

test('a lapsed commitment shows in the menu, on the request and in the list, and is resolved there', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  const gp = await grandPrix(regie);
  const team = [await hostOfficer(regie, 'Iris Mulder'), await hostOfficer(regie, 'Thijs Bos')];
  await hostCall(regie, 'requests.commit', { id: gp.reqSatLate.id, officerIds: team.map((o) => o.id) });
  await hostSends(regie, gp.zandvoort);
  await gp.zandvoort.call('shifts.cancel', { id: gp.satLate.id });
  await partnerSends(gp.zandvoort, regie);

  await page.goto(url);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: /Meldingen 1 melding die aandacht vraagt/ })).toBeVisible();
  await nav.getByRole('link', { name: 'Verzoeken' }).click();
  await expect(page.getByRole('list', { name: 'Ontvangen' }).getByRole('link', { name: /za 28 aug 2027 16:00/ })).toContainText('1 melding');

  await nav.getByRole('link', { name: /Meldingen/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Meldingen' });
  const conflict = list.getByRole('article', { name: /^Conflict: Dienst geannuleerd door Zandvoort/ });
  await expect(conflict).toContainText('uw 2 toezeggingen vervallen');
  await expect(conflict).toContainText('Uw gemeente kan dit oplossen.');
  await expect(conflict.getByRole('link', { name: 'Naar het verzoek' })).toHaveAttribute('href', `#/verzoeken/${encodeURIComponent(gp.reqSatLate.id)}`);
  await snap(page, testInfo, 'problems-conflict');
  expect(await seriousViolations(page)).toEqual([]);

  await conflict.getByRole('button', { name: 'Toezeggingen intrekken' }).click();
  const confirm = page.getByRole('dialog', { name: '2 vervallen toezeggingen intrekken?' });
  await expect(confirm).toContainText('er wordt niets verwijderd');
  await confirm.getByRole('button', { name: 'Toezeggingen intrekken' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 vervallen toezeggingen zijn ingetrokken.' })).toBeVisible();
  await expect(page.getByText('Er staat niets open')).toBeVisible();
  await expect(nav.getByTestId('problem-count')).toHaveCount(0);
  expect(await hostCall(regie, 'conflicts.list', {})).toEqual([]);
  // The resolution is a signed change that travels: Zandvoort's copy no longer counts the commitments.
  await hostSends(regie, gp.zandvoort);
  expect((await gp.zandvoort.call('requests.overview', { direction: 'out' })).find((r) => r.id === gp.reqSatLate.id)?.commitments).toEqual([]);
  gp.zandvoort.close();
});

test('rule violations are listed with their rule, filtered by kind, and link to where they matter', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  // Heemstede's own event, worked in koppels, with one officer so far: the pair is incomplete (a warning).
  const ev = await hostCall(regie, 'events.create', { name: 'Zomermarkt Heemstede', place: 'Raadhuisplein', start: '2027-07-10T06:00', end: '2027-07-10T22:00', risk: 'A' });
  const shift = await hostCall(regie, 'shifts.create', { eventId: ev.id, start: '2027-07-10T07:00', end: '2027-07-10T17:00', role: 'toezicht', needed: 2, inPairs: true });
  const own = await hostCall(regie, 'requests.create', { shiftId: shift.id, provider: HEEMSTEDE, agreementId: null, count: 2 });
  const iris = await hostOfficer(regie, 'Iris Mulder');
  await hostCall(regie, 'requests.commit', { id: own.id, officerIds: [iris.id] });

  await page.goto(url);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: /Meldingen/ })
    .click();
  const list = page.getByRole('list', { name: 'Meldingen' });
  const pairs = list.getByRole('article', { name: /^Waarschuwing: / });
  await expect(pairs).toContainText('Koppel niet compleet');
  await expect(pairs.getByRole('link', { name: 'Evenement Zomermarkt Heemstede' })).toBeVisible();
  await page.getByRole('radio', { name: /Conflicten \(0\)/ }).check();
  await expect(page.getByText('Geen meldingen in deze selectie.')).toBeVisible();
  await page.getByRole('radio', { name: /Waarschuwingen/ }).check();
  await expect(list.getByRole('article')).toHaveCount(1);
  await snap(page, testInfo, 'problems-warnings');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Problems' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Problems' }).getByRole('article')).toContainText('Pair incomplete');
  expect(await seriousViolations(page)).toEqual([]);
});
