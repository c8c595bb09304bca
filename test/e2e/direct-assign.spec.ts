// Own officers go straight onto an own shift: "Eigen handhavers inzetten" offers the candidate list with
// the rules' verdicts, no request to one's own gemeente. A self-request an older copy made shows as the
// same direct assignment and takes more officers; Verzoeken lists only requests to and from partners.
import { expect, snap, test } from './fixtures';
import { boa, hostApi, seriousViolations, staffOwn } from './event-helpers';

test.describe.configure({ timeout: 90_000 });

test('assign own officers directly from the shift, with the same warnings, without a request', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup('GM0473');
  const z = hostApi(regie);
  const ev = await z('events.create', { name: 'Strandfeest 2027', place: 'Strand Zandvoort', start: '2027-07-10T14:00', end: '2027-07-11T02:00', risk: 'B', status: 'vergund' });
  const shift = await z('shifts.create', { eventId: ev.id, start: '2027-07-10T14:00', end: '2027-07-10T22:00', role: 'toezicht', needed: 4, inPairs: false });
  // An older copy's way: a request to oneself, with one officer committed.
  await staffOwn(z, 'GM0473', shift.id, ['Kees Bakker']);
  await z('officers.create', { name: 'Sanne de Vries', qualifications: boa(['GM0473']), contractHours: 36 });
  await z('officers.create', { name: 'Daan Jansen', qualifications: boa(['GM0473']), contractHours: 36 });
  await z('officers.create', { name: 'Oud Akte', qualifications: { ...boa(['GM0473']), akteValidUntil: '2027-01-01' }, contractHours: 36 });

  await page.goto(url);
  await page.goto(`${regie.origin()}/#/evenementen/${ev.id}`);
  const row = page.getByRole('article', { name: '14:00–22:00 · Toezicht' });
  await expect(row).toContainText('1 van 4 toegezegd');
  // The self-request is not shown as a request to oneself.
  await expect(row.getByRole('list', { name: 'Verzoeken' })).toHaveCount(0);

  await row.getByRole('button', { name: /^Eigen handhavers inzetten/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Eigen handhavers inzetten' });
  await expect(dialog).toContainText('Nog 3 plekken open op deze dienst');
  const blocked = dialog.locator('li[data-officer="Oud Akte"]');
  await expect(blocked.getByRole('checkbox')).toBeDisabled();
  await expect(blocked).toContainText('Waarom niet:');
  await expect(blocked).toContainText('akte');
  await expect(dialog.locator('li[data-officer="Kees Bakker"]')).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: 'Sanne de Vries' }).check();
  await dialog.getByRole('checkbox', { name: 'Daan Jansen' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'eigen-handhavers-inzetten');
  await dialog.getByRole('button', { name: 'Inzetten (2)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ingezet op de dienst' })).toContainText('Ingezet op de dienst: Sanne de Vries, Daan Jansen.');
  await expect(row).toContainText('3 van 4 toegezegd');
  await expect(row.getByRole('list', { name: 'Toegezegde handhavers' })).toContainText('Daan Jansen');
  await expect(row.getByRole('list', { name: 'Verzoeken' })).toHaveCount(0);
  await snap(page, testInfo, 'dienst-na-inzet');

  // Still one own request (the older copy's), enlarged: no second request to oneself.
  const own = (await z('requests.list', { direction: 'out' })).filter((r) => r.provider === 'GM0473');
  expect(own.map((r) => [r.count, r.committed])).toEqual([[3, 3]]);

  // Verzoeken is for partners only.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzoeken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verzoeken' })).toBeVisible();
  await expect(page.getByText('Strandfeest 2027')).toHaveCount(0);
});
