// What the voorbeeldregio holds: the own gemeente and two partners in the weeks around today, so every screen
// opens on something to see — events in the Kalender, requests both ways, a convenant in force and one to
// sign, officers and absences, a settlement, and one conflict (SCENARIOS.md 3, a cancelled party).
// Everything goes through the domain functions and their rules; the partners write with their own device
// keys, trusted here, as if their entries had come in plan files.
import { ApiError } from '../../shared/api/errors';
import type { DemoSummary } from '../../shared/api/demo';
import type { AgreementTerms } from '../../shared/domain/agreement';
import { findGemeente, gemeenteName, GEMEENTEN } from '../../shared/domain/gemeenten';
import { epochToLocal } from '../../shared/time/local';
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { commitLocal, readFeed, type LocalIdentity } from '../log/log';
import { generateDeviceKeys } from '../log/identity';
import { RECORD_TYPES } from '../log/records';
import { makeCard, signCheckpoint } from '../exchange/signing';
import { recordCard } from '../exchange/partners';
import { fitsWeekday } from './demo-days';
import { addDays, convenantTerms, personName, privateDetails } from './common';
import { eventSpan, officerFields, plannedShifts, type EventKind } from './generator';
import { createOp, newRecordId } from '../domain/records';
import { prng } from '../domain/derived-id';
import { createEvent } from '../domain/events';
import { cancelShift, createShift } from '../domain/shifts';
import { createAbsence, createOfficer } from '../domain/officers';
import { proposeAgreement, signAgreement } from '../domain/agreements';
import { commitOfficers, createRequest, declineRequest } from '../domain/requests';
import { resolveConflict } from '../domain/resolve';
import { listConflicts } from '../exchange/conflicts';

/** What was written, as the api reports it (setup.startDemo). */
export type DemoPlanSummary = DemoSummary;

/** Zuid-Kennemerland of the scenarios, for its own members; elsewhere two gemeenten of the same veiligheidsregio. */
const SCENARIO_PARTNERS = ['GM0473', 'GM0397', 'GM0377', 'GM0392'];

export function demoPartners(own: string): string[] {
  if (SCENARIO_PARTNERS.includes(own)) return SCENARIO_PARTNERS.filter((c) => c !== own).slice(0, 2);
  const home = findGemeente(own);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');
  const region = GEMEENTEN.filter((g) => g.code !== own && g.region === home?.region).sort(byName);
  const province = GEMEENTEN.filter((g) => g.code !== own && g.province === home?.province && g.region !== home?.region).sort(byName);
  return [...region, ...province, ...GEMEENTEN.filter((g) => g.code !== own)]
    .map((g) => g.code)
    .filter((c, i, all) => all.indexOf(c) === i)
    .slice(0, 2);
}

/** The voorbeeldregio's event kinds from April to September, and the rest of the year. */
const SUMMER: EventKind[] = [
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
  { name: 'Zomermarkt', place: 'Marktplein', risk: 'A', visitors: 2500, slots: [['10:00', '18:00']] },
  {
    name: 'Muziekfestival',
    place: 'Evenemententerrein',
    risk: 'C',
    visitors: 20000,
    slots: [
      ['12:00', '20:00'],
      ['18:00', '01:00'],
    ],
  },
  { name: 'Braderie', place: 'Centrum', risk: 'A', visitors: 8000, slots: [['09:00', '17:00']] },
  { name: 'Hardloopwedstrijd', place: 'Parcours door de gemeente', risk: 'A', visitors: 5000, slots: [['07:00', '13:00']] },
  { name: 'Kermis', place: 'Dorpsplein', risk: 'B', visitors: 6000, slots: [['14:00', '23:00']] },
];
const WINTER: EventKind[] = [
  { name: 'Wintermarkt', place: 'Centrum', risk: 'A', visitors: 6000, slots: [['11:00', '19:00']] },
  {
    name: 'Winterfestival',
    place: 'Evenemententerrein',
    risk: 'B',
    visitors: 9000,
    slots: [
      ['14:00', '22:00'],
      ['20:00', '01:00'],
    ],
  },
  { name: 'Halve marathon', place: 'Parcours door de gemeente', risk: 'A', visitors: 5000, slots: [['08:00', '14:00']] },
  { name: 'Lichtjesavond', place: 'Dorpsplein', risk: 'A', visitors: 3000, slots: [['16:00', '22:00']] },
  { name: 'Voetbalwedstrijd', place: 'Sportpark', risk: 'C', visitors: 12000, slots: [['12:00', '18:00']] },
  { name: 'Koopzondag', place: 'Winkelcentrum', risk: 'A', visitors: 4000, slots: [['11:00', '18:00']] },
];

