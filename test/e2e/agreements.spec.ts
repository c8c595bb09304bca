// Afspraken through the host with a real partner installation: Heemstede proposes a convenant in the form,
// Zandvoort reads and signs it from a real plan file, and it is in force; Heemstede signs Zandvoort's
// proposal after reading it, and terminates it from a date after confirming.
import { expect, snap, test } from './fixtures';
import { hostCall, hostSends, openAt, Partner, partnerSends, seriousViolations, trustEachOther, HEEMSTEDE, ZANDVOORT } from './requests-partner';

test.describe.configure({ timeout: 60_000 });

async function zandvoort(regie: Parameters<typeof trustEachOther>[0]): Promise<Partner> {
  const z = new Partner(ZANDVOORT);
  await z.call('setup.init', { gemeente: ZANDVOORT, deviceLabel: 'Laptop Zandvoort' });
  await trustEachOther(regie, z);
  return z;
}

test('proposes an agreement; once the partner signed the same version it is in force', async ({ page, regie }, testInfo) => {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  const z = await zandvoort(regie);
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Afspraken' }).click();
  await page.getByRole('link', { name: 'Nieuwe afspraak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe afspraak voorstellen' })).toBeVisible();

  // Without a partner it is refused at the field.
  await page.getByRole('button', { name: 'Voorstellen en ondertekenen' }).click();
  await expect(page.getByRole('alert')).toContainText('De afspraak is niet voorgesteld.');
  await expect(page.getByText('Kies ten minste één andere gemeente als partij.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Titel').fill('Convenant handhaving evenementen 2027');
  // Kennemerland first: Zandvoort is one of the first choices.
  await page.getByRole('checkbox', { name: 'Zandvoort' }).check();
  await page.getByLabel('Begindatum').fill('2027-01-01');
  await page.getByLabel('Einddatum').fill('2027-12-31');
  await page.getByLabel('Tarief per uur in euro (Zandvoort)').fill('70,50');
  await page.getByRole('group', { name: 'Als Heemstede handhavers uitleent' }).getByRole('radio', { name: 'Gesloten beurs' }).check();
  await page.getByLabel('Maximum uren per leverancier per maand').fill('100');
  await snap(page, testInfo, 'agreements-propose');
  await page.getByRole('button', { name: 'Voorstellen en ondertekenen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Convenant handhaving evenementen 2027' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'is voorgesteld en namens uw gemeente ondertekend' })).toBeVisible();
  await expect(page.getByText('Voorgesteld', { exact: true })).toBeVisible();
  await expect(page.getByText('Heemstede: getekend')).toBeVisible();
  await expect(page.getByText('Zandvoort: nog niet getekend')).toBeVisible();
  const text = page.getByRole('article', { name: 'Convenant handhaving evenementen 2027' });
  await expect(text).toContainText('Zandvoort: € 70,50 per uur, met toeslagen van 20% in de avond');
  await expect(text).toContainText('Heemstede: gesloten beurs');
  await expect(text).toContainText('hoogstens 100 uur per kalendermaand');

  // Zandvoort reads the version that arrived in the plan file and signs it; its signature comes back.
  await hostSends(regie, z);
  const atZ = (await z.call('agreements.list', {}))[0]!;
  await z.call('agreements.sign', { id: atZ.id, contentHash: atZ.contentHash });
  await partnerSends(z, regie);
  await page.reload();
  await expect(page.getByText('Van kracht', { exact: true })).toBeVisible();
  await expect(page.getByText('Zandvoort: getekend')).toBeVisible();
  await snap(page, testInfo, 'agreements-in-force');
  expect(await seriousViolations(page)).toEqual([]);
  z.close();
});

/** Heemstede set up; Zandvoort proposes the 2027 convenant and sends it in a plan file. */
async function zandvoortProposes(regie: Parameters<typeof zandvoort>[0]) {
  const url = await regie.start();
  await regie.setup(HEEMSTEDE, 'Laptop Heemstede');
  const z = await zandvoort(regie);
  const tariff = { model: 'tariff' as const, hourlyCents: 6800, surcharges: { evening: 20, night: 40, weekend: 70, holiday: 100 } };
  const proposal = await z.call('agreements.propose', {
    title: 'Convenant Zuid-Kennemerland 2027',
    parties: [HEEMSTEDE, ZANDVOORT],
    start: '2027-01-01',
    end: '2027-12-31',
    providers: { [HEEMSTEDE]: tariff, [ZANDVOORT]: tariff },
    capHoursPerMonth: 120,
    mandate: { maxOfficers: 4, maxHours: null, escalateTo: 'teamleider handhaving' },
  });
  await partnerSends(z, regie);
  return { url, z, proposal };
}

