// The import preview told in words, from real copies and real plan files: Heemstede swaps the officer it
// committed to Zandvoort's Strandfestival, Zandvoort cancels the shift, and each side reads what that means
// for it, with names, dates and times, in Dutch (as `regie import` prints it) and in English.
import { describe, expect, it } from 'vitest';
import { convenantTerms } from '../../../../main/generate/demo';
import { previewText } from '../../../../main/cli/preview-text';
import { buildNarrative } from '../../../../shared/exchange/narrative';
import { narrativeText } from '../../../../shared/i18n/narrative-messages';
import { HEEMSTEDE, region, ZANDVOORT, type Copy } from './copies';
import { regionWerkgebied } from '../../../../shared/domain/gemeenten';

async function send(from: Copy, to: Copy): Promise<void> {
  await to.importFile(await from.exportTo([to]));
}

const boa = (g: string) => ({ domain: 'I' as const, akteValidUntil: '2029-01-01', territory: regionWerkgebied(g), force: ['handboeien' as const], trafficAppointed: null });

describe('the import preview in words', () => {
  it('says who comes and who no longer comes, and which cancelled shift takes away your commitment', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const agreement = await z.call('agreements.propose', convenantTerms([z.gemeente, h.gemeente], 2027));
    await send(z, h);
    await h.call('agreements.sign', { id: agreement.id, contentHash: (await h.call('agreements.get', { id: agreement.id })).contentHash });
    await send(h, z);

    const event = await z.call('events.create', { name: 'Strandfestival', place: 'Strand Zandvoort', start: '2027-07-10T18:00', end: '2027-07-11T03:00', risk: 'B', status: 'vergund' });
    const shift = await z.call('shifts.create', { eventId: event.id, start: '2027-07-10T20:00', end: '2027-07-11T02:00', role: 'toezicht', needed: 2, inPairs: false });
    const request = await z.call('requests.create', { shiftId: shift.id, provider: h.gemeente, agreementId: agreement.id, count: 2 });

    // Heemstede reads the request: it is asked for officers, so that comes first.
    const toHeemstede = await z.exportTo([h]);
    const asked = await h.call('exchange.preview', { path: toHeemstede });
    const askedText = previewText(asked, h.gemeente);
    expect(askedText).toContain('Let op:\n  - Zandvoort vraagt u om 2 handhavers voor Strandfestival za 10 jul 20:00–02:00.');
    expect(askedText).toContain(
      [
        'Zandvoort · 3 wijzigingen:',
        '  Strandfestival (za 10 jul 18:00–03:00)',
        '    - Nieuw evenement, za 10 jul 18:00–03:00.',
        '    - Nieuwe dienst za 10 jul 20:00–02:00: 2 handhavers nodig.',
      ].join('\n'),
    );
    expect(askedText).not.toMatch(/velden|fields|withdrawn|shift\b/);
    await h.importFile(toHeemstede);

    const mehmet = await h.call('officers.create', { name: 'Mehmet Kaya', qualifications: boa(h.gemeente), contractHours: 36 });
    const sanne = await h.call('officers.create', { name: 'Sanne de Wit', qualifications: boa(h.gemeente), contractHours: 36 });
    await h.call('requests.commit', { id: request.id, officerIds: [mehmet.id] });
    await send(h, z);
    const commitment = (await h.call('requests.overview', { direction: 'in' }))[0]!.commitments[0]!;
    await h.call('commitments.withdraw', { id: commitment.id });
    await h.call('requests.commit', { id: request.id, officerIds: [sanne.id] });

    // Zandvoort reads the swap as one sentence, first, because it is about its own event.
    const swapped = await z.call('exchange.preview', { path: await h.exportTo([z]) });
    const story = buildNarrative(swapped, z.gemeente);
    const swapLine = 'Heemstede: Mehmet Kaya komt niet meer op Strandfestival za 10 jul 20:00–02:00; Sanne de Wit komt.';
    expect(previewText(swapped, z.gemeente)).toContain(`Let op:\n  - ${swapLine}`);
    expect(narrativeText(swapped, z.gemeente, 'en')).toContain('Heemstede: Mehmet Kaya is no longer coming to Strandfestival Sat 10 Jul 20:00–02:00; Sanne de Wit is coming.');
    // Every heading's count is the number of lines under it.
    for (const s of story.sections) expect(s.count).toBe(s.events.reduce((n, e) => n + e.lines.length, 0) + s.other.length);
    const heemstede = story.sections.find((s) => s.gemeente === h.gemeente)!;
    expect(heemstede.events.map((e) => e.name)).toEqual(['Strandfestival']);
    await z.importFile(await h.exportTo([z]));

    // Zandvoort cancels the shift: Heemstede is told its commitment lapses.
    await z.call('shifts.cancel', { id: shift.id });
    const cancelled = await h.call('exchange.preview', { path: await z.exportTo([h]) });
    const text = previewText(cancelled, h.gemeente);
    expect(text).toContain('  - Zandvoort annuleerde de dienst za 10 jul 20:00–02:00 van Strandfestival, waarop u 1 handhaver had toegezegd.');
    expect(text.indexOf('annuleerde')).toBeLessThan(text.indexOf('Zandvoort · '));
    expect(narrativeText(cancelled, h.gemeente, 'en')).toContain('Zandvoort cancelled the shift Sat 10 Jul 20:00–02:00 of Strandfestival, for which you had committed 1 officer.');
  });
});
