// Two gemeenten exchange plan files through the Uitwisselen screen: partners by identity card and phone
// comparison, an agreement, a request for two officers, the commitment back, and the settlement lines. And
// files that must be refused: tampered, or from a device not trusted yet. Real hosts, files and Chromium.
import { regionWerkgebied } from '../../shared/domain/gemeenten';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { convenantTerms } from '../../main/generate/demo';
import { snap } from './fixtures';
import { expect, exportThroughUi, importThroughUi, previewThroughUi, saveOwnCard, test, trustCardThroughUi, type Installation } from './exchange-hosts';

test.describe.configure({ timeout: 120_000 });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Both installations set up, each on its Uitwisselen screen, and trusting each other through the UI. */
async function partnersThroughUi(z: Installation, h: Installation): Promise<void> {
  await z.setup('GM0473', 'Laptop Zandvoort');
  await h.setup('GM0397', 'Laptop Heemstede');
  await z.openExchange();
  await h.openExchange();
  await trustCardThroughUi(h, await saveOwnCard(z), 'Zandvoort');
  await trustCardThroughUi(z, await saveOwnCard(h), 'Heemstede');
}

/** A file from one to the other, made and read through the screens. */
async function send(from: Installation, to: Installation): Promise<void> {
  const file = await exportThroughUi(from, to.name);
  await importThroughUi(to, file, from.name);
}

