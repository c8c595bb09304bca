// The import preview read as a coordinator reads it: Heemstede swaps the officer it lent to Zandvoort's
// Strandfestival; Zandvoort sees who no longer comes and who comes, first, in words, and after "Inlezen"
// finds it in Meldingen, in Dutch and in English. Two real hosts, real plan files, Chromium.
import { AxeBuilder } from '@axe-core/playwright';
import { convenantTerms } from '../../main/generate/demo';
import { regionWerkgebied } from '../../shared/domain/gemeenten';
import { snap } from './fixtures';
import { expect, previewThroughUi, test, type Installation } from './exchange-hosts';

test.describe.configure({ timeout: 120_000 });

async function trust(a: Installation, b: Installation): Promise<void> {
  const content = (await b.call('identity.card', {})).content;
  const info = await a.call('partners.inspectCard', { content });
  await a.call('partners.trust', { content, fingerprint: info.fingerprint });
}

const boa = { domain: 'I' as const, akteValidUntil: '2029-01-01', territory: regionWerkgebied('GM0397'), force: ['handboeien' as const], trafficAppointed: null };

test('a swapped officer is told in words before importing, and stays in Meldingen afterwards', async ({ zandvoort: z, heemstede: h }, testInfo) => {
  await z.setup('GM0473', 'Laptop Zandvoort');
  await h.setup('GM0397', 'Laptop Heemstede');
  await trust(z, h);
  await trust(h, z);
  const agreement = await z.call('agreements.propose', convenantTerms(['GM0473', 'GM0397'], 2027));
  await h.importPath(await z.makeFile('GM0397'));
  await h.call('agreements.sign', { id: agreement.id, contentHash: (await h.call('agreements.get', { id: agreement.id })).contentHash });
  await z.importPath(await h.makeFile('GM0473'));

  const event = await z.call('events.create', { name: 'Strandfestival', place: 'Strand Zandvoort', start: '2027-07-10T18:00', end: '2027-07-11T03:00', risk: 'B', status: 'vergund' });
  const shift = await z.call('shifts.create', { eventId: event.id, start: '2027-07-10T20:00', end: '2027-07-11T02:00', role: 'toezicht', needed: 2, inPairs: false });
  const request = await z.call('requests.create', { shiftId: shift.id, provider: 'GM0397', agreementId: agreement.id, count: 2 });
  await h.importPath(await z.makeFile('GM0397'));
  const mehmet = await h.call('officers.create', { name: 'Mehmet Kaya', qualifications: boa, contractHours: 36 });
  const sanne = await h.call('officers.create', { name: 'Sanne de Wit', qualifications: boa, contractHours: 36 });
  const first = await h.call('requests.commit', { id: request.id, officerIds: [mehmet.id] });
  await z.importPath(await h.makeFile('GM0473'));
  await h.call('commitments.withdraw', { id: first.committed[0]! });
  await h.call('requests.commit', { id: request.id, officerIds: [sanne.id] });
  const swap = await h.makeFile('GM0473');

  await z.openExchange();
  const preview = await previewThroughUi(z, swap);
  const attention = preview.getByRole('region', { name: 'Let op' });
  await expect(attention).toHaveText(/Heemstede: Mehmet Kaya komt niet meer op Strandfestival za 10 jul 20:00–02:00; Sanne de Wit komt\./);
  const story = preview.getByTestId('preview-story');
  await expect(story.locator('summary')).toHaveText(['Heemstede · 1 wijziging']);
  await expect(story.getByRole('listitem')).toHaveText(['Mehmet Kaya komt niet meer op de dienst van za 10 jul 20:00–02:00; Sanne de Wit komt.']);
  await expect(preview).not.toContainText('withdrawn');
  await snap(z.page, testInfo, 'zandvoort-preview-swap');
  const axe = await new AxeBuilder({ page: z.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await z.page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await expect(z.page.getByRole('status').filter({ hasText: 'ingelezen' })).toContainText('Bestand van Heemstede ingelezen');

  // The same file again: nothing to do, said calmly (no red refusal, no "ask for a new file").
  const choosing = z.page.waitForEvent('filechooser');
  await z.page.getByRole('button', { name: 'Planbestand kiezen…' }).click();
  await (await choosing).setFiles(swap);
  const again = z.page.getByTestId('import-already');
  await expect(again.getByRole('heading', { name: 'Al ingelezen: er hoeft niets te gebeuren' })).toBeFocused();
  await expect(again).toContainText(/Dit planbestand van Heemstede \(Laptop Heemstede\) is al ingelezen op (ma|di|wo|do|vr|za|zo) \d+ \w+ \d{4} \d\d:\d\d\. Er hoeft niets te gebeuren/);
  await expect(again).not.toContainText('nieuw bestand');
  await expect(z.page.getByRole('alert')).toHaveCount(0);
  await snap(z.page, testInfo, 'zandvoort-same-file-again');

  await z.page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: /Meldingen/ })
    .click();
  const notices = z.page.getByRole('region', { name: 'Uit ingelezen bestanden' });
  await expect(notices).toContainText('Heemstede: Mehmet Kaya komt niet meer op Strandfestival za 10 jul 20:00–02:00; Sanne de Wit komt.');
  await expect(notices.getByRole('heading', { level: 3 })).toHaveText([/^Van Heemstede, ingelezen (ma|di|wo|do|vr|za|zo) \d+ \w+ \d{4} \d\d:\d\d$/, /^Van Heemstede/, /^Van Heemstede/]);
  await snap(z.page, testInfo, 'zandvoort-meldingen');

  // In English the same notice comes in English: main sends codes and values, the screen words them.
  await z.page.getByRole('button', { name: 'English' }).click();
  const english = z.page.getByRole('region', { name: 'From imported files' });
  await expect(english).toContainText('Heemstede: Mehmet Kaya is no longer coming to Strandfestival Sat 10 Jul 20:00–02:00; Sanne de Wit is coming.');
  await snap(z.page, testInfo, 'zandvoort-meldingen-en');
});
