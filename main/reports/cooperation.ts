// Rapportage › Samenwerking: management information over a period for the region or one gemeente, computed
// from the merged plan and kept per state hash (any accepted entry changes the hash, so a kept report is never
// stale): the first look after a change computes it, every later look is a lookup.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { live } from '../store/live';
import { settlementOf, settlementTotals } from '../domain/settlement-queries';
import { listAgreements } from '../domain/agreements';
import { stateHash } from '../log/state-hash';
import { readStamps } from '../log/stamps';
import { parseHlc } from '../log/hlc';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { RISK_CLASSES, type RiskClass } from '../../shared/domain/event';
import type { CooperationReport, RequestFigures } from '../../shared/reports/cooperation-types';
import type { ReportFile } from '../../shared/reports/types';
import { cooperationCsv, cooperationFileName, cooperationPdf } from './cooperation-files';
import { today } from './handlers';
import { keyedError } from '../../shared/i18n/error-messages';

interface Period {
  from: string;
  to: string;
}

const KEPT_PER_DATABASE = 8;
const kept = new WeakMap<Db, Map<string, CooperationReport>>();

const endOf = (to: string) => `${to}T24:00`;
const wallOf = (stampText: string | null | undefined, field: string): number | undefined => {
  if (!stampText) return undefined;
  const s = readStamps(stampText)[field];
  return s ? parseHlc(s.split(' ')[0]!)?.wall : undefined;
};
const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

interface RequestRow {
  id: string;
  host: string;
  provider: string;
  withdrawn: number;
  stamps: string;
  declined: number | null;
  rs_stamps: string | null;
}

function requestFigures(db: Db, period: Period, involves: (code: string) => boolean): RequestFigures[] {
  const rows = stmt(
    db,
    `SELECT r.id, r.host, r.provider, r.withdrawn, r.stamps, rs.declined, rs.stamps AS rs_stamps
     FROM shifts s JOIN requests r ON r.shift_id = s.id AND r.created = 1 AND r.provider != r.host
     LEFT JOIN responses rs ON rs.request_id = r.id AND rs.created = 1
     WHERE s.created = 1 AND s.starts_at >= ? AND s.starts_at < ?`,
  ).all(period.from, endOf(period.to)) as RequestRow[];
  const firstCommit = new Map<string, number>();
  const commits = stmt(
    db,
    `SELECT c.request_id, c.stamps FROM shifts s JOIN requests r ON r.shift_id = s.id AND r.created = 1 AND r.provider != r.host
     JOIN commitments c ON c.request_id = r.id AND c.created = 1
     WHERE s.created = 1 AND s.starts_at >= ? AND s.starts_at < ?`,
  ).all(period.from, endOf(period.to)) as { request_id: string; stamps: string }[];
  for (const c of commits) {
    const w = wallOf(c.stamps, 'officer');
    if (w !== undefined && w < (firstCommit.get(c.request_id) ?? Infinity)) firstCommit.set(c.request_id, w);
  }
  const by = new Map<string, RequestFigures & { times: number[] }>();
  for (const r of rows) {
    if (!involves(r.host) && !involves(r.provider)) continue;
    const key = `${r.host}|${r.provider}`;
    let f = by.get(key);
    if (!f) {
      f = {
        host: r.host,
        hostName: gemeenteName(r.host),
        provider: r.provider,
        providerName: gemeenteName(r.provider),
        made: 0,
        answered: 0,
        declined: 0,
        withdrawn: 0,
        open: 0,
        medianResponseHours: null,
        averageResponseHours: null,
        times: [],
      };
      by.set(key, f);
    }
    f.made++;
    const asked = wallOf(r.stamps, 'shift');
    const committed = firstCommit.get(r.id);
    const refused = r.declined === 1 ? wallOf(r.rs_stamps, 'declined') : undefined;
    const answeredAt = Math.min(committed ?? Infinity, refused ?? Infinity);
    if (r.declined === 1) f.declined++;
    else if (committed !== undefined) f.answered++;
    else if (r.withdrawn === 1) f.withdrawn++;
    else f.open++;
    if (asked !== undefined && answeredAt !== Infinity) f.times.push(Math.max(0, answeredAt - asked) / 3_600_000);
  }
  return [...by.values()]
    .map(({ times, ...f }) => ({ ...f, medianResponseHours: round1(median(times)), averageResponseHours: round1(times.length ? times.reduce((s, t) => s + t, 0) / times.length : null) }))
    .sort((x, y) => (x.hostName + x.providerName < y.hostName + y.providerName ? -1 : 1));
}