/** Days relative to today on which each gemeente holds an event: five weeks back, seven ahead, some this week. */
const OWN_DAYS = [-32, -25, -18, -11, -4, 0, 2, 5, 9, 16, 23, 30, 38, 45];
const PARTNER_DAYS = [
  [-30, -20, -13, -6, 1, 4, 12, 19, 27, 40],
  [-28, -15, -8, -2, 3, 6, 10, 17, 26, 34],
];
/** The partner party that will be cancelled after the own gemeente committed officers (a conflict). */
const CANCELLED = { partner: 1, day: 6 };

interface DemoShift {
  id: string;
  host: LocalIdentity;
  day: number;
  needed: number;
}

class DemoWriter {
  readonly officers = new Map<string, string[]>();
  private readonly cursor = new Map<string, number>();
  readonly count = { officers: 0, events: 0, shifts: 0, requests: 0, commitments: 0, agreements: 0 };

  constructor(
    private readonly db: Db,
    private readonly today: string,
  ) {}

  writeOfficers(who: LocalIdentity, n: number, own: boolean): void {
    const rand = prng(Number(who.gemeente.slice(2)) * 7919);
    const year = Number(this.today.slice(0, 4));
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const traffic = i % 3 === 0;
      const fields = officerFields(who.gemeente, {
        name: personName(rand),
        akteValidUntil: `${year + 1 + (i % 3)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-01`,
        force: i % 4 === 3 ? ['handboeien'] : ['handboeien', 'wapenstok'],
        trafficAppointed: traffic ? addDays(this.today, -30 - Math.floor(rand() * 200)) : null,
        contractHours: [36, 32, 36, 24][i % 4]!,
      });
      if (own) {
        // Private details stay on this device (officer_private), as with real officers.
        const { phone, boaNumber } = privateDetails(rand);
        ids.push(createOfficer(this.db, who, { ...fields, phone, boaNumber, notes: i === 0 ? 'Teamleider; liever geen nachtdiensten.' : '' }).id);
      } else {
        const id = newRecordId(who.gemeente, 'of');
        commitLocal(this.db, who, [createOp(RECORD_TYPES.officer!, id, fields)]);
        ids.push(id);
      }
    }
    this.officers.set(who.gemeente, ids);
    this.count.officers += n;
  }

  writeEvent(host: LocalIdentity, day: number, index: number): DemoShift[] {
    const planned = addDays(this.today, day);
    const month = Number(planned.slice(5, 7));
    const kinds = month >= 4 && month <= 9 ? SUMMER : WINTER;
    const kind = kinds[(index + Number(host.gemeente.slice(2))) % kinds.length]!;
    // Moved to the nearest day of the week the kind is held on (no Koopzondag on a Monday), away from today,
    // so a past event stays past and a coming one stays coming.
    let date = planned;
    while (!fitsWeekday(kind.name, date)) date = addDays(date, day < 0 ? -1 : 1);
    const times = plannedShifts(date, kind.days ?? 1, kind.slots);
    const span = eventSpan(times);
    const place = gemeenteName(host.gemeente);
    const event = createEvent(this.db, host, {
      name: `${kind.name} ${place}`,
      place: `${kind.place}, ${place}`,
      start: span.start,
      end: span.end,
      risk: kind.risk,
      visitors: kind.visitors + 250 * (index % 5),
      status: day < 0 ? 'vergund' : (['vergund', 'aangemeld', 'vergund', 'concept'] as const)[index % 4]!,
    });
    this.count.events++;
    return times.map((t, k) => {
      const needed = kind.risk === 'C' ? 8 : kind.risk === 'B' ? 6 : 4;
      const shift = createShift(this.db, host, {
        eventId: event.id,
        start: t.start,
        end: t.end,
        role: k === 0 && kind.risk !== 'A' && index % 2 === 0 ? 'verkeersregelaar' : 'toezicht',
        needed,
        inPairs: true,
        qualifications: [],
      });
      this.count.shifts++;
      return { id: shift.id, host, day, needed };
    });
  }

  request(host: LocalIdentity, shiftId: string, provider: string, agreementId: string | null, count: number, note = ''): string | undefined {
    try {
      const r = createRequest(this.db, host, { shiftId, provider, agreementId, count, note });
      this.count.requests++;
      return r.id;
    } catch (err) {
      // A rule refused it (a cap reached): a real coordinator would ask someone else.
      if (err instanceof ApiError) return undefined;
      throw err;
    }
  }

  /** Commits up to `count` officers of the provider, the ones the rules allow, spread over the team. */
  commit(provider: LocalIdentity, requestId: string | undefined, count: number): number {
    if (!requestId) return 0;
    const team = this.officers.get(provider.gemeente) ?? [];
    let done = 0;
    for (let tried = 0; tried < team.length && done < count; tried++) {
      const at = this.cursor.get(provider.gemeente) ?? 0;
      this.cursor.set(provider.gemeente, at + 1);
      try {
        commitOfficers(this.db, provider, requestId, [team[at % team.length]!], {});
        done++;
      } catch (err) {
        // Rest, overlap or absence: this officer cannot; try the next one.
        if (!(err instanceof ApiError)) throw err;
      }
    }
    this.count.commitments += done;
    return done;
  }
}

