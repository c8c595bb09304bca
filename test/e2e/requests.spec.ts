// Verzoeken through the host on real data: Heemstede answers Zandvoort's Grand Prix requests (imported from a
// real plan file) with a candidate list that explains the rules, declines one with a reason, drags an
// officer onto a shift, withdraws a commitment; Zandvoort's side withdraws and approves in the outbox.
import { expect, snap, test } from './fixtures';
import { grandPrix, hostCall, hostOfficer, hostSends, openAt, partnerSends, seriousViolations, HEEMSTEDE } from './requests-partner';

test.describe.configure({ timeout: 60_000 });

test('answers a request from the candidate list; the officer with 9 u 30 rest needs a reason first', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  const gp = await grandPrix(regie);
  const sanne = await hostOfficer(regie, 'Sanne de Vries');
  await hostOfficer(regie, 'Daan Jansen');
  await hostOfficer(regie, 'Anouk Dekker', '2027-06-30');
  await hostCall(regie, 'requests.commit', { id: gp.reqSatLate.id, officerIds: [sanne.id] });

  await page.goto(url);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzoeken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verzoeken' })).toBeVisible();
  const inbox = page.getByRole('list', { name: 'Ontvangen' });
  await expect(inbox.getByRole('listitem')).toHaveCount(3);
  await expect(inbox.getByRole('link', { name: /za 28 aug 2027 16:00/ })).toContainText('1 van 2 toegezegd');

  await inbox.getByRole('link', { name: /zo 29 aug 2027 10:00/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Dutch Grand Prix' })).toBeFocused();
  // Free and qualified first, then the warning, then who cannot, each saying why.
  const free = page.getByRole('group', { name: /Beschikbaar en bevoegd/ });
  const warned = page.getByRole('group', { name: /Mogelijk, met een reden/ });
  const blocked = page.getByRole('group', { name: /Niet inzetbaar/ });
  await expect(free.getByRole('checkbox')).toHaveCount(1);
  await expect(free.getByRole('checkbox', { name: 'Daan Jansen' })).toBeEnabled();
  await expect(warned.getByRole('checkbox', { name: 'Sanne de Vries' })).toHaveAccessibleDescription(/9 u 30/);
  await expect(blocked.getByRole('checkbox', { name: 'Anouk Dekker' })).toBeDisabled();
  await expect(blocked.getByRole('checkbox', { name: 'Anouk Dekker' })).toHaveAccessibleDescription(/Waarom niet:.*akte/i);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('checkbox', { name: 'Daan Jansen' }).check();
  await page.getByRole('checkbox', { name: 'Sanne de Vries' }).check();
  const reason = page.getByLabel('Reden om Sanne de Vries toch in te zetten (verplicht)');
  await expect(reason).toBeVisible();
  await page.getByRole('button', { name: 'Toezeggen (2)' }).click();
  // Not sent without the reason: the field says so and takes focus.
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAccessibleDescription('Geef een reden op; die wordt bij de toezegging vastgelegd.');
  await snap(page, testInfo, 'requests-answer-reason');
  await reason.fill('Alleen zij kent het parcours; korte rust eenmalig afgesproken.');
  await page.getByRole('button', { name: 'Toezeggen (2)' }).click();

  await expect(page.getByRole('status').filter({ hasText: '2 handhavers toegezegd: Daan Jansen, Sanne de Vries.' })).toBeVisible();
  await expect(inbox.getByRole('link', { name: /zo 29 aug 2027 10:00/ })).toContainText('Toegezegd');
  await expect(page.getByRole('heading', { name: 'Toegezegde handhavers' })).toBeVisible();
  await expect(page.getByText(/Sanne de Vries — reden: Alleen zij kent het parcours/)).toBeVisible();
  await snap(page, testInfo, 'requests-answered');

  // The commitment is real: it is in the plan file Zandvoort gets, with the reason.
  await hostSends(regie, gp.zandvoort);
  const out = await gp.zandvoort.call('requests.overview', { direction: 'out' });
  expect(out.find((r) => r.id === gp.reqSunEarly.id)).toMatchObject({
    status: 'committed',
    commitments: [{ officerName: 'Daan Jansen' }, { officerName: 'Sanne de Vries', reasons: { ATW_REST_TOO_SHORT: expect.stringContaining('parcours') } }],
  });
  gp.zandvoort.close();
});

test('warns that an officer after a night shift ending after 02:00 gets too little rest (ATW art. 5:8)', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  const gp = await grandPrix(regie, { night: true });
  const sanne = await hostOfficer(regie, 'Sanne de Vries');
  await hostOfficer(regie, 'Daan Jansen');
  // Sanne works Friday night 23:00-07:00; Saturday's late shift starts at 16:00, 9 hours later.
  await hostCall(regie, 'requests.commit', { id: gp.reqFriNight!.id, officerIds: [sanne.id] });

  await openAt(page, url, `/verzoeken/${encodeURIComponent(gp.reqSatLate.id)}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Dutch Grand Prix' })).toBeVisible();
  const warned = page.getByRole('group', { name: /Mogelijk, met een reden/ });
  const candidate = warned.getByRole('checkbox', { name: 'Sanne de Vries' });
  await expect(candidate).toHaveAccessibleDescription(/maar 9 u rust na de nachtdienst van vr 27 aug 23:00-07:00.*minimaal 14 uur rust nodig/);
  await expect(page.getByRole('group', { name: /Beschikbaar en bevoegd/ }).getByRole('checkbox', { name: 'Daan Jansen' })).toBeEnabled();
  expect(await seriousViolations(page)).toEqual([]);
  await candidate.check();
  await page.getByLabel('Reden om Sanne de Vries toch in te zetten (verplicht)').fill('Enige handhaver met ervaring op het circuit; eenmalig.');
  await snap(page, testInfo, 'requests-night-rest');
  await page.getByRole('button', { name: 'Toezeggen (1)' }).click();
  await expect(page.getByRole('status').filter({ hasText: /toegezegd: Sanne de Vries\./ })).toBeVisible();
  await hostSends(regie, gp.zandvoort);
  const out = await gp.zandvoort.call('requests.overview', { direction: 'out' });
  expect(out.find((r) => r.id === gp.reqSatLate.id)).toMatchObject({ commitments: [{ officerName: 'Sanne de Vries', reasons: { ATW_NIGHT_REST_TOO_SHORT: expect.stringContaining('circuit') } }] });
  gp.zandvoort.close();
});

test('declines a request with a reason, which Zandvoort then sees', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  const gp = await grandPrix(regie);
  await openAt(page, url, `/verzoeken/${encodeURIComponent(gp.reqSunLate.id)}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Dutch Grand Prix' })).toBeVisible();
  await page.getByRole('button', { name: 'Verzoek afwijzen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verzoek afwijzen' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Verzoek afwijzen' }).click();
  await expect(dialog.getByLabel('Reden')).toHaveAccessibleDescription(/Geef een reden op\./);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByLabel('Reden').fill('Eigen evenement in Heemstede op zondagavond.');
  await snap(page, testInfo, 'requests-decline-dialog');
  await dialog.getByRole('button', { name: 'Verzoek afwijzen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Het verzoek voor Dutch Grand Prix is afgewezen.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Ontvangen' }).getByRole('link', { name: /zo 29 aug 2027 16:00/ })).toContainText('Afgewezen');
  await expect(page.getByText('Eigen evenement in Heemstede op zondagavond.')).toBeVisible();

  await hostSends(regie, gp.zandvoort);
  const out = await gp.zandvoort.call('requests.list', { direction: 'out' });
  expect(out.find((r) => r.id === gp.reqSunLate.id)).toMatchObject({ status: 'declined', answer: { reason: 'Eigen evenement in Heemstede op zondagavond.' } });
  gp.zandvoort.close();
});

test('drags an officer onto the shift, commits, and withdraws the commitment after confirming', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  const gp = await grandPrix(regie);
  await hostOfficer(regie, 'Noor Visser');
  await hostOfficer(regie, 'Bram Smit');
  await openAt(page, url, `/verzoeken/${encodeURIComponent(gp.reqSatLate.id)}`);
  const drop = page.getByRole('group', { name: 'Plekken in deze dienst' });
  await expect(drop).toContainText('0 van 2 open plekken gekozen');
  await page.locator('li[data-officer="Noor Visser"]').dragTo(drop);
  await expect(drop).toContainText('1 van 2 open plekken gekozen');
  await expect(drop).toContainText('Noor Visser');
  await expect(page.getByRole('checkbox', { name: 'Noor Visser' })).toBeChecked();
  await snap(page, testInfo, 'requests-dragged');
  await page.getByRole('button', { name: 'Toezeggen (1)' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 handhaver toegezegd: Noor Visser.' })).toBeVisible();

  await page.getByRole('button', { name: 'Toezegging intrekken Noor Visser' }).click();
  const confirm = page.getByRole('dialog', { name: 'Toezegging van Noor Visser intrekken?' });
  // Cancel is the safe default.
  await expect(confirm.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Toezegging intrekken' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De toezegging van Noor Visser is ingetrokken.' })).toBeVisible();
  await expect(page.getByText('Nog niemand toegezegd.')).toBeVisible();
  const inbox = await hostCall(regie, 'requests.overview', { direction: 'in' });
  expect(inbox.find((r) => r.id === gp.reqSatLate.id)?.commitments).toEqual([]);
  gp.zandvoort.close();
});

test('outbox: withdraws an own request and records the approval an escalated one needs', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  const gp = await grandPrix(regie);
  // Heemstede's own event, with requests to Zandvoort: 2 officers (within the mandate) and 6 (beyond it).
  const ev = await hostCall(regie, 'events.create', { name: 'Zomermarkt Heemstede', place: 'Raadhuisplein', start: '2027-07-10T09:00', end: '2027-07-10T18:00', risk: 'A' });
  const shift = await hostCall(regie, 'shifts.create', { eventId: ev.id, start: '2027-07-10T09:00', end: '2027-07-10T17:00', role: 'toezicht', needed: 8 });
  const small = await hostCall(regie, 'requests.create', { shiftId: shift.id, provider: gp.zandvoort.gemeente, agreementId: gp.agreementId, count: 2 });
  await hostCall(regie, 'requests.create', { shiftId: shift.id, provider: gp.zandvoort.gemeente, agreementId: gp.agreementId, count: 6 });

  await page.goto(url);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzoeken' }).click();
  await page.getByRole('link', { name: /Verstuurd \(2\)/ }).click();
  const outbox = page.getByRole('list', { name: 'Verstuurd' });
  await expect(outbox.getByRole('listitem')).toHaveCount(2);
  const escalated = outbox.getByRole('link', { name: /0 van 6 toegezegd/ });
  await expect(escalated).toContainText('Goedkeuring nodig: teamleider handhaving');
  await escalated.click();
  await expect(page.getByText('Dit verzoek gaat buiten het mandaat van de coördinator.')).toBeVisible();
  await page.getByRole('button', { name: 'Goedkeuring vastleggen' }).click();
  const approve = page.getByRole('dialog', { name: 'Goedkeuring vastleggen' });
  await approve.getByLabel('Naam en functie').fill('J. de Boer, teamleider handhaving');
  await approve.getByRole('button', { name: 'Goedkeuring vastleggen' }).click();
  await expect(page.getByText('Goedgekeurd door J. de Boer, teamleider handhaving.')).toBeVisible();
  await snap(page, testInfo, 'requests-outbox-approved');
  expect(await seriousViolations(page)).toEqual([]);

  await outbox.getByRole('link', { name: /0 van 2 toegezegd/ }).click();
  await page.getByRole('button', { name: 'Verzoek intrekken' }).click();
  const confirm = page.getByRole('dialog', { name: 'Verzoek intrekken?' });
  await expect(confirm).toContainText('Zandvoort ziet bij uw volgende planbestand');
  await confirm.getByRole('button', { name: 'Verzoek intrekken' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het verzoek voor Zomermarkt Heemstede is ingetrokken.' })).toBeVisible();
  await expect(outbox.getByRole('link', { name: /0 van 2 toegezegd/ })).toContainText('Ingetrokken');
  const out = await hostCall(regie, 'requests.list', { direction: 'out' });
  expect(out.find((r) => r.id === small.id)?.status).toBe('withdrawn');
  gp.zandvoort.close();
});

test('in English, the candidate list explains the rules in English too', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  const gp = await grandPrix(regie);
  const sanne = await hostOfficer(regie, 'Sanne de Vries');
  await hostCall(regie, 'requests.commit', { id: gp.reqSatLate.id, officerIds: [sanne.id] });
  await partnerSends(gp.zandvoort, regie);
  await openAt(page, url, `/verzoeken/${encodeURIComponent(gp.reqSunEarly.id)}`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Received \(3\)/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /Possible, with a reason/ }).getByRole('checkbox', { name: 'Sanne de Vries' })).toHaveAccessibleDescription(/Note:.*9 h 30/);
  await snap(page, testInfo, 'requests-english');
  expect(await seriousViolations(page)).toEqual([]);
  gp.zandvoort.close();
});
