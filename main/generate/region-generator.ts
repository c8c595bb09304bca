// A whole region's plan for benchmarks and demos: every gemeente of Veiligheidsregio Kennemerland writes its
// own officers, events, shifts, requests and commitments with its own (generated) device key, as if the
// entries had arrived from nine laptops. Deterministic: the same seed gives the same records and entries.
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { GEMEENTEN } from '../../shared/domain/gemeenten';
import type { RecordKindTag } from '../../shared/domain/ids';
import { canonicalJson } from '../log/canonical';
import { encodeEntry, type EncodedEntry } from '../log/entry';
import { formatHlc } from '../log/hlc';
import type { LocalIdentity } from '../log/log';
import { readFeed } from '../log/log';
import { applyRun, newTally } from '../exchange/apply';
import { Signer } from '../log/identity';
import { convenantTerms, personName } from './common';
import { eventOps, officerOp, plannedShifts, type Commit, type Slot } from './generator';
import { contentHash, signatureId } from '../domain/agreements';
import { derivedId, prng } from '../domain/derived-id';
import { realMinutes } from '../../shared/rules/calendar';
import { OfficerSchedule } from './region-schedule';

export type RegionScale = 'region' | 'stress' | 'week';

/** How much to write: officers in the region, events per year, over how many years from which year. */
export interface RegionSize {
  officers: number;
  eventsPerYear: number;
  years: number;
  firstYear: number;
  writeOfficers: boolean;
}

export interface RegionResult {
  gemeenten: number;
  officers: number;
  events: number;
  shifts: number;
  requests: number;
  commitments: number;
  entries: number;
  ops: number;
}

const SIZES: Record<RegionScale, RegionSize> = {
  region: { officers: 150, eventsPerYear: 2000, years: 5, firstYear: 2023, writeOfficers: true },
  // Ten times a region's history: the same region, fifty years (1978 to 2027) instead of five. A month, a
  // year or a settlement period holds as much as at region scale; only the years behind it grow, which is
  // what a copy meets as it is used (issue 22: a query's cost follows the window it shows).
  stress: { officers: 150, eventsPerYear: 2000, years: 50, firstYear: 1978, writeOfficers: true },
  // One more week of a region already written with the same seed: new events in 2028, the same officers.
  week: { officers: 150, eventsPerYear: 40, years: 1, firstYear: 2028, writeOfficers: false },
};

/** Inhabitants (thousands, rounded), to share officers and events out as real gemeenten would have them. */
const INHABITANTS: Record<string, number> = { GM0375: 42, GM0377: 24, GM0392: 163, GM0394: 160, GM0396: 39, GM0397: 28, GM0450: 14, GM0453: 69, GM0473: 17 };

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

/** A device key derived from the seed, so the same seed gives the same authors on every machine. */
function syntheticDevice(gemeente: string, seed: number): { publicKey: string; privateKey: string } {
  const secret = createHash('sha256').update(`regie-region-device|${gemeente}|${seed}`).digest();
  const der = Buffer.concat([PKCS8_ED25519, secret]);
  const pub = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' });
  return { publicKey: pub.subarray(SPKI_ED25519.length).toString('base64url'), privateKey: der.toString('base64') };
}

const id = (owner: string, tag: RecordKindTag, seed: number, n: number) => derivedId(owner, tag, 'regie-region', owner, tag, seed, n);

function day(year: number, dayOfYear: number): string {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear, 12));
  return d.toISOString().slice(0, 10);
}

const KINDS = ['Strandfeest', 'Braderie', 'Koningsdag', 'Zomermarkt', 'Hardloopwedstrijd', 'Muziekfestival', 'Kermis', 'Sportevenement'];
/** The region's events take their name from KINDS and one or two slots from SLOTS, in turn. */
const SLOTS: Slot[] = [
  ['08:00', '16:00'],
  ['10:00', '18:00'],
  ['14:00', '22:00'],
  ['16:00', '00:00'],
];

interface Author {
  gemeente: string;
  publicKey: string;
  privateKey: string;
  seq: number;
  head: string | null;
  wall: number;
  entries: EncodedEntry[];
}

/**
 * Writes the region. Authors other than this copy's own device are trusted synthetic devices of the other
 * gemeenten; this copy's own gemeente writes with its real key, so its own data stays editable here.
 */