test('Zandvoort asks Heemstede for two officers and sees them staffed, all through plan files on the Uitwisselen screen', async ({ zandvoort: z, heemstede: h }, testInfo) => {
  await partnersThroughUi(z, h);
  const partners = h.page.getByRole('region', { name: 'Partners' });
  await expect(partners.getByRole('row', { name: /Zandvoort/ })).toContainText('vertrouwd');
  await snap(h.page, testInfo, 'heemstede-partners');

  // The convenant: Zandvoort proposes (and signs), Heemstede reads it from the file and signs, and back.
  const agreement = await z.call('agreements.propose', convenantTerms(['GM0473', 'GM0397'], 2027));
  await z.page.reload();
  await send(z, h);
  const atHeemstede = await h.call('agreements.get', { id: agreement.id });
  await h.call('agreements.sign', { id: agreement.id, contentHash: atHeemstede.contentHash });
  await h.page.reload();
  await send(h, z);
  expect((await z.call('agreements.get', { id: agreement.id })).signedByAll).toBe(true);

  // The Grand Prix, one shift, and a request for two officers from Heemstede.
  const event = await z.call('events.create', {
    name: 'Dutch Grand Prix',
    place: 'Circuit Zandvoort',
    start: '2027-08-27T08:00',
    end: '2027-08-29T20:00',
    risk: 'C',
    visitors: 105000,
    status: 'vergund',
  });
  const shift = await z.call('shifts.create', { eventId: event.id, start: '2027-08-27T10:00', end: '2027-08-27T18:00', role: 'toezicht', needed: 2, inPairs: true });
  const request = await z.call('requests.create', { shiftId: shift.id, provider: 'GM0397', agreementId: agreement.id, count: 2 });
  await z.page.reload();
  const exportSection = z.page.getByRole('region', { name: 'Bestand maken voor partners' });
  await expect(exportSection.getByTestId('export-what')).toContainText('Zandvoort');
  await expect(exportSection.getByTestId('export-what')).toContainText('verzoeken (1)');
  await snap(z.page, testInfo, 'zandvoort-export');
  const toHeemstede = await exportThroughUi(z, 'Heemstede');

  // Heemstede previews: the new event, shift and request, in words; nothing changed before "Inlezen".
  const hashBefore = await h.hash();
  const preview = await previewThroughUi(h, toHeemstede);
  await expect(preview).toContainText('Van Zandvoort (Laptop Zandvoort)');
  // What concerns Heemstede first, in words; then Zandvoort's changes under the event, as many as counted.
  await expect(preview.getByRole('region', { name: 'Let op' })).toContainText('Zandvoort vraagt u om 2 handhavers voor Dutch Grand Prix vr 27 aug 10:00–18:00.');
  const story = preview.getByTestId('preview-story');
  await expect(story.locator('summary')).toHaveText(['Zandvoort · 3 wijzigingen']);
  await expect(story.getByRole('heading', { name: /^Dutch Grand Prix \(vr 27 aug 08:00 - zo 29 aug 20:00\)$/ })).toBeVisible();
  await expect(story.getByRole('listitem')).toHaveText([
    'Nieuw evenement, vr 27 aug 08:00 - zo 29 aug 20:00.',
    'Nieuwe dienst vr 27 aug 10:00–18:00: 2 handhavers nodig.',
    'Zandvoort vraagt u om 2 handhavers voor de dienst van vr 27 aug 10:00–18:00.',
  ]);
  await expect(preview).not.toContainText('velden');
  await snap(h.page, testInfo, 'heemstede-preview');
  expect(await seriousViolations(h.page)).toEqual([]);
  expect(await h.hash()).toBe(hashBefore);
  await h.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await expect(h.page.getByRole('status').filter({ hasText: 'ingelezen' })).toContainText('Bestand van Zandvoort ingelezen');

  // The request is in Heemstede's inbox; Heemstede commits two of its officers.
  const inbox = await h.call('requests.list', { direction: 'in' });
  expect(inbox.map((r) => r.id)).toEqual([request.id]);
  const qualifications = { domain: 'I' as const, akteValidUntil: '2029-01-01', territory: regionWerkgebied('GM0397'), force: ['handboeien' as const], trafficAppointed: null };
  const sanne = await h.call('officers.create', { name: 'Sanne de Vries', qualifications, contractHours: 36 });
  const daan = await h.call('officers.create', { name: 'Daan Jansen', qualifications, contractHours: 36 });
  await h.call('requests.commit', { id: request.id, officerIds: [sanne.id, daan.id] });
  await h.page.reload();

  // Heemstede's file goes back, encrypted to Zandvoort; Zandvoort drops it on the window this time.
  const toZandvoort = await exportThroughUi(h, 'Zandvoort', { encrypt: true });
  expect(readFileSync(toZandvoort).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
  await dropFile(z.page, toZandvoort);
  const back = z.page.getByTestId('import-preview');
  await expect(back).toContainText('Van Heemstede (Laptop Heemstede)');
  await expect(back.getByRole('region', { name: 'Let op' })).toContainText('Heemstede: Daan Jansen en Sanne de Vries komen op Dutch Grand Prix vr 27 aug 10:00–18:00.');
  await z.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await expect(z.page.getByRole('status').filter({ hasText: 'ingelezen' })).toContainText('Bestand van Heemstede ingelezen');

  // The shift is staffed with Heemstede's officers, and the settlement has the lines.
  const out = await z.call('requests.list', { direction: 'out' });
  expect(out.find((r) => r.id === request.id)).toMatchObject({ status: 'committed', committed: 2 });
  const seen = await z.call('officers.list', { employer: 'GM0397' });
  expect(seen.map((o) => o.name).sort()).toEqual(['Daan Jansen', 'Sanne de Vries']);
  const statement = await z.call('settlement.get', { from: '2027-08-01', to: '2027-08-31' });
  const pair = statement.pairs.find((p) => p.provider === 'GM0397' && p.host === 'GM0473');
  expect(pair?.hours).toBeCloseTo(16, 5);
  expect(pair?.amountCents).toBeGreaterThan(0);
  expect(JSON.stringify(statement)).toContain(shift.id);
  expect(await z.hash()).toBe(await h.hash());

  // Both now see each other's last files in the partner list.
  const row = z.page.getByRole('region', { name: 'Partners' }).getByRole('row', { name: /Heemstede/ });
  await expect(row).not.toContainText('nog nooit');
  await snap(z.page, testInfo, 'zandvoort-after-import');
  expect(await seriousViolations(z.page)).toEqual([]);

  // Zandvoort cancels the shift: Heemstede's commitments lapse, a conflict only Heemstede can resolve.
  await z.call('shifts.cancel', { id: shift.id });
  await z.page.reload();
  const zConflicts = z.page.getByRole('region', { name: 'Conflicten' });
  await expect(zConflicts).toContainText('Dienst geannuleerd door Zandvoort');
  await expect(zConflicts).toContainText('Alleen Heemstede kan dit oplossen');
  await expect(zConflicts.getByRole('button')).toHaveCount(0);
  const cancelled = await exportThroughUi(z, 'Heemstede');
  const withConflict = await previewThroughUi(h, cancelled);
  await expect(withConflict.getByRole('region', { name: 'Let op' })).toContainText('Zandvoort annuleerde de dienst vr 27 aug 10:00–18:00 van Dutch Grand Prix, waarop u 2 handhavers had toegezegd.');
  await snap(h.page, testInfo, 'heemstede-preview-cancelled');
  await h.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  const hConflicts = h.page.getByRole('region', { name: 'Conflicten' });
  await expect(hConflicts).toContainText('Op te lossen door Heemstede. U kunt dit oplossen.');
  await snap(h.page, testInfo, 'heemstede-conflict');
  expect(await seriousViolations(h.page)).toEqual([]);
  await hConflicts.getByRole('button', { name: 'Toezeggingen intrekken' }).click();
  await expect(h.page.getByRole('status').filter({ hasText: 'Conflict opgelost' })).toBeVisible();
  await expect(hConflicts).toContainText('Er zijn geen openstaande conflicten.');
  // The resolution is a signed change of Heemstede's that travels back like any other.
  await h.page.reload();
  await send(h, z);
  await z.page.reload();
  await expect(z.page.getByRole('region', { name: 'Conflicten' })).toContainText('Er zijn geen openstaande conflicten.');
  expect(await z.hash()).toBe(await h.hash());
});

test('a tampered plan file is refused with its reason, and nothing changes', async ({ zandvoort: z, heemstede: h }, testInfo) => {
  await partnersThroughUi(z, h);
  await z.call('events.create', { name: 'Kustfestival', place: 'Strand Zandvoort', start: '2027-07-10T12:00', end: '2027-07-10T23:00', risk: 'B' });
  await z.page.reload();
  const good = await exportThroughUi(z, 'Heemstede');
  const bytes = readFileSync(good);
  const flipped = Buffer.from(bytes);
  const at = Math.floor(flipped.length / 2);
  flipped[at] = flipped[at]! ^ 0x01;
  const tampered = join(z.files, 'regie-Zandvoort-aan-Heemstede-onderweg-gewijzigd.regie');
  writeFileSync(tampered, flipped);

  const hashBefore = await h.hash();
  const choosing = h.page.waitForEvent('filechooser');
  await h.page.getByRole('button', { name: 'Planbestand kiezen…' }).click();
  await (await choosing).setFiles(tampered);
  const refused = h.page.getByTestId('import-refused');
  await expect(refused).toBeVisible({ timeout: 15_000 });
  await expect(refused.getByRole('heading', { name: 'Dit bestand is niet ingelezen' })).toBeFocused();
  await expect(refused.getByTestId('refusal-reason')).toContainText(/beschadigd|gewijzigd/);
  await expect(refused.getByTestId('refusal-reason')).toContainText('Er is niets gewijzigd.');
  await expect(h.page.getByRole('button', { name: 'Inlezen', exact: true })).toHaveCount(0);
  await snap(h.page, testInfo, 'heemstede-tampered-refused');
  expect(await seriousViolations(h.page)).toEqual([]);
  expect(await h.hash()).toBe(hashBefore);
  expect(await h.call('events.list', {})).toEqual([]);

  // The untouched file still goes in.
  await importThroughUi(h, good, 'Zandvoort');
  expect((await h.call('events.list', {})).map((e) => e.name)).toEqual(['Kustfestival']);
});

test('a file from a device not trusted yet is refused until the fingerprint is compared; a mismatch trusts nothing', async ({ zandvoort: z, heemstede: h }, testInfo) => {
  await z.setup('GM0473', 'Laptop Zandvoort');
  await h.setup('GM0397', 'Laptop Heemstede');
  // Zandvoort trusts Heemstede; Heemstede has not compared Zandvoort's fingerprint yet.
  const card = (await h.call('identity.card', {})).content;
  await z.call('partners.trust', { content: card, fingerprint: (await z.call('partners.inspectCard', { content: card })).fingerprint });
  await z.call('events.create', { name: 'Circuitdag', place: 'Circuit Zandvoort', start: '2027-05-01T09:00', end: '2027-05-01T17:00', risk: 'A' });
  await z.openExchange();
  await h.openExchange();
  const file = await exportThroughUi(z, 'Heemstede');

  const hashBefore = await h.hash();
  const choosing = h.page.waitForEvent('filechooser');
  await h.page.getByRole('button', { name: 'Planbestand kiezen…' }).click();
  await (await choosing).setFiles(file);
  const refused = h.page.getByTestId('import-refused');
  await expect(refused.getByTestId('refusal-reason')).toContainText('apparaat dat u nog niet vertrouwt');
  expect(await h.hash()).toBe(hashBefore);

  // A group that differs on the phone: the card is not trusted.
  const cardPath = await saveOwnCard(z);
  const picking = h.page.waitForEvent('filechooser');
  await h.page.getByRole('button', { name: 'Kaart van partner inlezen…' }).click();
  await (await picking).setFiles(cardPath);
  const compare = h.page.getByRole('region', { name: 'Vingerafdruk vergelijken' });
  await compare.getByRole('group').nth(0).getByRole('radio', { name: 'Klopt', exact: true }).check();
  await compare.getByRole('group').nth(1).getByRole('radio', { name: 'Klopt niet' }).check();
  await expect(compare.getByRole('alert')).toContainText('komt niet overeen');
  await expect(compare.getByRole('button', { name: 'Apparaat vertrouwen' })).toHaveCount(0);
  await snap(h.page, testInfo, 'heemstede-fingerprint-mismatch');
  expect(await seriousViolations(h.page)).toEqual([]);
  await compare.getByRole('button', { name: 'Stoppen zonder te vertrouwen' }).click();
  await expect(h.page.getByRole('status').filter({ hasText: 'Niet vertrouwd' })).toBeVisible();
  expect((await h.call('partners.list', {})).filter((d) => !d.self)).toEqual([]);

  // Compared properly, the same file goes in.
  await trustCardThroughUi(h, cardPath, 'Zandvoort');
  await importThroughUi(h, file, 'Zandvoort');
  expect((await h.call('events.list', {})).map((e) => e.name)).toEqual(['Circuitdag']);
});

/** Drops a file from disk on the window, as dragging it from the file manager does. */
async function dropFile(page: Page, path: string): Promise<void> {
  const name = path.split('/').pop()!;
  const base64 = readFileSync(path).toString('base64');
  const transfer = await page.evaluateHandle(
    ({ name: fileName, base64: data }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], fileName, { type: 'application/octet-stream' }));
      return dt;
    },
    { name, base64 },
  );
  // Dropped on the page's main area rather than on the drop zone: the whole window takes plan files.
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}
