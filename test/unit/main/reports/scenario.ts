// Scenario 4 of SCENARIOS.md in real copies: the convenant (EUR 68/h, +20 % evening, +40 % night, +70 %
// weekend, +100 % feestdag), the Grand Prix at Zandvoort with officers from Heemstede and Bloemendaal, a
// night check on the boulevard across the October clock change, and gesloten beurs between Heemstede and
// Bloemendaal. Everything goes through the api and real plan files.
import { regionWerkgebied } from '../../../../shared/domain/gemeenten';
import type { Copy } from '../exchange/copies';
import { BLOEMENDAAL, HEEMSTEDE, region, ZANDVOORT } from '../exchange/copies';
import { convenantTerms } from '../../../../main/generate/demo';
import { beursTerms, grandPrix, kermis, signAgreement } from '../../../fixtures/scenario-4';

export async function send(from: Copy, ...to: Copy[]): Promise<void> {
  for (const t of to) await t.importFile(await from.exportTo([t]));
}

const boa = (territory: string[], trafficAppointed: string | null) => ({ domain: 'I' as const, akteValidUntil: '2029-01-01', territory, force: ['handboeien' as const], trafficAppointed });

async function officer(c: Copy, name: string, phone: string, trafficAppointed: string | null = null) {
  return c.call('officers.create', { name, qualifications: boa(regionWerkgebied(c.gemeente), trafficAppointed), contractHours: 36, phone, boaNumber: 'BOA-123', notes: 'privé' });
}

function sign(proposer: Copy, terms: ReturnType<typeof convenantTerms>, others: Copy[]) {
  return signAgreement(proposer, terms, others, send);
}

export interface Scenario {
  z: Copy;
  h: Copy;
  b: Copy;
  ids: Record<'grandPrix' | 'night' | 'heemstedeEvent' | 'sanne' | 'daan' | 'femke' | 'kees' | 'lotte', string>;
}

/**
 * Lent shifts (hand computation, EUR 68.00 per hour; weekend 115.60, night 95.20):
 * - Fri 27 Aug 10:00-18:00, Sanne (Heemstede) at the Grand Prix: 8 h base = 544.00
 * - Sat 28 Aug 16:00-00:30, Daan (Heemstede): 8.5 h weekend = 982.60
 * - Sun 29 Aug 10:00-18:00, Femke (Bloemendaal): 8 h weekend = 924.80
 * - Sat 30 Oct 22:00 - Sun 31 Oct 06:00, Sanne at the boulevard night check: 9 real hours weekend = 1040.40
 * Own staffing (not settled): Kees (Zandvoort) on Friday's shift, 8 h.
 * Gesloten beurs: Lotte (Bloemendaal) at Heemstede's Kermis, Sat 4 Sep 12:00-18:00 (6 h), nothing back.
 */
export async function quarterScenario(): Promise<Scenario> {
  const [z, h, b] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
  const convenant = await sign(z, convenantTerms([z.gemeente, h.gemeente, b.gemeente], 2027), [h, b]);
  const beurs = await sign(h, beursTerms(h.gemeente, b.gemeente), [b]);

  const { gp, fri, sat, sun } = await grandPrix(z);
  const night = await z.call('events.create', {
    name: 'Nachtcontrole boulevard',
    place: 'Boulevard Barnaart; Zandvoort',
    start: '2027-10-30T22:00',
    end: '2027-10-31T06:00',
    risk: 'B',
    status: 'vergund',
  });
  const nightShift = await z.call('shifts.create', { eventId: night.id, start: '2027-10-30T22:00', end: '2027-10-31T06:00', role: 'toezicht', needed: 1 });
  const kees = await officer(z, 'Kees Bakker', '06-11112222');
  const own = await z.call('requests.create', { shiftId: fri.id, provider: z.gemeente, agreementId: null, count: 1 });
  await z.call('requests.commit', { id: own.id, officerIds: [kees.id] });
  const reqFri = await z.call('requests.create', { shiftId: fri.id, provider: h.gemeente, agreementId: convenant, count: 1 });
  const reqSat = await z.call('requests.create', { shiftId: sat.id, provider: h.gemeente, agreementId: convenant, count: 1 });
  const reqSun = await z.call('requests.create', { shiftId: sun.id, provider: b.gemeente, agreementId: convenant, count: 1 });
  const reqNight = await z.call('requests.create', { shiftId: nightShift.id, provider: h.gemeente, agreementId: convenant, count: 1 });

  const { event: kermisEvent, shift: kermisShift } = await kermis(h);
  const reqKermis = await h.call('requests.create', { shiftId: kermisShift.id, provider: b.gemeente, agreementId: beurs, count: 1 });

  await send(z, h, b);
  await send(h, b);
  const sanne = await officer(h, 'Sanne de Vries', '06-33334444');
  const daan = await officer(h, 'René Jansen', '06-55556666');
  await h.call('requests.commit', { id: reqFri.id, officerIds: [sanne.id] });
  await h.call('requests.commit', { id: reqSat.id, officerIds: [daan.id] });
  await h.call('requests.commit', { id: reqNight.id, officerIds: [sanne.id] });
  const femke = await officer(b, 'Noëlle Mulder', '06-77778888', '2027-03-01');
  const lotte = await officer(b, 'Lotte Meijer', '06-99990000');
  await b.call('requests.commit', { id: reqSun.id, officerIds: [femke.id] });
  await b.call('requests.commit', { id: reqKermis.id, officerIds: [lotte.id] });
  // Every copy ends up with every entry: Heemstede and Bloemendaal answer, Zandvoort relays to both.
  await send(h, z);
  await send(b, z);
  await send(z, h, b);
  return { z, h, b, ids: { grandPrix: gp.id, night: night.id, heemstedeEvent: kermisEvent.id, sanne: sanne.id, daan: daan.id, femke: femke.id, kees: kees.id, lotte: lotte.id } };
}
