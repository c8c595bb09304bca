// Kalender: the region's events by month, week and list, per host gemeente (colour and name), risk class and
// staffing; filters; opening an event by click and by keyboard; axe on each view.
import { expect, snap, test } from './fixtures';
import { hostApi, Partner, seriousViolations, staffOwn } from './event-helpers';

test.describe.configure({ timeout: 60_000 });

test('month and week show own and partner events with gemeente, risk class and staffing; filters narrow them; an event opens', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup('GM0473');
  const z = hostApi(regie);
  const gp = await z('events.create', { name: 'Dutch Grand Prix', place: 'Circuit Zandvoort', start: '2027-08-27T10:00', end: '2027-08-29T18:00', risk: 'C', status: 'vergund' });
  const gpShift = await z('shifts.create', { eventId: gp.id, start: '2027-08-27T10:00', end: '2027-08-27T18:00', role: 'toezicht', needed: 2, inPairs: true });
  await staffOwn(z, 'GM0473', gpShift.id, ['Sanne de Vries', 'Daan Jansen']);
  const party = await z('events.create', { name: 'Strandfeest', place: 'Strand', start: '2027-08-14T14:00', end: '2027-08-15T02:00', risk: 'B' });
  const partyShift = await z('shifts.create', { eventId: party.id, start: '2027-08-14T14:00', end: '2027-08-14T22:00', role: 'toezicht', needed: 4 });
  await z('requests.create', { shiftId: partyShift.id, provider: 'GM0473', count: 4 });
  const heemstede = await new Partner('GM0397').init(z);
  try {
    await heemstede.call('events.create', { name: 'Braderie Heemstede', place: 'Binnenweg', start: '2027-08-27T09:00', end: '2027-08-27T17:00', risk: 'A' });
    await heemstede.sendTo(regie);
  } finally {
    heemstede.close();
  }

  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  await page.getByLabel('Ga naar datum').fill('2027-08-01');
  await expect(page.getByRole('heading', { level: 2, name: 'augustus 2027' })).toBeVisible();
  const month = page.getByRole('table', { name: 'Evenementen in augustus 2027' });
  const gpLink = month.getByRole('link', { name: /Dutch Grand Prix/ }).first();
  await expect(gpLink).toHaveAccessibleName(/Zandvoort, C risico/);
  await expect(gpLink).toContainText('ZV');
  await expect(gpLink).toContainText('✓ 2/2');
  await expect(gpLink).toHaveAccessibleName(/Volledig bezet \(2 van 2\)/);
  // A three-day event shows on each of its days.
  await expect(month.getByRole('link', { name: /Dutch Grand Prix/ })).toHaveCount(3);
  // A beach party until 02:00 belongs to its evening only; it is short but has a request open.
  await expect(month.getByRole('link', { name: /Strandfeest/ })).toHaveCount(1);
  await expect(month.getByRole('link', { name: /Strandfeest/ })).toHaveAccessibleName(/B aandacht.*Tekort, verzoeken open \(0 van 4; 1 open\)/);
  const braderie = month.getByRole('link', { name: /Braderie Heemstede/ });
  await expect(braderie).toHaveAccessibleName(/Heemstede, A regulier.*Nog geen diensten/);
  await expect(braderie).toContainText('HS');
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'kalender-maand');

  // Filters: the gemeente checkboxes are also the legend.
  const filters = page.getByRole('group', { name: 'Gemeenten' });
  await filters.getByRole('checkbox', { name: 'Heemstede' }).uncheck();
  await expect(braderie).toHaveCount(0);
  await expect(gpLink).toBeVisible();
  await page.getByRole('button', { name: 'Alle gemeenten tonen' }).click();
  await expect(braderie).toBeVisible();
  await page.getByRole('group', { name: 'Risicoklasse' }).getByRole('checkbox', { name: 'C risico' }).uncheck();
  await expect(month.getByRole('link', { name: /Dutch Grand Prix/ })).toHaveCount(0);
  await page.getByRole('group', { name: 'Risicoklasse' }).getByRole('checkbox', { name: 'C risico' }).check();

  // Week view of the Grand Prix weekend.
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await page.getByLabel('Ga naar datum').fill('2027-08-27');
  await expect(page.getByRole('heading', { level: 2, name: /Week 34/ })).toBeVisible();
  const friday = page.getByRole('region', { name: 'vrijdag 27 augustus 2027' });
  await expect(friday.getByRole('link', { name: /Dutch Grand Prix/ })).toContainText('10:00–18:00');
  await expect(friday.getByRole('link', { name: /Dutch Grand Prix/ })).toContainText('Volledig bezet (2 van 2)');
  await expect(friday.getByRole('link', { name: /Braderie Heemstede/ })).toContainText('Heemstede');
  await expect(page.getByRole('region', { name: 'zaterdag 28 augustus 2027' }).getByRole('link', { name: /Dutch Grand Prix/ })).toContainText('vervolg');
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'kalender-week');

  // By keyboard: focus the event and press Enter.
  await friday.getByRole('link', { name: /Dutch Grand Prix/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dutch Grand Prix' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/evenementen/${gp.id.replace(/\./g, '\\.')}$`));

  // Back on the Kalender, the week is still chosen.
  await page.getByRole('link', { name: 'Terug naar de kalender' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Week 34/ })).toBeVisible();
});

test('the list view of a busy year is virtualised: few rows in the page, every event reachable by scrolling', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup('GM0473');
  const z = hostApi(regie);
  for (let i = 0; i < 240; i++) {
    const day = new Date(Date.UTC(2027, 0, 1 + Math.floor(i * 1.5))).toISOString().slice(0, 10);
    await z('events.create', { name: `Evenement ${String(i + 1).padStart(3, '0')}`, place: 'Centrum', start: `${day}T10:00`, end: `${day}T16:00`, risk: (['A', 'B', 'C'] as const)[i % 3]! });
  }
  await page.goto(url);
  await page.getByRole('button', { name: 'Lijst' }).click();
  await page.getByLabel('Ga naar datum').fill('2027-03-01');
  const table = page.getByRole('table', { name: 'Evenementen in 2027' });
  await expect(table).toHaveAttribute('aria-rowcount', '241');
  await expect(table.getByRole('row', { name: /Evenement 001/ })).toBeVisible();
  const rendered = await table.locator('tbody tr[aria-rowindex]').count();
  expect(rendered).toBeLessThan(60);
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'kalender-lijst');

  await page.getByRole('region', { name: 'Evenementen in 2027' }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(table.getByRole('row', { name: /Evenement 240/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Evenement 001/ })).toHaveCount(0);
  // Filtering the list by risk class.
  await page.getByRole('group', { name: 'Risicoklasse' }).getByRole('checkbox', { name: 'A regulier' }).uncheck();
  await expect(table).toHaveAttribute('aria-rowcount', '161');
});

test('the Kalender in English', async ({ page, regie }) => {
  const url = await regie.start();
  await regie.setup('GM0473');
  await page.goto(url);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await page.getByLabel('Go to date').fill('2027-08-01');
  await expect(page.getByRole('heading', { level: 2, name: 'August 2027' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next month' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Risk class' })).toBeVisible();
});
