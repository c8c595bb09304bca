// Instellingen: a backup made by hand, restored after a confirmation that says what it means, with the new
// fingerprint shown; the language choice; no serious accessibility problems.
import { expect, snap, test } from './fixtures';
import { seriousViolations } from './event-helpers';

test('Instellingen: make a backup, restore it after reading the consequences, and see the new fingerprint', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  const before = await regie.setup('GM0473', 'Laptop coördinator');
  await regie.call('events.create', { name: 'Braderie Zandvoort', place: 'Kerkstraat', start: '2027-06-12T09:00', end: '2027-06-12T17:00', risk: 'A' });
  await page.goto(url);
  const links = page.getByRole('navigation', { name: 'Hulp en instellingen' });
  await links.getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await expect(links.getByRole('link', { name: 'Instellingen' })).toHaveAttribute('aria-current', 'page');

  const backups = page.getByRole('region', { name: 'Back-ups' });
  await expect(backups).toContainText('Er is nog geen back-up.');
  await expect(backups).toContainText(regie.dataDir);
  await backups.getByRole('button', { name: 'Nu een back-up maken' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Back-up gemaakt: / })).toBeVisible();
  const table = backups.getByRole('table', { name: 'Back-ups, nieuwste eerst' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('handmatig');
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'settings-backups');

  // Work after the backup, which the restore will take away again.
  await regie.call('events.create', { name: 'Na de back-up', place: 'Strand', start: '2027-06-19T09:00', end: '2027-06-19T17:00', risk: 'A' });

  await table.getByRole('button', { name: /^Terugzetten back-up van / }).click();
  const dialog = page.getByRole('dialog', { name: /^Back-up van .+ terugzetten\?$/ });
  await expect(dialog).toContainText('De huidige database blijft bewaard');
  await expect(dialog).toContainText('Dit apparaat krijgt een nieuwe sleutel en dus een nieuwe vingerafdruk');
  await expect(dialog).toContainText('Partners die dit apparaat vertrouwden, vertrouwen de nieuwe sleutel automatisch');
  await expect(dialog).toContainText('komen terug met het volgende planbestand van die partner');
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'settings-restore-confirm');
  await dialog.getByRole('button', { name: 'Ja, terugzetten' }).click();

  const result = page.getByRole('region', { name: 'Back-up teruggezet' });
  await expect(result).toBeFocused();
  await expect(result).toContainText('Dit apparaat heeft een nieuwe sleutel gekregen');
  const status = await regie.call('setup.status', {});
  if (!status.ok || status.value.state !== 'ready') throw new Error('not ready after restore');
  expect(status.value.identity.fingerprint).not.toBe(before.fingerprint);
  await expect(result.getByTestId('fingerprint')).toHaveText(status.value.identity.fingerprint);
  const events = await regie.call('events.list', {});
  expect(events.ok && events.value.map((e) => e.name)).toEqual(['Braderie Zandvoort']);
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'settings-restored');

  // The language choice: a radio group, each language named in itself.
  const language = page.getByRole('group', { name: 'Taal van de schermen' });
  await language.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Backups' })).toContainText('Make a backup now');
  await page.getByRole('group', { name: 'Language of the screens' }).getByRole('radio', { name: 'Nederlands' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
});
