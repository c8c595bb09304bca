// Capaciteit through the host on real data: a day of the heat map shows who is committed where, who is
// absent and who is free; arrow keys move between days; the week per officer says it in words.
import { expect, snap, test } from './fixtures';
import { grandPrix, hostCall, hostOfficer, seriousViolations, HEEMSTEDE } from './requests-partner';

test.describe.configure({ timeout: 60_000 });

test('a capacity cell shows who: committed (where and when), absent and available', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  const gp = await grandPrix(regie);
  const sanne = await hostOfficer(regie, 'Sanne de Vries');
  const daan = await hostOfficer(regie, 'Daan Jansen');
  await hostOfficer(regie, 'Noor Visser');
  await hostCall(regie, 'requests.commit', { id: gp.reqSatLate.id, officerIds: [sanne.id] });
  await hostCall(regie, 'absences.create', { officerId: daan.id, start: '2027-08-29T00:00', end: '2027-08-30T00:00', reason: 'Verlof' });

  await page.goto(url);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Capaciteit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Capaciteit' })).toBeVisible();
  await page.getByLabel('Vanaf week van').fill('2027-08-25');
  const grid = page.getByRole('grid', { name: /Capaciteit per dag/ });
  // A Wednesday becomes its Monday: the map starts on 23 August.
  await expect(page.getByLabel('Vanaf week van')).toHaveValue('2027-08-23');
  const saturday = grid.getByRole('gridcell', { name: 'za 28 aug 2027: 2 beschikbaar, 1 toegezegd, 0 afwezig, 0 van partners' });
  await saturday.click();
  const details = page.getByTestId('day-details');
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('za 28 aug 2027');
  await expect(details).toContainText('Toegezegd (1)');
  await expect(details).toContainText('Sanne de Vries: Dutch Grand Prix (Zandvoort), 16:00–00:30');
  await expect(details).toContainText('Daan Jansen, Noor Visser');
  await snap(page, testInfo, 'capacity-saturday');
  expect(await seriousViolations(page)).toEqual([]);

  // The keyboard path: the next day, with Daan absent.
  await expect(saturday).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const sunday = grid.getByRole('gridcell', { name: /^zo 29 aug 2027: 2 beschikbaar, 0 toegezegd, 1 afwezig/ });
  await expect(sunday).toBeFocused();
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('zo 29 aug 2027');
  await expect(details).toContainText('Afwezig (1)');
  await expect(details).toContainText('Daan Jansen');
  // The week per officer, in words.
  const week = page.getByRole('table', { name: 'Beschikbaarheid per handhaver in de gekozen week' });
  await expect(week.getByRole('row', { name: /Sanne de Vries/ })).toContainText('IngezetDutch Grand Prix 16:00–00:30');
  await expect(week.getByRole('row', { name: /Daan Jansen/ })).toContainText('Afwezig');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Capacity' })).toBeVisible();
  await expect(details).toContainText('Absent (1)');
  await snap(page, testInfo, 'capacity-english');
  gp.zandvoort.close();
});