export function generateRegion(db: Db, me: LocalIdentity, seed: number, scale: RegionScale | RegionSize): RegionResult {
  const size = typeof scale === 'string' ? SIZES[scale] : scale;
  const firstYear = size.firstYear;
  const rand = prng(seed);
  // Response times from a stream of their own, so the region itself is the same for a seed as before.
  const responseHours = prng(seed ^ 0x5eed);
  const region = GEMEENTEN.filter((g) => g.region === 'Kennemerland');
  const total = region.reduce((n, g) => n + (INHABITANTS[g.code] ?? 20), 0);
  const authors = new Map<string, Author>();
  const now = Date.now() - 365 * 24 * 3600 * 1000;
  for (const g of region) {
    const device = g.code === me.gemeente ? { publicKey: me.publicKey, privateKey: me.privateKey } : syntheticDevice(g.code, seed);
    const feed = readFeed(db, device.publicKey);
    authors.set(g.code, { gemeente: g.code, ...device, seq: feed?.seq ?? 0, head: feed?.head ?? null, wall: now, entries: [] });
  }
  // `at` stamps an answer some hours after the request it answers (what Rapportage › Samenwerking shows as
  // response time). It does not move the author's clock on: a provider answering many hosts would otherwise
  // run days ahead with every answer, and the region must stay in the past.
  const write: Commit = (gemeente, ops, at) => {
    const a = authors.get(gemeente)!;
    a.wall += 1000;
    const wall = at === undefined ? a.wall : at + (a.seq % 1000);
    const e = encodeEntry({ v: 1, author: a.publicKey, gemeente, seq: a.seq + 1, prev: a.head, hlc: formatHlc({ wall, counter: 0 }), ops });
    a.seq++;
    a.head = e.id;
    a.entries.push(e);
  };
  const result: RegionResult = { gemeenten: region.length, officers: 0, events: 0, shifts: 0, requests: 0, commitments: 0, entries: 0, ops: 0 };

  // Applies what each author wrote so far, as if it had been imported, and lets go of it: a year at a time,
  // so even the stress scale (ten times a region) never holds more than a year of entries in memory.
  const at = new Date().toISOString();
  const flush = () =>
    db.transaction(() => {
      const tally = newTally();
      for (const a of authors.values()) {
        if (a.publicKey !== me.publicKey) {
          stmt(db, 'INSERT OR IGNORE INTO authors (public_key, gemeente, device_label, trusted, is_self, card, added_at, trusted_at) VALUES (?, ?, ?, 1, 0, ?, ?, ?)').run(
            a.publicKey,
            a.gemeente,
            `Voorbeeldlaptop ${a.gemeente}`,
            syntheticCard(a),
            at,
            at,
          );
        }
        applyRun(db, a.entries, tally, at);
        if (a.entries.length && a.publicKey !== me.publicKey) {
          const last = a.entries.at(-1)!;
          const cp = { type: 'regie-checkpoint-v1', author: a.publicKey, seq: last.entry.seq, head: last.id };
          stmt(db, 'UPDATE feeds SET checkpoint_seq = ?, checkpoint_sig = ? WHERE author = ?').run(last.entry.seq, new Signer(a.privateKey).sign(Buffer.from(canonicalJson(cp))), a.publicKey);
        }
        result.entries += a.entries.length;
        result.ops += a.entries.reduce((n, e) => n + e.entry.ops.length, 0);
        a.entries = [];
      }
      if (tally.maxHlc) stmt(db, 'INSERT INTO clock (id, hlc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hlc = max(hlc, excluded.hlc)').run(tally.maxHlc);
    })();

  // Officers, shared out by inhabitants.
  const officers = new Map<string, string[]>();
  for (const g of region) {
    const n = Math.max(3, Math.round((size.officers * (INHABITANTS[g.code] ?? 20)) / total));
    const list: string[] = [];
    for (let i = 0; i < n; i++) {
      const oid = id(g.code, 'of', seed, i);
      list.push(oid);
      if (!size.writeOfficers) continue;
      write(g.code, [officerOp(oid, g.code, { name: personName(rand), akteValidUntil: '2030-06-01', force: ['handboeien', 'wapenstok'], trafficAppointed: null, contractHours: 36 })]);
    }
    officers.set(g.code, list);
    if (size.writeOfficers) result.officers += n;
  }

  // One convenant per year between all nine, signed by each.
  const parties = region.map((g) => g.code);
  const agreements = new Map<number, string>();
  for (let y = 0; y < size.years; y++) {
    const year = firstYear + y;
    const proposer = parties[y % parties.length]!;
    const aid = id(proposer, 'ag', seed, year);
    const terms = convenantTerms(parties, year);
    const hash = contentHash(terms);
    agreements.set(year, aid);
    write(proposer, [{ t: 'agreement.create', id: aid, set: { terms } }]);
    for (const p of parties) {
      write(p, [{ t: 'signature.create', id: signatureId(p, aid), set: { agreement: aid, contentHash: hash, signedAt: new Date(Date.UTC(year - 1, 11, 1)).toISOString(), terminateFrom: null } }]);
    }
  }

  // Events with shifts; per shift the host staffs some itself and asks a neighbour for two more. Officers
  // are taken round-robin per gemeente, skipping whoever is not free then (see region-schedule.ts): a shift
  // nobody can fill stays open, as it would for a coordinator, and koppels are committed two by two.
  flush();
  const cursor = new Map(parties.map((p) => [p, 0]));
  const schedule = new OfficerSchedule();
  const capHours = convenantTerms(parties, firstYear).capHoursPerMonth;
  for (let y = 0; y < size.years; y++) {
    if (y > 0) flush();
    const year = firstYear + y;
    for (let n = 0; n < size.eventsPerYear; n++) {
      const pick = rand() * total;
      let acc = 0;
      const host = region.find((g) => (acc += INHABITANTS[g.code] ?? 20) >= pick)?.code ?? parties[0]!;
      const eid = id(host, 'ev', seed, year * 100000 + n);
      const start = day(year, 60 + Math.floor(rand() * 270));
      const days = rand() < 0.2 ? 2 : 1;
      const slotCount = 1 + Math.floor(rand() * 2);
      const slots = Array.from({ length: slotCount }, (_, k) => SLOTS[(n + k) % SLOTS.length]!);
      const shifts = plannedShifts(start, days, slots).map((t) => ({
        id: id(host, 'sh', seed, (year * 100000 + n) * 10 + t.day * 4 + t.slot),
        start: t.start,
        end: t.end,
        role: 'toezicht' as const,
        needed: 2 * (1 + Math.floor(rand() * 4)),
      }));
      write(
        host,
        eventOps(
          eid,
          {
            name: `${KINDS[n % KINDS.length]} ${year}-${n}`,
            place: `Centrum`,
            risk: (['A', 'B', 'C'] as const)[Math.floor(rand() * 3)]!,
            visitors: 1000 + Math.floor(rand() * 20000),
            status: 'vergund',
          },
          shifts,
        ),
      );
      result.events++;
      result.shifts += shifts.length;
      for (const sh of shifts) {
        // Half the shifts ask a partner for two officers, if that fits the partner's cap for the month.
        const agreement = agreements.get(year)!;
        let partner = rand() < 0.5 ? parties[(parties.indexOf(host) + 1 + Math.floor(rand() * (parties.length - 1))) % parties.length]! : undefined;
        if (partner && !schedule.reserveCap(agreement, partner, sh.start.slice(0, 7), 2 * realMinutes(sh.start, sh.end), capHours)) partner = undefined;
        const asks: { provider: string; count: number }[] = [{ provider: host, count: partner ? sh.needed - 2 : sh.needed }];
        if (partner) asks.push({ provider: partner, count: 2 });
        for (const ask of asks) {
          if (ask.count <= 0) continue;
          const rid = derivedId(host, 'rq', eid, sh.id, ask.provider);
          write(host, [
            {
              t: 'request.create',
              id: rid,
              set: { shift: sh.id, provider: ask.provider, agreement: ask.provider === host ? null : agreement, count: ask.count, note: '', withdrawn: false, approvedBy: null, approvedAt: null },
            },
          ]);
          result.requests++;
          const askedAt = authors.get(host)!.wall;
          const pool = officers.get(ask.provider)!;
          const chosen: string[] = [];
          const first = cursor.get(ask.provider)!;
          for (let tried = 0; tried < pool.length && chosen.length < ask.count; tried++) {
            const oid = pool[(first + tried) % pool.length]!;
            if (!schedule.free(oid, sh.start, sh.end)) continue;
            chosen.push(oid);
            cursor.set(ask.provider, first + tried + 1);
          }
          // In koppels: an odd one out stays home.
          if (chosen.length % 2 === 1) chosen.pop();
          if (chosen.length === 0) continue;
          for (const oid of chosen) schedule.book(oid, sh.start, sh.end);
          write(
            ask.provider,
            chosen.map((oid) => ({
              t: 'commitment.create',
              id: derivedId(ask.provider, 'cm', rid, oid, String(chosen.indexOf(oid))),
              set: { request: rid, officer: oid, withdrawn: false, reasons: {} },
            })),
            // Own officers are assigned at once; a partner answers within an hour to a few days.
            ask.provider === host ? undefined : askedAt + Math.round((0.5 + 72 * responseHours() ** 2) * 3_600_000),
          );
          result.commitments += chosen.length;
        }
      }
    }
  }

  flush();
  return result;
}

function syntheticCard(a: Author): string {
  const card = { type: 'regie-card-v1', publicKey: a.publicKey, gemeente: a.gemeente, deviceLabel: `Voorbeeldlaptop ${a.gemeente}`, created: '2022-12-01T00:00:00.000Z' };
  return canonicalJson({ card, sig: new Signer(a.privateKey).sign(Buffer.from(canonicalJson(card))) });
}