test('signs the version read, shows use against the cap, and terminates from a date after confirming', async ({ page, regie }, testInfo) => {
  const { url, z, proposal } = await zandvoortProposes(regie);
  await openAt(page, url, '/afspraken');
  const row = page.getByRole('row', { name: /Convenant Zuid-Kennemerland 2027/ });
  await expect(row).toContainText('Voorgesteld');
  await expect(row).toContainText('Heemstede: nog niet getekend');
  await expect(row).toContainText('Nog geen uren gebruikt.');
  await row.getByRole('link', { name: 'Convenant Zuid-Kennemerland 2027' }).click();

  const sign = page.getByRole('button', { name: 'Ondertekenen namens Heemstede' });
  await expect(sign).toBeDisabled();
  await page.getByRole('checkbox', { name: /Ik heb de tekst van versie .* gelezen/ }).check();
  await snap(page, testInfo, 'agreements-sign');
  expect(await seriousViolations(page)).toEqual([]);
  await sign.click();
  await expect(page.getByRole('status').filter({ hasText: 'U heeft "Convenant Zuid-Kennemerland 2027" ondertekend.' })).toBeVisible();
  await expect(page.getByText('Van kracht', { exact: true })).toBeVisible();
  const signed = await hostCall(regie, 'agreements.get', { id: proposal.id });
  expect(signed.signatures.find((s) => s.gemeente === HEEMSTEDE)?.contentHash).toBe(proposal.contentHash);

  await page.getByLabel('Opzeggen per').fill('2027-10-01');
  await page.getByRole('button', { name: 'Afspraak opzeggen' }).click();
  const confirm = page.getByRole('dialog', { name: '"Convenant Zuid-Kennemerland 2027" opzeggen?' });
  await expect(confirm).toContainText('Vanaf vr 1 okt 2027 geldt deze afspraak niet meer voor uw gemeente.');
  await confirm.getByRole('button', { name: 'Afspraak opzeggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De afspraak is opgezegd per vr 1 okt 2027.' })).toBeVisible();
  await expect(page.getByText('opgezegd per vr 1 okt 2027', { exact: true })).toBeVisible();
  expect((await hostCall(regie, 'agreements.get', { id: proposal.id })).terminatedFrom).toBe('2027-10-01');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Text of the agreement' })).toBeVisible();
  await expect(page.getByText('In force', { exact: true })).toBeVisible();
  z.close();
});

test('answers a partner’s proposal with a counter-proposal: its terms prefilled, changed, signed and sent back', async ({ page, regie }, testInfo) => {
  const { url, z, proposal } = await zandvoortProposes(regie);
  await openAt(page, url, `/afspraken/${proposal.id}`);
  await page.getByRole('link', { name: 'Tegenvoorstel doen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tegenvoorstel doen' })).toBeVisible();
  await expect(page.getByText('Tegenvoorstel op "Convenant Zuid-Kennemerland 2027" van Zandvoort')).toBeVisible();
  await expect(page.getByLabel('Titel')).toHaveValue('Convenant Zuid-Kennemerland 2027');
  await expect(page.getByLabel('Begindatum')).toHaveValue('2027-01-01');
  await expect(page.getByLabel('Maximum uren per leverancier per maand')).toHaveValue('120');
  await page.getByLabel('Maximum uren per leverancier per maand').fill('80');
  expect(await seriousViolations(page)).toEqual([]);
  await snap(page, testInfo, 'agreements-counter');
  await page.getByRole('button', { name: 'Voorstellen en ondertekenen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Uw tegenvoorstel' })).toContainText('Stuur het met uw volgende planbestand naar Zandvoort.');

  // Zandvoort receives it, signed by Heemstede, with the changed cap; its own proposal stays unsigned by Heemstede.
  await hostSends(regie, z);
  const atZ = (await z.call('agreements.list', {})).filter((a) => a.id !== proposal.id);
  expect(atZ.map((a) => [a.proposer, a.capHoursPerMonth, a.signatures.map((s) => s.gemeente)])).toEqual([[HEEMSTEDE, 80, [HEEMSTEDE]]]);
  expect((await z.call('agreements.get', { id: proposal.id })).signatures.map((s) => s.gemeente)).toEqual([ZANDVOORT]);
  z.close();
});
