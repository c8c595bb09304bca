// Vaststellen between two installations in Chromium: Zandvoort proposes the third quarter, Heemstede signs
// it, and a later withdrawal at Heemstede shows as a correction in the fourth quarter on both sides, while
// the signed third quarter stays as it was. Set-up and plan files go through each host's api; proposing,
// signing and reading the figures go through the screen. Also: Rapportage › Samenwerking with axe.
import { AxeBuilder } from '@axe-core/playwright';
import { convenantTerms } from '../../main/generate/demo';
import { expect, test, type Installation } from './exchange-hosts';
import { snap } from './fixtures';
import { regionWerkgebied } from '../../shared/domain/gemeenten';

test.describe.configure({ timeout: 300_000 });

async function send(from: Installation, to: Installation): Promise<void> {
  await from.sendTo(to, to.name === 'Zandvoort' ? 'GM0473' : 'GM0397');
}

async function trust(at: Installation, other: Installation): Promise<void> {
  const content = (await other.call('identity.card', {})).content;
  const info = await at.call('partners.inspectCard', { content });
  await at.call('partners.trust', { content, fingerprint: info.fingerprint });
}

const boa = (territory: string) => ({ domain: 'I' as const, akteValidUntil: '2029-01-01', territory: regionWerkgebied(territory), force: ['handboeien' as const], trafficAppointed: null });

/** Heemstede lends Sanne (Fri 27 Aug, 8 h, EUR 544.00) and René (Sat 28 Aug, 8.5 h weekend, EUR 982.60) in Q3, and Sanne for the night check of 30 October (EUR 1,040.40) in Q4. */
async function quarter(z: Installation, h: Installation): Promise<{ sanneFri: string }> {
  await z.setup('GM0473', 'Laptop coördinator');
  await h.setup('GM0397', 'Laptop Heemstede');
  await trust(z, h);
  await trust(h, z);
  const ag = await z.call('agreements.propose', convenantTerms(['GM0473', 'GM0397'], 2027));
  await send(z, h);
  await h.call('agreements.sign', { id: ag.id, contentHash: ag.contentHash });
  await send(h, z);
  const gp = await z.call('events.create', {
    name: 'Dutch Grand Prix',
    place: 'Circuit Zandvoort',
    start: '2027-08-27T10:00',
    end: '2027-08-30T00:30',
    risk: 'C',
    visitors: 105000,
    status: 'vergund',
  });
  const fri = await z.call('shifts.create', { eventId: gp.id, start: '2027-08-27T10:00', end: '2027-08-27T18:00', role: 'toezicht', needed: 1 });
  const sat = await z.call('shifts.create', { eventId: gp.id, start: '2027-08-28T16:00', end: '2027-08-29T00:30', role: 'toezicht', needed: 1 });
  const night = await z.call('events.create', { name: 'Nachtcontrole boulevard', place: 'Boulevard Barnaart', start: '2027-10-30T22:00', end: '2027-10-31T06:00', risk: 'B', status: 'vergund' });
  const nightShift = await z.call('shifts.create', { eventId: night.id, start: '2027-10-30T22:00', end: '2027-10-31T06:00', role: 'toezicht', needed: 1 });
  const reqFri = await z.call('requests.create', { shiftId: fri.id, provider: 'GM0397', agreementId: ag.id, count: 1 });
  const reqSat = await z.call('requests.create', { shiftId: sat.id, provider: 'GM0397', agreementId: ag.id, count: 1 });
  const reqNight = await z.call('requests.create', { shiftId: nightShift.id, provider: 'GM0397', agreementId: ag.id, count: 1 });
  await send(z, h);
  const sanne = await h.call('officers.create', { name: 'Sanne de Vries', qualifications: boa('GM0397'), contractHours: 36, phone: '', boaNumber: '', notes: '' });
  const rene = await h.call('officers.create', { name: 'René Jansen', qualifications: boa('GM0397'), contractHours: 36, phone: '', boaNumber: '', notes: '' });
  await h.call('requests.commit', { id: reqFri.id, officerIds: [sanne.id] });
  await h.call('requests.commit', { id: reqSat.id, officerIds: [rene.id] });
  await h.call('requests.commit', { id: reqNight.id, officerIds: [sanne.id] });
  await send(h, z);
  const lines = (await h.call('reports.settlement', { from: '2027-07-01', to: '2027-09-30', pair: ['GM0397', 'GM0473'] })).settlement.lines;
  return { sanneFri: lines.find((l) => l.officerName === 'Sanne de Vries')!.commitmentId };
}

