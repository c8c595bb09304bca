// Hours for Rapportage: per own officer, per event and per gemeente; each agreement's use against its cap
// per provider and month; and hours and settled amounts over time for the charts.
import { buildContext } from '../../shared/rules/context';
import { agreementOf } from '../../shared/rules/cap';
import { addDays, isoWeek, mondayOf, realMinutes } from '../../shared/rules/calendar';
import { gemeenteName } from '../../shared/domain/gemeenten';
import type { PlanView } from '../../shared/rules/types';
import type { Settlement } from '../../shared/settlement/types';
import type { Period } from '../../shared/reports/period';
import type { CapUse, EventHours, GemeenteHours, HoursReport, HoursSeries, OfficerHours } from '../../shared/reports/types';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

function monthsOf(period: Period): string[] {
  const out: string[] = [];
  for (let m = period.from.slice(0, 7); m <= period.to.slice(0, 7);) {
    out.push(m);
    const [y, mm] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  return out;
}

/** Buckets for the chart: ISO weeks for a period of up to 31 days, calendar months otherwise. */
export function bucketsOf(period: Period): Pick<HoursSeries, 'unit' | 'buckets'> & { keyOf: (date: string) => string } {
  const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
  if (days <= 31) {
    const buckets: HoursSeries['buckets'] = [];
    for (let monday = mondayOf(period.from); monday <= period.to; monday = addDays(monday, 7)) {
      const w = isoWeek(monday);
      const sunday = addDays(monday, 6);
      buckets.push({ key: `${w.year}-W${String(w.week).padStart(2, '0')}`, from: monday < period.from ? period.from : monday, to: sunday > period.to ? period.to : sunday });
    }
    return {
      unit: 'week',
      buckets,
      keyOf: (date) => {
        const w = isoWeek(date);
        return `${w.year}-W${String(w.week).padStart(2, '0')}`;
      },
    };
  }
  const buckets = monthsOf(period).map((m) => {
    const from = `${m}-01`;
    const last = `${m}-${String(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;
    return { key: m, from: from < period.from ? period.from : from, to: last > period.to ? period.to : last };
  });
  return { unit: 'month', buckets, keyOf: (date) => date.slice(0, 7) };
}

/**
 * The hours report of a period: assignments whose shift starts within [from, to], as in the settlement.
 * `settlement` is settle() of the same view and period; its lines give the amounts over time.
 */
export function hoursReport(view: PlanView, period: Period, own: string, stateHash: string, settlement: Settlement): HoursReport {
  const ctx = buildContext(view);
  const inPeriod = ctx.active.filter((a) => {
    const date = (ctx.shifts.get(a.shiftId)?.start ?? a.start).slice(0, 10);
    return date >= period.from && date <= period.to;
  });

  const officers = new Map<string, OfficerHours>();
  const events = new Map<string, EventHours & { shiftIds: Set<string> }>();
  const gemeenten = new Map<string, GemeenteHours>();
  const gemeente = (code: string) => getOr(gemeenten, code, () => ({ gemeente: code, name: gemeenteName(code), ownMinutes: 0, providedMinutes: 0, receivedMinutes: 0 }));
  const { unit, buckets, keyOf } = bucketsOf(period);
  const bucketIndex = new Map(buckets.map((b, i) => [b.key, i]));
  const series = new Map<string, number[]>();
  let minutesTotal = 0;

  for (const a of inPeriod) {
    const minutes = realMinutes(a.start, a.end);
    minutesTotal += minutes;
    const lent = a.provider !== a.host;
    if (a.provider === own) {
      const o = getOr(officers, a.officerId, () => ({ officerId: a.officerId, name: ctx.officers.get(a.officerId)?.name ?? a.officerId, shifts: 0, minutes: 0, ownMinutes: 0, lentMinutes: 0 }));
      o.shifts += 1;
      o.minutes += minutes;
      if (lent) o.lentMinutes += minutes;
      else o.ownMinutes += minutes;
    }
    const shift = ctx.shifts.get(a.shiftId);
    const eventId = shift?.eventId ?? a.shiftId;
    const event = ctx.events.get(eventId);
    const e = getOr(events, eventId, () => ({
      eventId,
      name: event?.name ?? eventId,
      host: a.host,
      hostName: gemeenteName(a.host),
      shifts: 0,
      assignments: 0,
      minutes: 0,
      hostMinutes: 0,
      partnerMinutes: 0,
      shiftIds: new Set<string>(),
    }));
    e.shiftIds.add(a.shiftId);
    e.assignments += 1;
    e.minutes += minutes;
    if (lent) e.partnerMinutes += minutes;
    else e.hostMinutes += minutes;
    if (lent) {
      gemeente(a.provider).providedMinutes += minutes;
      gemeente(a.host).receivedMinutes += minutes;
    } else gemeente(a.host).ownMinutes += minutes;
    const i = bucketIndex.get(keyOf(a.start.slice(0, 10)));
    if (i !== undefined) getOr(series, a.provider, () => buckets.map(() => 0))[i]! += minutes;
  }

  const amountCents = buckets.map(() => 0);
  for (const l of settlement.lines) {
    const i = bucketIndex.get(keyOf(l.start.slice(0, 10)));
    if (i !== undefined) amountCents[i]! += l.amountCents;
  }

  // Cap use, counted as rule 7 counts it (shared/rules/cap): lent hours per agreement, provider and the month
  // the assignment starts in. One pass over the plan instead of capUse() per agreement, provider and month.
  const months = new Set(monthsOf(period));
  const used = new Map<string, { agreementId: string; provider: string; month: string; minutes: number }>();
  for (const a of ctx.active) {
    const month = a.start.slice(0, 7);
    if (a.provider === a.host || !months.has(month)) continue;
    const agreementId = agreementOf(ctx, a);
    if (agreementId === null) continue;
    getOr(used, `${agreementId}|${a.provider}|${month}`, () => ({ agreementId, provider: a.provider, month, minutes: 0 })).minutes += realMinutes(a.start, a.end);
  }
  const caps: CapUse[] = [];
  for (const u of used.values()) {
    const agreement = ctx.agreements.get(u.agreementId);
    if (!agreement) continue;
    const capMinutes = agreement.capHoursPerMonth * 60;
    caps.push({
      agreementId: u.agreementId,
      title: agreement.title,
      provider: u.provider,
      providerName: gemeenteName(u.provider),
      month: u.month,
      minutes: u.minutes,
      capHours: agreement.capHoursPerMonth,
      percent: capMinutes === 0 ? 100 : Math.round((u.minutes / capMinutes) * 100),
      over: u.minutes > capMinutes,
    });
  }
  caps.sort((x, y) => cmp(x.title, y.title) || cmp(x.providerName, y.providerName) || cmp(x.month, y.month));

  return {
    period: { from: period.from, to: period.to },
    own,
    ownName: gemeenteName(own),
    stateHash,
    officers: [...officers.values()].sort((x, y) => y.minutes - x.minutes || cmp(x.name, y.name)),
    events: [...events.values()].map(({ shiftIds, ...e }) => ({ ...e, shifts: shiftIds.size })).sort((x, y) => y.minutes - x.minutes || cmp(x.name, y.name)),
    gemeenten: [...gemeenten.values()].sort((x, y) => cmp(x.name, y.name)),
    caps,
    series: {
      unit,
      buckets,
      byGemeente: [...series.entries()].map(([code, minutes]) => ({ gemeente: code, name: gemeenteName(code), minutes })).sort((x, y) => cmp(x.name, y.name)),
      amountCents,
    },
    totals: { assignments: inPeriod.length, minutes: minutesTotal },
  };
}