function partnerDevice(gemeente: string, now: Date): LocalIdentity {
  return { gemeente, deviceLabel: `Voorbeeldlaptop ${gemeenteName(gemeente)}`, ...generateDeviceKeys(), createdAt: now.toISOString() };
}

/** The convenant of SCENARIOS.md 1 for the years the demo spans. */
function demoConvenant(parties: string[], first: string, last: string): AgreementTerms {
  const from = Number(first.slice(0, 4));
  const to = Number(last.slice(0, 4));
  const terms = convenantTerms(parties, from);
  return from === to ? terms : { ...terms, title: `Convenant handhaving evenementen ${from}-${to}`, end: `${to}-12-31` };
}

export function writeDemoPlan(db: Db, me: LocalIdentity, now = new Date()): DemoPlanSummary {
  const today = epochToLocal(now.getTime()).slice(0, 10);
  const partners = demoPartners(me.gemeente).map((g) => partnerDevice(g, now));
  const [p1, p2] = partners as [LocalIdentity, LocalIdentity];
  const w = new DemoWriter(db, today);

  db.transaction(() => {
    for (const p of partners) recordCard(db, makeCard(p), true, now);
    w.writeOfficers(me, 8, true);
    for (const p of partners) w.writeOfficers(p, 6, false);
    const team = w.officers.get(me.gemeente)!;
    // Absences: their reasons stay on this device.
    createAbsence(db, me, { officerId: team[6]!, start: `${addDays(today, -3)}T08:00`, end: `${addDays(today, 2)}T18:00`, reason: 'Ziek gemeld' });
    createAbsence(db, me, { officerId: team[7]!, start: `${addDays(today, 14)}T00:00`, end: `${addDays(today, 21)}T23:59`, reason: 'Vakantie' });

    const parties = [me.gemeente, p1.gemeente, p2.gemeente];
    const convenant = proposeAgreement(db, p1, demoConvenant(parties, addDays(today, -40), addDays(today, 50)));
    signAgreement(db, p2, convenant.id, convenant.contentHash);
    signAgreement(db, me, convenant.id, convenant.contentHash);
    // A second agreement that only waits for the own gemeente's signature.
    proposeAgreement(db, p2, {
      title: `Verkeersregelaars ${gemeenteName(p2.gemeente)} en ${gemeenteName(me.gemeente)}`,
      parties: [me.gemeente, p2.gemeente].sort(),
      start: `${today.slice(0, 7)}-01`,
      end: `${Number(today.slice(0, 4)) + 1}-12-31`,
      providers: { [me.gemeente]: { model: 'gesloten_beurs' }, [p2.gemeente]: { model: 'gesloten_beurs' } },
      capHoursPerMonth: 40,
      mandate: { maxOfficers: 2, maxHours: 16, escalateTo: 'teamleider handhaving' },
    });
    w.count.agreements = 2;

    // Own events: staffed by the own team, with partners asked for some shifts in every state a request has.
    const own = OWN_DAYS.flatMap((day, i) => w.writeEvent(me, day, i));
    const future = ['committed', 'open', 'declined', 'escalated'] as const;
    let next = 0;
    own.forEach((s, i) => {
      const partner = partners[i % 2]!;
      let asked = 0;
      if (s.day < 0 && i % 2 === 0) {
        asked = 2;
        w.commit(partner, w.request(me, s.id, partner.gemeente, convenant.id, 2), 2);
      } else if (s.day >= 0 && next < future.length && s.needed >= 6) {
        const state = future[next++]!;
        asked = state === 'escalated' ? 6 : 2;
        const rid = w.request(me, s.id, partner.gemeente, convenant.id, asked, state === 'escalated' ? 'Extra inzet: grote drukte verwacht.' : '');
        if (state === 'committed') w.commit(partner, rid, 2);
        if (state === 'declined' && rid) declineRequest(db, partner, rid, 'Eigen evenement op dezelfde dag; geen handhavers vrij.');
      }
      // Far ahead the own team is not complete yet: the Kalender shows the gap.
      const self = Math.max(2, s.needed - asked - (s.day > 20 ? 2 : 0));
      w.commit(me, w.request(me, s.id, me.gemeente, null, self), self);
    });

    // Partner events: they staff their own, and ask the own gemeente now and then.
    partners.forEach((p, n) => {
      const shifts = PARTNER_DAYS[n]!.flatMap((day, i) => w.writeEvent(p, day, i + 3 * n));
      let open = 0;
      shifts.forEach((s, i) => {
        const other = partners[1 - n]!;
        // Of the party that will be cancelled, the first shift asks the own gemeente.
        const cancelled = n === CANCELLED.partner && s.day === CANCELLED.day && shifts.find((x) => x.day === s.day) === s;
        let asked = 0;
        if (cancelled || (s.day < 0 && i % 2 === 1) || (s.day >= 0 && s.day !== CANCELLED.day && i % 3 === 0)) {
          asked = 2;
          const rid = w.request(p, s.id, me.gemeente, convenant.id, 2);
          // Past requests were answered; of the coming ones, some still wait in the own inbox.
          if (cancelled || s.day < 0 || open++ >= 2) w.commit(me, rid, 2);
        } else if (i % 4 === 2) {
          asked = 2;
          w.commit(other, w.request(p, s.id, other.gemeente, convenant.id, 2), 2);
        }
        w.commit(p, w.request(p, s.id, p.gemeente, null, s.needed - asked), s.needed - asked);
      });
      // SCENARIOS.md 3: the party is cancelled after the own gemeente committed two officers.
      if (n === CANCELLED.partner) for (const s of shifts.filter((x) => x.day === CANCELLED.day)) cancelShift(db, p, s.id);
    });
    // The partners already withdrew their own lapsed commitments; the own gemeente's two are left to resolve.
    for (const c of listConflicts(db)) {
      const owner = partners.find((p) => p.gemeente === c.resolvableBy);
      if (owner) resolveConflict(db, owner, c.key, 0);
    }

    // The partners' feeds carry a checkpoint, as feeds that arrived in a plan file do.
    const setCheckpoint = stmt(db, 'UPDATE feeds SET checkpoint_seq = ?, checkpoint_sig = ? WHERE author = ?');
    for (const p of partners) {
      const feed = readFeed(db, p.publicKey);
      if (feed) setCheckpoint.run(feed.seq, signCheckpoint(p, feed.seq, feed.head).sig, p.publicKey);
    }
  })();
  return { partners: partners.map((p) => p.gemeente), ...w.count };
}