function staffingOf(db: Db, period: Period, involves: (code: string) => boolean): CooperationReport['staffing'] {
  const rows = stmt(
    db,
    `SELECT s.host, s.needed,
       (SELECT count(*) FROM requests r JOIN commitments c ON c.request_id = r.id AND ${live.commitment()}
        WHERE r.shift_id = s.id AND ${live.request()}) AS staffed
     FROM shifts s JOIN events e ON e.id = s.event_id AND ${live.event()}
     WHERE ${live.shift()} AND s.starts_at >= ? AND s.starts_at < ?`,
  ).all(period.from, endOf(period.to)) as { host: string; needed: number; staffed: number }[];
  const by = new Map<string, CooperationReport['staffing'][number]>();
  for (const r of rows) {
    if (!involves(r.host)) continue;
    let s = by.get(r.host);
    if (!s) by.set(r.host, (s = { host: r.host, hostName: gemeenteName(r.host), shifts: 0, full: 0, short: 0, needed: 0, staffed: 0 }));
    s.shifts++;
    s.needed += r.needed;
    s.staffed += Math.min(r.staffed, r.needed);
    if (r.staffed >= r.needed) s.full++;
    else s.short++;
  }
  return [...by.values()].sort((x, y) => (x.hostName < y.hostName ? -1 : 1));
}

function yearsOf(db: Db, until: number): number[] {
  const row = stmt(db, 'SELECT min(starts_at) AS lo FROM shifts WHERE created = 1').get() as { lo: string | null };
  const first = row.lo ? Math.max(Number(row.lo.slice(0, 4)), until - 9) : until;
  const out: number[] = [];
  for (let y = Math.min(first, until); y <= until; y++) out.push(y);
  return out;
}

