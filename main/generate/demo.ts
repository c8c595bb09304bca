// Demo data: a realistic plan for this copy's own gemeente (officers, events, shifts), authored by this
// device, so an exchange can be tried without typing. The same seed gives the same records.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { addDays, convenantTerms, personName, privateDetails } from './common';
import type { LocalIdentity } from '../log/log';
import { eventOps, localCommit, officerOp, plannedShifts, type EventKind } from './generator';
import type { RecordKindTag } from '../../shared/domain/ids';
import { derivedId, prng } from '../domain/derived-id';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { partnerGemeenten } from '../exchange/partners';
import { listAgreements, proposeAgreement, signAgreement } from '../domain/agreements';
import { listShifts } from '../domain/shifts';
import { listOfficers } from '../domain/officers';
import { listRequests } from '../domain/plan-view';
import { commitOfficers, createRequest, getRequest } from '../domain/requests';
import { fitsWeekday, koningsdag } from './demo-days';

export { convenantTerms } from './common';

export type DemoScale = 'small' | 'region';

export interface DemoResult {
  officers: number;
  events: number;
  shifts: number;
  entries: number;
  agreements: number;
  signatures: number;
  requests: number;
  commitments: number;
}

/**
 * The exchange part of the demo: propose the convenant to trusted partners (if nobody has yet), sign what
 * partners proposed, ask partners for officers under agreements in force, and answer requests received.
 */
function demoExchange(db: Db, me: LocalIdentity, seed: number, rand: () => number): Pick<DemoResult, 'agreements' | 'signatures' | 'requests' | 'commitments'> {
  const out = { agreements: 0, signatures: 0, requests: 0, commitments: 0 };
  const partners = partnerGemeenten(db).filter((g) => g !== me.gemeente);
  const involving = listAgreements(db).filter((a) => a.parties.includes(me.gemeente));
  if (partners.length > 0 && involving.length === 0) {
    proposeAgreement(db, me, convenantTerms([me.gemeente, ...partners], 2027));
    out.agreements++;
  }
  for (const a of listAgreements(db)) {
    const own = a.signatures.find((s) => s.gemeente === me.gemeente);
    if (a.parties.includes(me.gemeente) && own?.contentHash !== a.contentHash) {
      signAgreement(db, me, a.id, a.contentHash);
      out.signatures++;
    }
  }
  // Requests to partners, under an agreement in force on the shift's dates, within the mandate.
  const inForce = listAgreements(db).filter((a) => a.signedByAll && a.terminatedFrom === null && a.parties.includes(me.gemeente));
  const asked = new Set(listRequests(db, { host: me.gemeente }).map((r) => `${r.shiftId}|${r.provider}`));
  const ownShifts = listShifts(db).filter((s) => s.host === me.gemeente && !s.cancelled);
  for (const [i, shift] of ownShifts.entries()) {
    if (i % 3 !== 0) continue;
    const agreement = inForce.find((a) => a.start <= shift.start.slice(0, 10) && shift.end.slice(0, 10) <= a.end);
    const provider = agreement?.parties.filter((p) => p !== me.gemeente)[Math.floor(rand() * (agreement.parties.length - 1))];
    if (!agreement || !provider || asked.has(`${shift.id}|${provider}`)) continue;
    try {
      createRequest(db, me, { shiftId: shift.id, provider, agreementId: agreement.id, count: 2, note: `Demo-verzoek ${seed}` });
      out.requests++;
    } catch {
      // A rule refused it (a cap reached): a real coordinator would ask someone else.
    }
  }
  // Answer what partners asked of us with officers the rules allow.
  for (const r of listRequests(db, { provider: me.gemeente })) {
    if (r.status !== 'open' || r.host === me.gemeente) continue;
    for (const officer of listOfficers(db, me.gemeente)) {
      if (getRequest(db, r.id).committed >= r.count) break;
      try {
        commitOfficers(db, me, r.id, [officer.id], {});
        out.commitments++;
      } catch {
        // Not allowed for this officer (rest, overlap, qualification): try the next one.
      }
    }
  }
  return out;
}

const demoId = (owner: string, tag: RecordKindTag, seed: number, n: number) => derivedId(owner, tag, 'regie-demo', owner, tag, seed, n);

