// Night work across gemeenten, through real plan files: Heemstede lends one officer to a night shift of
// Bloemendaal and to a late shift of Zandvoort the next afternoon. Only the merged plan shows that the rest
// after the night is too short; each gemeente sees it, and who can resolve it.
import { describe, expect, it } from 'vitest';
import { regionWerkgebied } from '../../../../shared/domain/gemeenten';
import type { Copy } from '../exchange/copies';
import { region, ZANDVOORT, HEEMSTEDE, BLOEMENDAAL } from '../exchange/copies';
import { convenantTerms } from '../../../../main/generate/demo';
import { runCli } from '../../../../main/cli/index';

async function send(from: Copy, ...to: Copy[]): Promise<void> {
  for (const t of to) await t.importFile(await from.exportTo([t]));
}

const boa = (territory: string[]) => ({ domain: 'I' as const, akteValidUntil: '2029-01-01', territory, force: ['handboeien' as const], trafficAppointed: null });

describe('night work across two gemeenten (ATW art. 5:8)', () => {
  it('warns Heemstede while committing, shows the accepted warning to the hosts, and a host change that breaks the rule after import', async () => {
    const [z, h, b] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
    const agreement = await z.call('agreements.propose', convenantTerms([z.gemeente, h.gemeente, b.gemeente], 2027));
    await send(z, h, b);
    for (const c of [h, b]) {
      await c.call('agreements.sign', { id: agreement.id, contentHash: (await c.call('agreements.get', { id: agreement.id })).contentHash });
      await send(c, z);
    }
    await send(z, h, b);

    const party = await b.call('events.create', { name: 'Strandfeest Parnassia', place: 'Strand Bloemendaal', start: '2027-07-09T20:00', end: '2027-07-10T08:00', risk: 'B' });
    const night = await b.call('shifts.create', { eventId: party.id, start: '2027-07-09T23:00', end: '2027-07-10T07:00', role: 'toezicht', needed: 2 });
    const nightRequest = await b.call('requests.create', { shiftId: night.id, provider: h.gemeente, agreementId: agreement.id, count: 1 });
    const race = await z.call('events.create', { name: 'Circuitrace', place: 'Circuit Zandvoort', start: '2027-07-10T12:00', end: '2027-07-11T01:00', risk: 'B' });
    const late = await z.call('shifts.create', { eventId: race.id, start: '2027-07-10T16:00', end: '2027-07-11T00:30', role: 'toezicht', needed: 2 });
    const lateRequest = await z.call('requests.create', { shiftId: late.id, provider: h.gemeente, agreementId: agreement.id, count: 1 });
    await send(b, h);
    await send(z, h);

    const sanne = await h.call('officers.create', { name: 'Sanne de Vries', qualifications: boa(regionWerkgebied(h.gemeente)), contractHours: 36 });
    await h.call('requests.commit', { id: nightRequest.id, officerIds: [sanne.id] });

    // 07:00 -> 16:00 is 9 h after a night shift ending after 02:00: 14 h needed, 8 h once a week with a reason.
    const [candidate] = (await h.call('requests.candidates', { id: lateRequest.id })).filter((c) => c.officer.id === sanne.id);
    expect(candidate?.warnings.map((v) => [v.code, v.params.restMinutes])).toEqual([['ATW_NIGHT_REST_TOO_SHORT', 540]]);
    await expect(h.call('requests.commit', { id: lateRequest.id, officerIds: [sanne.id] })).rejects.toThrow(/minimaal 14 uur rust/);
    await h.call('requests.commit', { id: lateRequest.id, officerIds: [sanne.id], reasons: { [sanne.id]: { ATW_NIGHT_REST_TOO_SHORT: 'Geen andere handhaver voor de race' } } });

    await send(h, z, b);
    for (const c of [z, b]) {
      const seen = (await c.call('violations.list', { from: '2027-07-01', to: '2027-07-31' })).filter((v) => v.code === 'ATW_NIGHT_REST_TOO_SHORT');
      expect(seen).toMatchObject([{ severity: 'warning', accepted: true, resolvableBy: h.gemeente }]);
    }

    // Bloemendaal extends its night shift to 10:00: 6 h of rest, which no reason allows. Heemstede sees it in
    // the preview of Bloemendaal's file, and after importing in its Meldingen.
    await b.call('shifts.update', { id: night.id, fields: { eventId: party.id, start: '2027-07-09T23:00', end: '2027-07-10T10:00', role: 'toezicht', needed: 2, inPairs: false, qualifications: [] } });
    const file = await b.exportTo([h]);
    const preview = await h.call('exchange.preview', { path: file });
    expect(preview.violations.filter((v) => v.code === 'ATW_NIGHT_REST_TOO_SHORT')).toMatchObject([{ severity: 'blocking', params: { restMinutes: 360, variant: 'under8' } }]);
    // `regie import FILE --yes` prints the violations it brings, as the preview does.
    let printed = '';
    expect(await runCli(['--data', h.ctx.dataDir, 'import', file, '--yes'], { out: (t) => (printed += t + '\n'), err: (t) => (printed += t + '\n') })).toBe(0);
    expect(printed).toContain('Regel overtreden: Sanne de Vries heeft maar 6 u rust na de nachtdienst van vr 9 jul 23:00-10:00');
    expect(printed).toContain('Ingelezen: 1 wijziging verwerkt.');
    const after = (await h.call('violations.list', { from: '2027-07-01', to: '2027-07-31' })).filter((v) => v.severity === 'blocking');
    expect(after.map((v) => [v.code, v.resolvableBy])).toEqual([['ATW_NIGHT_REST_TOO_SHORT', h.gemeente]]);
    expect(after[0]?.message).toContain('Sanne de Vries heeft maar 6 u rust na de nachtdienst van vr 9 jul 23:00-10:00');

    // Her settlement lines are marked, not billed unseen.
    const statement = await h.call('settlement.get', { from: '2027-07-01', to: '2027-07-31' });
    expect(statement.lines.map((l) => [l.hostName, l.blocking])).toEqual([
      ['Bloemendaal', ['ATW_NIGHT_REST_TOO_SHORT']],
      ['Zandvoort', ['ATW_NIGHT_REST_TOO_SHORT']],
    ]);
  }, 120_000);
});