function compute(db: Db, period: Period, gemeente: string | undefined): CooperationReport {
  const involves = (code: string) => gemeente === undefined || code === gemeente;
  const lines = settlementOf(db, period).lines.filter((l) => involves(l.provider) || involves(l.host));
  const matrix = new Map<string, CooperationReport['matrix'][number]>();
  const balance = new Map<string, CooperationReport['balance'][number]>();
  const bal = (code: string) => {
    let b = balance.get(code);
    if (!b) balance.set(code, (b = { gemeente: code, name: gemeenteName(code), givenMinutes: 0, receivedMinutes: 0, netMinutes: 0 }));
    return b;
  };
  const events = new Map<string, CooperationReport['events'][number]>();
  for (const l of lines) {
    const key = `${l.provider}|${l.host}`;
    const m = matrix.get(key) ?? { provider: l.provider, host: l.host, minutes: 0, amountCents: 0 };
    m.minutes += l.minutes;
    m.amountCents += l.amountCents;
    matrix.set(key, m);
    bal(l.provider).givenMinutes += l.minutes;
    bal(l.host).receivedMinutes += l.minutes;
    if (l.eventId) {
      const e = events.get(l.eventId) ?? { eventId: l.eventId, name: l.eventName, host: l.host, hostName: l.hostName, risk: null, minutes: 0, amountCents: 0 };
      e.minutes += l.minutes;
      e.amountCents += l.amountCents;
      events.set(l.eventId, e);
    }
  }
  for (const b of balance.values()) b.netMinutes = b.givenMinutes - b.receivedMinutes;
  const risks = stmt(db, 'SELECT id, risk FROM events WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...events.keys()])) as { id: string; risk: RiskClass }[];
  for (const r of risks) events.get(r.id)!.risk = r.risk;
  const byRisk = RISK_CLASSES.map((risk) => {
    const of = [...events.values()].filter((e) => e.risk === risk);
    return { risk, events: of.length, minutes: of.reduce((s, e) => s + e.minutes, 0), amountCents: of.reduce((s, e) => s + e.amountCents, 0) };
  });

  const agreements = new Map(listAgreements(db).map((a) => [a.id, a]));
  const caps = new Map<string, { agreementId: string; provider: string; byMonth: Map<string, number> }>();
  for (const l of lines) {
    if (!l.agreementId || !agreements.has(l.agreementId)) continue;
    const key = `${l.agreementId}|${l.provider}`;
    const c = caps.get(key) ?? { agreementId: l.agreementId, provider: l.provider, byMonth: new Map<string, number>() };
    const month = l.start.slice(0, 7);
    c.byMonth.set(month, (c.byMonth.get(month) ?? 0) + l.minutes);
    caps.set(key, c);
  }
  const capRows = [...caps.values()]
    .map((c) => {
      const a = agreements.get(c.agreementId)!;
      const capMinutes = a.capHoursPerMonth * 60;
      const months = [...c.byMonth.values()];
      return {
        agreementId: c.agreementId,
        title: a.title,
        provider: c.provider,
        providerName: gemeenteName(c.provider),
        capHoursPerMonth: a.capHoursPerMonth,
        months: months.length,
        minutes: months.reduce((s, m) => s + m, 0),
        highestMonthPercent: capMinutes === 0 ? 100 : Math.round((Math.max(...months) / capMinutes) * 100),
        monthsOver: months.filter((m) => m > capMinutes).length,
      };
    })
    .sort((x, y) => (x.title + x.providerName < y.title + y.providerName ? -1 : 1));

  const until = Number(period.to.slice(0, 4));
  // Per year: summed in SQL from the kept lines and the requests, so ten years are never in memory at once.
  const trend = yearsOf(db, until).map((year) => {
    const yp = { from: `${year}-01-01`, to: `${year}-12-31` };
    const sums = settlementTotals(db, yp, gemeente);
    const counts = stmt(
      db,
      `SELECT count(*) AS requests, coalesce(sum(rs.declined = 1), 0) AS declined
       FROM shifts s JOIN requests r ON r.shift_id = s.id AND r.created = 1 AND r.provider != r.host
       LEFT JOIN responses rs ON rs.request_id = r.id AND rs.created = 1
       WHERE s.created = 1 AND s.starts_at >= :from AND s.starts_at < :to AND (:gemeente IS NULL OR r.host = :gemeente OR r.provider = :gemeente)`,
    ).get({ from: yp.from, to: endOf(yp.to), gemeente: gemeente ?? null }) as { requests: number; declined: number };
    return { year, minutes: sums.minutes, amountCents: sums.amountCents, requests: counts.requests, declined: counts.declined };
  });

  const requests = requestFigures(db, period, involves);
  const times = requests.filter((r) => r.medianResponseHours !== null);
  const codes = [...new Set([...matrix.values()].flatMap((m) => [m.provider, m.host]))];
  return {
    period: { from: period.from, to: period.to },
    gemeente: gemeente ?? null,
    gemeenteName: gemeente ? gemeenteName(gemeente) : null,
    stateHash: stateHash(db),
    gemeenten: codes.map((code) => ({ code, name: gemeenteName(code) })).sort((x, y) => (x.name < y.name ? -1 : 1)),
    matrix: [...matrix.values()].sort((x, y) => (x.provider + x.host < y.provider + y.host ? -1 : 1)),
    balance: [...balance.values()].sort((x, y) => (x.name < y.name ? -1 : 1)),
    requests,
    requestTotals: {
      made: requests.reduce((s, r) => s + r.made, 0),
      answered: requests.reduce((s, r) => s + r.answered, 0),
      declined: requests.reduce((s, r) => s + r.declined, 0),
      withdrawn: requests.reduce((s, r) => s + r.withdrawn, 0),
      open: requests.reduce((s, r) => s + r.open, 0),
      medianResponseHours: round1(median(times.map((r) => r.medianResponseHours!))),
      averageResponseHours: times.length
        ? round1(
            times.reduce((s, r) => s + r.averageResponseHours! * (r.answered + r.declined), 0) /
              Math.max(
                1,
                times.reduce((s, r) => s + r.answered + r.declined, 0),
              ),
          )
        : null,
    },
    staffing: staffingOf(db, period, involves),
    caps: capRows,
    events: [...events.values()].sort((x, y) => y.amountCents - x.amountCents || y.minutes - x.minutes || (x.name < y.name ? -1 : 1)),
    byRisk,
    trend,
    totals: { minutes: lines.reduce((s, l) => s + l.minutes, 0), amountCents: lines.reduce((s, l) => s + l.amountCents, 0) },
  };
}

export function cooperationReport(db: Db, period: Period, gemeente?: string): CooperationReport {
  if (period.to < period.from) throw keyedError('invalid_argument', 'period.end_before_start', {}, [{ path: 'to', key: 'field.date.invalid' }]);
  const key = `${stateHash(db)}|${period.from}|${period.to}|${gemeente ?? ''}`;
  let byKey = kept.get(db);
  if (!byKey) kept.set(db, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const report = compute(db, period, gemeente);
  byKey.set(key, report);
  if (byKey.size > KEPT_PER_DATABASE) byKey.delete(byKey.keys().next().value!);
  return report;
}

export async function cooperationFile(db: Db, period: Period, gemeente: string | undefined, format: 'csv' | 'pdf'): Promise<ReportFile> {
  const r = cooperationReport(db, period, gemeente);
  const bytes = format === 'csv' ? cooperationCsv(r) : await cooperationPdf(r, today());
  return { fileName: cooperationFileName(r, format), mimeType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf', base64: bytes.toString('base64'), bytes: bytes.length };
}