async function openPair(at: Installation, quarterLabel: string): Promise<void> {
  const page = at.page;
  await at.openExchange();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportage', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportage' })).toBeVisible();
  await page.getByRole('radio', { name: 'Per kwartaal' }).check();
  await page.getByLabel('Jaar', { exact: true }).selectOption('2027');
  await page.getByLabel('Kwartaal', { exact: true }).selectOption({ label: quarterLabel });
  await page.getByLabel('Gemeentepaar').selectOption({ label: 'Heemstede – Zandvoort' });
  await expect(page.getByRole('heading', { level: 2, name: 'Vaststellen: Heemstede – Zandvoort' })).toBeVisible();
}

test('Zandvoort proposes Q3, Heemstede signs; a later withdrawal at Heemstede is a correction in Q4 on both sides', async ({ zandvoort: z, heemstede: h }, testInfo) => {
  const { sanneFri } = await quarter(z, h);

  // Zandvoort proposes the third quarter on the screen.
  await openPair(z, '3e kwartaal');
  const zv = z.page.getByRole('region', { name: 'Vaststellen: Heemstede – Zandvoort' });
  await expect(zv).toContainText('Deze periode is nog niet vastgesteld');
  await expect(zv).toContainText('VV-2027-K3-0397-0473');
  await zv.getByRole('button', { name: 'Verrekening voorstellen' }).click();
  await expect(z.page.getByRole('status').filter({ hasText: 'is voorgesteld' })).toContainText('Verrekening VV-2027-K3-0397-0473 is voorgesteld');
  await expect(zv.getByRole('article', { name: 'Voorstel van Zandvoort (VV-2027-K3-0397-0473)' })).toContainText('Heemstede heeft nog niet ondertekend');
  await send(z, h);

  // Heemstede signs it: the quarter is vastgesteld, with both fingerprints.
  await openPair(h, '3e kwartaal');
  const hv = h.page.getByRole('region', { name: 'Vaststellen: Heemstede – Zandvoort' });
  const proposal = hv.getByRole('article', { name: 'Voorstel van Zandvoort (VV-2027-K3-0397-0473)' });
  await proposal.getByRole('button', { name: 'Ondertekenen' }).click();
  await expect(h.page.getByRole('status').filter({ hasText: 'vastgesteld' })).toContainText('de periode is vastgesteld');
  await expect(hv).toContainText('Deze periode is vastgesteld (VV-2027-K3-0397-0473)');
  await expect(hv.getByRole('listitem').filter({ hasText: 'Ondertekend door Heemstede' })).toContainText(/vingerafdruk \d{5} \d{5}/);
  await expect(hv.getByRole('listitem').filter({ hasText: 'Ondertekend door Zandvoort' })).toContainText(/vingerafdruk \d{5} \d{5}/);
  await expect(hv).toContainText('€ 1.526,60');
  await snap(h.page, testInfo, 'vaststellen-q3-heemstede');
  await send(h, z);

  // Later, Heemstede withdraws Sanne's Friday commitment; Zandvoort receives it.
  await h.call('commitments.withdraw', { id: sanneFri });
  await send(h, z);

  for (const at of [h, z]) {
    await openPair(at, '3e kwartaal');
    const q3 = at.page.getByRole('region', { name: 'Vaststellen: Heemstede – Zandvoort' });
    // The signed quarter stays as signed.
    await expect(q3).toContainText('Deze periode is vastgesteld (VV-2027-K3-0397-0473)');
    await expect(q3).toContainText('2 diensten, 16,50 uur');
    await expect(q3).toContainText('€ 1.526,60');
    await at.page.getByLabel('Kwartaal', { exact: true }).selectOption({ label: '4e kwartaal' });
    const q4 = at.page.getByRole('region', { name: 'Vaststellen: Heemstede – Zandvoort' });
    const corrections = q4.getByRole('table', { name: 'Correcties op vastgestelde perioden' });
    const row = corrections.getByRole('row', { name: /Sanne de Vries/ });
    await expect(row).toContainText('VV-2027-K3-0397-0473');
    await expect(row).toContainText('Credit');
    await expect(row).toContainText('Toezegging ingetrokken');
    await expect(row).toContainText('Heemstede');
    await expect(row).toContainText(/€\s-544,00/);
    // The night check of 30 October minus the credit.
    await expect(q4).toContainText('€ 496,40 door Zandvoort aan Heemstede');
    await snap(at.page, testInfo, `vaststellen-q4-${at.name.toLowerCase()}`);
    const axe = await new AxeBuilder({ page: at.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations).toEqual([]);
  }
});

test('a proposal that no longer matches the plan cannot be signed; the screen says why and offers a fresh one', async ({ zandvoort: z, heemstede: h }) => {
  const { sanneFri } = await quarter(z, h);
  await z.call('settle.propose', { pair: ['GM0473', 'GM0397'], from: '2027-07-01', to: '2027-09-30' });
  await h.call('commitments.withdraw', { id: sanneFri });
  await send(z, h);
  await openPair(h, '3e kwartaal');
  const hv = h.page.getByRole('region', { name: 'Vaststellen: Heemstede – Zandvoort' });
  const proposal = hv.getByRole('article', { name: 'Voorstel van Zandvoort (VV-2027-K3-0397-0473)' });
  await expect(proposal).toContainText('klopt niet meer met de planning');
  await proposal.getByRole('button', { name: 'Ondertekenen' }).click();
  await expect(hv.getByRole('alert')).toContainText('komt niet overeen met uw eigen berekening');
  await hv.getByRole('button', { name: 'Nieuw voorstel maken met de actuele cijfers' }).click();
  await expect(hv.getByRole('article', { name: 'Voorstel van Heemstede (VV-2027-K3-0397-0473)' })).toContainText('Zandvoort heeft nog niet ondertekend');
});

test('Rapportage › Samenwerking: figures for the region and per gemeente, each chart with its table', async ({ zandvoort: z, heemstede: h }, testInfo) => {
  await quarter(z, h);
  const page = z.page;
  await z.openExchange();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportage', exact: true }).click();
  await page.getByRole('button', { name: 'Samenwerking' }).click();
  await page.getByRole('radio', { name: 'Per jaar' }).check();
  await page.getByLabel('Jaar', { exact: true }).selectOption('2027');
  const section = page.getByRole('region', { name: 'Samenwerking' });
  await expect(section).toContainText('Uren geleend: 25,50; kosten onder tarief: € 2.567,00.');
  const give = section.getByRole('table', { name: 'Geven en nemen per gemeente' });
  await expect(give.getByRole('row', { name: /Heemstede/ })).toContainText(/25,50\s*0,00\s*25,50/);
  await expect(give.getByRole('row', { name: /Zandvoort/ })).toContainText(/0,00\s*25,50\s*-25,50/);
  await expect(section.getByRole('table', { name: 'Verzoeken en reactietijd' }).getByRole('row', { name: /Totaal/ })).toContainText(/3\s*3\s*0/);
  await expect(section.getByRole('table', { name: 'Kosten per risicoklasse' }).getByRole('row', { name: /^C/ })).toContainText('€ 1.526,60');
  await expect(section.getByRole('figure')).toHaveCount(4);
  await page.getByLabel('Voor').selectOption({ label: 'Heemstede' });
  await expect(section.getByRole('table', { name: 'Geven en nemen per gemeente' }).getByRole('row', { name: /Heemstede/ })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Verantwoording aan de raad (PDF)' }).click();
  expect((await downloading).suggestedFilename()).toBe('samenwerking-heemstede-2027-01-01-2027-12-31.pdf');
  await snap(page, testInfo, 'samenwerking');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations).toEqual([]);
});
