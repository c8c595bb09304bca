// An unreadable database: a clear screen instead of a blank window, and moving it aside keeps the old file.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, snap, test } from './fixtures';

test('a damaged database shows the move-aside screen; confirming starts afresh and keeps the old file', async ({ page, regie }, testInfo) => {
  const garbage = Buffer.from('Dit is geen SQLite-database, maar rommel.\n'.repeat(200));
  writeFileSync(join(regie.dataDir, 'regie.db'), garbage);
  await page.goto(await regie.start());

  await expect(page.getByRole('heading', { level: 1, name: 'De database kan niet worden geopend' })).toBeVisible();
  await expect(page.getByText('Het databasebestand is beschadigd of is geen Regie-database.')).toBeVisible();
  await expect(page.getByText(join(regie.dataDir, 'regie.db'))).toBeVisible();
  await snap(page, testInfo, 'store-unavailable');

  await page.getByRole('button', { name: 'Database opzij zetten en opnieuw beginnen' }).click();
  const confirm = page.getByRole('region', { name: 'Database opzij zetten?' });
  await expect(confirm).toContainText('het oude bestand blijft bewaard');
  await snap(page, testInfo, 'store-unavailable-confirm');
  // Cancelling changes nothing.
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  expect(readdirSync(regie.dataDir)).toEqual(['regie.db']);

  await page.getByRole('button', { name: 'Database opzij zetten en opnieuw beginnen' }).click();
  await page.getByRole('button', { name: 'Ja, opzij zetten en opnieuw beginnen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Welkom bij Regie' })).toBeVisible();
  const kept = readdirSync(regie.dataDir).filter((f) => f.startsWith('regie.beschadigd-'));
  expect(kept).toHaveLength(1);
  expect(readFileSync(join(regie.dataDir, kept[0]!)).equals(garbage)).toBe(true);
  await expect(page.getByText(`Het oude databasebestand is bewaard als ${join(regie.dataDir, kept[0]!)}.`)).toBeVisible();
  await snap(page, testInfo, 'after-move-aside');
});