/** The CLI demo's event kinds, in turn; the Muziekfestival lasts two days. */
const EVENT_KINDS: EventKind[] = [
  {
    name: 'Strandfeest',
    place: 'Strandpaviljoen',
    risk: 'B',
    visitors: 3500,
    slots: [
      ['14:00', '22:00'],
      ['20:00', '02:00'],
    ],
  },
  { name: 'Braderie', place: 'Centrum', risk: 'A', visitors: 8000, slots: [['09:00', '17:00']] },
  {
    name: 'Koningsdag',
    place: 'Dorpsplein en omgeving',
    risk: 'B',
    visitors: 12000,
    slots: [
      ['08:00', '16:00'],
      ['15:00', '23:00'],
    ],
  },
  { name: 'Zomermarkt', place: 'Marktplein', risk: 'A', visitors: 2500, slots: [['10:00', '18:00']] },
  { name: 'Hardloopwedstrijd', place: 'Parcours door de gemeente', risk: 'A', visitors: 5000, slots: [['07:00', '13:00']] },
  {
    name: 'Muziekfestival',
    place: 'Evenemententerrein',
    risk: 'C',
    days: 2,
    visitors: 20000,
    slots: [
      ['12:00', '20:00'],
      ['18:00', '01:00'],
    ],
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

export function generateDemo(db: Db, me: LocalIdentity, seed: number, scale: DemoScale): DemoResult {
  const rand = prng(seed ^ Number(me.gemeente.slice(2)));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const place = gemeenteName(me.gemeente);
  const officerCount = scale === 'region' ? 17 : 8;
  const eventCount = scale === 'region' ? 220 : 10;
  const year = 2027;
  const commit = localCommit(db, me);
  let shifts = 0;

  db.transaction(() => {
    const savePrivate = stmt(db, 'INSERT OR REPLACE INTO officer_private (officer_id, phone, boa_number, notes) VALUES (?, ?, ?, ?)');
    for (let i = 0; i < officerCount; i++) {
      const id = demoId(me.gemeente, 'of', seed, i);
      const traffic = rand() < 0.4;
      commit(me.gemeente, [
        officerOp(id, me.gemeente, {
          name: personName(rand),
          akteValidUntil: `${year + 1 + Math.floor(rand() * 3)}-${pad(1 + Math.floor(rand() * 12))}-01`,
          force: rand() < 0.8 ? ['handboeien', 'wapenstok'] : ['handboeien'],
          trafficAppointed: traffic ? `${year - 1}-${pad(3 + Math.floor(rand() * 9))}-15` : null,
          contractHours: pick([24, 32, 36, 36, 36]),
        }),
      ]);
      // Private details stay on this device: they are written locally, never as an entry.
      const { phone, boaNumber } = privateDetails(rand);
      savePrivate.run(id, phone, boaNumber, i === 0 ? 'Teamleider; liever geen nachtdiensten.' : null);
    }
    for (let i = 0; i < eventCount; i++) {
      const kind = EVENT_KINDS[i % EVENT_KINDS.length]!;
      const dayOfYear = 90 + Math.floor(rand() * 180);
      // Moved forward to a day of the week the kind is held on; Koningsdag is on its own date.
      let startDay = kind.name === 'Koningsdag' ? koningsdag(year) : addDays(`${year}-01-01`, dayOfYear);
      while (!fitsWeekday(kind.name, startDay)) startDay = addDays(startDay, 1);
      const event = {
        name: `${kind.name} ${place}${eventCount > EVENT_KINDS.length ? ` ${Math.floor(i / EVENT_KINDS.length) + 1}` : ''}`,
        place: `${kind.place}, ${place}`,
        risk: kind.risk,
        visitors: Math.round(kind.visitors * (0.6 + rand() * 0.8)),
        status: pick(['concept', 'aangemeld', 'vergund', 'vergund'] as const),
      };
      const planned = plannedShifts(startDay, kind.days ?? 1, kind.slots).map((t, n) => ({
        id: demoId(me.gemeente, 'sh', seed, i * 100 + n),
        start: t.start,
        end: t.end,
        role: rand() < 0.2 ? ('verkeersregelaar' as const) : ('toezicht' as const),
        needed: 2 * (1 + Math.floor(rand() * 4)),
      }));
      commit(me.gemeente, eventOps(demoId(me.gemeente, 'ev', seed, i), event, planned));
      shifts += planned.length;
    }
  })();
  const exchange = demoExchange(db, me, seed, rand);
  return { officers: officerCount, events: eventCount, shifts, entries: commit.entries, ...exchange };
}
