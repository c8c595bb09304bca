// Instellingen › Apparaten en sleutels with three real hosts: a second Zandvoort laptop joins (request at the
// new laptop, approval at the first, certificate read in at the new one), Heemstede trusts its entries with no
// new phone call, the laptop is revoked, and what it makes after the cut-off is refused at Heemstede with the
// reason. Axe on each new screen, screenshots in Dutch and English.
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { snap } from './fixtures';
import { expect, importThroughUi, Installation, saveOwnCard, test, trustCardThroughUi } from './exchange-hosts';

test.describe.configure({ timeout: 300_000 });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openDevices(at: Installation): Promise<void> {
  await at.page.getByRole('navigation', { name: 'Hulp en instellingen' }).getByRole('link', { name: 'Instellingen' }).click();
  await expect(at.page.getByRole('heading', { level: 2, name: 'Apparaten en sleutels' })).toBeVisible();
}

function devicesSection(at: Installation) {
  return at.page.getByRole('region', { name: 'Apparaten en sleutels' });
}

/** Saves the download a click starts in this installation's files; returns its path. */
async function downloadFrom(at: Installation, click: () => Promise<void>): Promise<string> {
  const downloading = at.page.waitForEvent('download');
  await click();
  const download = await downloading;
  const path = join(at.files, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

async function chooseFile(at: Installation, buttonName: string, path: string): Promise<void> {
  const choosing = at.page.waitForEvent('filechooser');
  await at.page.getByRole('button', { name: buttonName }).click();
  await (await choosing).setFiles(path);
}

test('a second Zandvoort laptop joins, Heemstede trusts it without a call, and after revocation its new entries are refused', async ({ zandvoort: z1, heemstede: h, browser }, testInfo) => {
  const z2 = new Installation('Zandvoort');
  await z2.start(browser);
  try {
    // Zandvoort's first laptop and Heemstede trust each other once, by phone.
    await z1.setup('GM0473', 'Laptop Zandvoort');
    await h.setup('GM0397', 'Laptop Heemstede');
    await z1.openExchange();
    await h.openExchange();
    await trustCardThroughUi(h, await saveOwnCard(z1), 'Zandvoort');
    await trustCardThroughUi(z1, await saveOwnCard(h), 'Heemstede');

    // Laptop 1 holds the gemeente key; its devices table has itself.
    await openDevices(z1);
    const z1Devices = devicesSection(z1);
    await expect(z1Devices.getByTestId('key-holder')).toContainText('De geheime gemeentesleutel staat op deze laptop.');
    await expect(z1Devices.getByRole('table', { name: 'Laptops van uw gemeente' }).getByRole('row', { name: /Laptop Zandvoort/ })).toContainText('deze laptop');
    await snap(z1.page, testInfo, 'z1-devices');
    expect(await seriousViolations(z1.page)).toEqual([]);

    // The new laptop: first run, "Deze laptop toevoegen aan een gemeente die al Regie gebruikt".
    await z2.open();
    await expect(z2.page.getByRole('heading', { level: 1, name: 'Welkom bij Regie' })).toBeVisible();
    const gemeente = z2.page.getByRole('combobox', { name: 'Uw gemeente' });
    await gemeente.fill('zandv');
    await z2.page.getByRole('option', { name: /Zandvoort/ }).click();
    await z2.page.getByLabel('Naam van dit apparaat').fill('Laptop Zandvoort 2');
    await z2.page.getByRole('radio', { name: /Deze laptop toevoegen aan een gemeente die al Regie gebruikt/ }).check();
    await snap(z2.page, testInfo, 'z2-first-run-join');
    expect(await seriousViolations(z2.page)).toEqual([]);
    await z2.page.getByRole('button', { name: 'Installatie inrichten' }).click();
    await expect(z2.page.getByRole('heading', { level: 1, name: 'Aanvraag gemaakt' })).toBeVisible();
    const z2Fingerprint = (await z2.page.getByTestId('fingerprint').textContent())!;
    expect(z2Fingerprint).toMatch(/^\d{5} \d{5} \d{5} \d{5} \d{5} \d{5}$/);
    const requestPath = await downloadFrom(z2, () => z2.page.getByRole('button', { name: 'Aanvraag opslaan' }).click());
    await expect(z2.page.getByRole('status').filter({ hasText: 'is opgeslagen' })).toBeVisible();
    await snap(z2.page, testInfo, 'z2-join-request');
    expect(await seriousViolations(z2.page)).toEqual([]);

    // Laptop 1 reads the request: the new laptop's fingerprint, compared, then approved.
    await chooseFile(z1, 'Aanvraag inlezen…', requestPath);
    const approve = z1.page.getByRole('region', { name: 'Aanvraag goedkeuren' });
    await expect(approve).toContainText('Laptop "Laptop Zandvoort 2" vraagt om toegevoegd te worden aan Zandvoort.');
    await expect(approve.getByTestId('fingerprint')).toHaveText(z2Fingerprint);
    const approveButton = approve.getByRole('button', { name: 'Goedkeuren en certificaat opslaan' });
    await expect(approveButton).toBeDisabled();
    await approve.getByRole('checkbox', { name: 'De vingerafdruk is gelijk aan wat de nieuwe laptop toont' }).check();
    await snap(z1.page, testInfo, 'z1-approve');
    expect(await seriousViolations(z1.page)).toEqual([]);
    const certificatePath = await downloadFrom(z1, () => approveButton.click());
    expect(certificatePath).toMatch(/\.regie$/);
    await expect(z1.page.getByRole('status').filter({ hasText: 'is goedgekeurd' })).toContainText('Laptop "Laptop Zandvoort 2" is goedgekeurd.');

    // The new laptop reads the certificate in at Instellingen › Apparaten en sleutels.
    await z2.page.getByRole('button', { name: 'Naar Apparaten en sleutels' }).click();
    const z2Devices = devicesSection(z2);
    await expect(z2Devices.getByTestId('key-holder')).toContainText('nog geen certificaat');
    await chooseFile(z2, 'Certificaat inlezen…', certificatePath);
    await expect(z2.page.getByRole('status').filter({ hasText: 'Certificaat ingelezen' })).toContainText('Deze laptop hoort nu bij Zandvoort');
    await expect(z2Devices.getByTestId('key-holder')).toContainText('staat niet op deze laptop');
    const z1KeyFingerprint = (await devicesSection(z1).getByTestId('fingerprint').first().textContent())!;
    await expect(z2Devices.getByTestId('fingerprint').first()).toHaveText(z1KeyFingerprint);

    // The certificate file brought the gemeente's partners: laptop 2 trusts Heemstede without a call of its own.
    expect((await z2.call('partners.gemeenten', {})).find((g) => g.gemeente === 'GM0397')?.trusted).toBe(true);

    // Laptop 2 plans an event; Heemstede reads its file with no new fingerprint check.
    await z2.call('events.create', { name: 'Kustfestival', place: 'Strand Zandvoort', start: '2027-07-10T12:00', end: '2027-07-10T23:00', risk: 'B' });
    const fromZ2 = await z2.makeFile('GM0397');
    await h.page.reload();
    await importThroughUi(h, fromZ2, 'Zandvoort');
    expect((await h.call('events.list', {})).map((e) => e.name)).toEqual(['Kustfestival']);
    const zandvoortAtH = h.page.getByTestId('partner-GM0473');
    await expect(zandvoortAtH.getByRole('row', { name: /^Laptop Zandvoort 2\s/ })).toContainText('vertrouwd');
    await expect(zandvoortAtH.getByRole('row', { name: /Laptop Zandvoort(?! 2)/ })).toContainText('vertrouwd');
    await expect(zandvoortAtH).toContainText(z1KeyFingerprint);
    await snap(h.page, testInfo, 'h-partners-gemeenten');
    expect(await seriousViolations(h.page)).toEqual([]);

    // Laptop 1 reads a file of laptop 2's, then revokes it: stolen, cut-off = the last entry it saw.
    await z2.sendTo(z1, 'GM0473');
    await z1.page.reload();
    const row = devicesSection(z1).getByRole('row', { name: /^Laptop Zandvoort 2\s/ });
    await expect(row).toContainText('actief');
    const lastSeen = (await z1.call('devices.list', {})).find((d) => d.label === 'Laptop Zandvoort 2')!.lastSeq;
    expect(lastSeen).toBeGreaterThan(0);
    await row.getByRole('button', { name: /Intrekken/ }).click();
    const dialog = z1.page.getByRole('dialog', { name: 'Laptop "Laptop Zandvoort 2" intrekken' });
    await expect(dialog.getByLabel('Laatste wijziging die u nog accepteert (nummer)')).toHaveValue(String(lastSeen));
    await dialog.getByRole('radio', { name: 'gestolen' }).check();
    await expect(dialog.getByTestId('revoke-preview')).toContainText(`${lastSeen} wijzigingen van deze laptop blijven geldig.`);
    await expect(dialog.getByTestId('revoke-preview')).toContainText('Er wordt niets ongedaan gemaakt.');
    const revokeButton = dialog.getByRole('button', { name: 'Laptop intrekken' });
    await expect(revokeButton).toBeDisabled();
    await dialog.getByRole('checkbox', { name: /Ik wil deze laptop intrekken/ }).check();
    await snap(z1.page, testInfo, 'z1-revoke');
    expect(await seriousViolations(z1.page)).toEqual([]);
    await revokeButton.click();
    await expect(z1.page.getByRole('status').filter({ hasText: 'is ingetrokken' })).toBeVisible();
    await expect(devicesSection(z1).getByRole('row', { name: /^Laptop Zandvoort 2\s/ })).toContainText('ingetrokken: gestolen');

    // The stolen laptop plans on; Heemstede gets the revocation from laptop 1, then the thief's file.
    await z2.call('events.create', { name: 'Nepfeest', place: 'Boulevard Zandvoort', start: '2027-07-11T20:00', end: '2027-07-11T23:00', risk: 'A' });
    const fromZ1 = await z1.makeFile('GM0397');
    await importThroughUi(h, fromZ1, 'Zandvoort');
    await h.page.reload();
    await expect(h.page.getByTestId('partner-GM0473').getByRole('row', { name: /^Laptop Zandvoort 2\s/ })).toContainText('ingetrokken (gestolen)');
    const thief = await z2.makeFile('GM0397');
    const hashBefore = await h.hash();
    await chooseFile(h, 'Planbestand kiezen…', thief);
    const refused = h.page.getByTestId('import-refused');
    await expect(refused.getByTestId('refusal-reason')).toContainText('ingetrokken (gestolen)');
    await snap(h.page, testInfo, 'h-thief-refused');
    expect(await h.hash()).toBe(hashBefore);
    expect((await h.call('events.list', {})).map((e) => e.name)).toEqual(['Kustfestival']);

    // The same screens in English.
    await z1.page.getByRole('button', { name: 'English' }).click();
    await expect(z1.page.getByRole('heading', { level: 2, name: 'Devices and keys' })).toBeVisible();
    await expect(z1.page.getByRole('row', { name: /^Laptop Zandvoort 2\s/ })).toContainText('revoked: stolen');
    await snap(z1.page, testInfo, 'z1-devices-en');
    expect(await seriousViolations(z1.page)).toEqual([]);
  } finally {
    await z2.stop();
  }
});

test('the gemeente key: saved with a password (twice), read back only with the right one, and replaced after a confirmation', async ({ zandvoort: z }, testInfo) => {
  test.setTimeout(240_000);
  await z.setup('GM0473', 'Laptop Zandvoort');
  await z.open();
  await openDevices(z);
  const section = devicesSection(z);
  const fingerprintBefore = (await section.getByTestId('fingerprint').first().textContent())!;

  // Saving: too short, then two passwords that differ, each said at its field; then the file comes.
  const save = z.page.getByRole('form', { name: 'Gemeentesleutel exporteren' });
  const password = save.getByLabel('Wachtwoord', { exact: true });
  const repeat = save.getByLabel('Wachtwoord nog een keer');
  await password.fill('kort');
  await save.getByRole('button', { name: 'Sleutelbestand maken en opslaan' }).click();
  await expect(password).toHaveAccessibleDescription(/te kort/);
  await expect(password).toBeFocused();
  const good = 'vier woorden voor de kluis';
  await password.fill(good);
  await expect(save).toContainText('Sterkte: sterk');
  await repeat.fill('vier woorden voor de kist');
  await save.getByRole('button', { name: 'Sleutelbestand maken en opslaan' }).click();
  await expect(repeat).toHaveAccessibleDescription(/niet gelijk/);
  await repeat.fill(good);
  await snap(z.page, testInfo, 'key-export');
  expect(await seriousViolations(z.page)).toEqual([]);
  const keyFile = await downloadFrom(z, () => save.getByRole('button', { name: 'Sleutelbestand maken en opslaan' }).click());
  await expect(z.page.getByRole('status').filter({ hasText: 'Sleutelbestand' })).toContainText('is opgeslagen', { timeout: 30_000 });
  // The password is never shown back: the fields are empty again.
  await expect(password).toHaveValue('');
  await expect(repeat).toHaveValue('');

  // Reading it in with a wrong password: main says so; nothing changes.
  const load = z.page.getByRole('form', { name: 'Gemeentesleutel inlezen' });
  const choosing = z.page.waitForEvent('filechooser');
  await load.getByRole('button', { name: 'Sleutelbestand kiezen…' }).click();
  await (await choosing).setFiles(keyFile);
  await expect(load).toContainText('Gekozen: regie-gemeentesleutel');
  await load.getByLabel('Wachtwoord van het sleutelbestand').fill('niet het goede wachtwoord');
  await load.getByRole('button', { name: 'Sleutel inlezen' }).click();
  await expect(load.getByRole('alert')).toContainText('Het wachtwoord klopt niet', { timeout: 30_000 });
  await expect(load.getByLabel('Wachtwoord van het sleutelbestand')).toHaveValue('');
  await expect(section.getByTestId('fingerprint').first()).toHaveText(fingerprintBefore);
  await snap(z.page, testInfo, 'key-import-wrong');
  expect(await seriousViolations(z.page)).toEqual([]);

  // Replacing the key, by keyboard: the dialog says what partners will see; Escape cancels, Enter confirms.
  const rotate = section.getByRole('button', { name: 'Gemeentesleutel vervangen…' });
  await rotate.focus();
  await z.page.keyboard.press('Enter');
  const dialog = z.page.getByRole('dialog', { name: 'Gemeentesleutel vervangen?' });
  await expect(dialog).toContainText('Partners zien bij uw volgende planbestand dat de gemeentesleutel van Zandvoort is vervangen');
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await snap(z.page, testInfo, 'key-rotate');
  expect(await seriousViolations(z.page)).toEqual([]);
  await z.page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(rotate).toBeFocused();
  await expect(section.getByTestId('fingerprint').first()).toHaveText(fingerprintBefore);
  await z.page.keyboard.press('Enter');
  await z.page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Ja, sleutel vervangen' })).toBeFocused();
  await z.page.keyboard.press('Enter');
  await expect(z.page.getByRole('status').filter({ hasText: 'vervangen' })).toContainText('De gemeentesleutel is vervangen.');
  await expect(section.getByTestId('fingerprint').first()).not.toHaveText(fingerprintBefore);
  await expect(section).toContainText('Eerdere gemeentesleutels: 1.');

  // The file of the old key is refused now, even with its right password.
  const again = z.page.waitForEvent('filechooser');
  await load.getByRole('button', { name: 'Sleutelbestand kiezen…' }).click();
  await (await again).setFiles(keyFile);
  await load.getByLabel('Wachtwoord van het sleutelbestand').fill(good);
  await load.getByRole('button', { name: 'Sleutel inlezen' }).click();
  await expect(load.getByRole('alert')).toContainText('oude gemeentesleutel', { timeout: 30_000 });

  // In English.
  await z.page.getByRole('button', { name: 'English' }).click();
  const english = z.page.getByRole('region', { name: 'Devices and keys' });
  await expect(english.getByRole('heading', { name: 'Keep or move the gemeente key' })).toBeVisible();
  await english.getByRole('button', { name: 'Replace the gemeente key…' }).click();
  await expect(z.page.getByRole('dialog', { name: 'Replace the gemeente key?' })).toContainText('Every laptop that has not been revoked');
  await snap(z.page, testInfo, 'key-rotate-en');
  expect(await seriousViolations(z.page)).toEqual([]);
  await z.page.keyboard.press('Escape');
});
