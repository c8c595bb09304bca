// The settlement (verrekening) of lent officers over a period, per the agreement's model for the provider:
// an hourly tariff with surcharges, or gesloten beurs (hours repaid in kind, netted per gemeente pair).
import { gemeenteName } from '../domain/gemeenten';
import { agreementOf } from '../rules/cap';
import { epochOf, realMinutes } from '../rules/calendar';
import { buildLookups, type PlanLookups } from '../rules/context';
import type { Assignment, PlanView, RuleCode } from '../rules/types';
import { isDutchPublicHoliday } from './holidays';
import { amountCents, categoryMinutes } from './surcharges';
import type { Settlement, SettlementLine, SettlementModel, SettlementNetting, SettlementPair } from './types';

export type { Settlement, SettlementLine, SettlementNetting, SettlementPair } from './types';
export { HolidaysNotLoaded, holidaysLoaded, isDutchPublicHoliday, loadHolidays } from './holidays';

export interface SettleOptions {
  /** Whether a date is a feestdag; defaults to Dutch public holidays plus 5 May every year (see holidays.ts). */
  holidays?: (date: string) => boolean;
  /** Blocking violations per commitment id (from the rules on the merged plan), to mark their lines. */
  blocking?: ReadonlyMap<string, RuleCode[]>;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function line(ctx: PlanLookups, a: Assignment, isHoliday: (date: string) => boolean): SettlementLine {
  const shift = ctx.shifts.get(a.shiftId);
  const event = shift ? ctx.events.get(shift.eventId) : undefined;
  const agreementId = agreementOf(ctx, a);
  const terms = agreementId === null ? undefined : ctx.agreements.get(agreementId)?.providers[a.provider];
  const model: SettlementModel = terms?.model ?? 'none';
  const surcharges = terms?.model === 'tariff' ? terms.surcharges : null;
  const minutes = realMinutes(a.start, a.end);
  const byCategory = categoryMinutes(a.start, a.end, surcharges, isHoliday);
  return {
    commitmentId: a.commitmentId,
    provider: a.provider,
    providerName: gemeenteName(a.provider),
    host: a.host,
    hostName: gemeenteName(a.host),
    officerId: a.officerId,
    officerName: ctx.officers.get(a.officerId)?.name ?? a.officerId,
    shiftId: a.shiftId,
    eventId: shift?.eventId ?? null,
    eventName: event?.name ?? shift?.eventId ?? '',
    agreementId,
    model,
    start: a.start,
    end: a.end,
    minutes,
    hours: minutes / 60,
    categoryMinutes: byCategory,
    hourlyCents: terms?.model === 'tariff' ? terms.hourlyCents : 0,
    surcharges,
    amountCents: terms?.model === 'tariff' ? amountCents(byCategory, terms.hourlyCents, terms.surcharges) : 0,
  };
}

function pairsOf(lines: SettlementLine[]): SettlementPair[] {
  const pairs = new Map<string, SettlementPair>();
  for (const l of lines) {
    const key = `${l.provider}|${l.host}|${l.model}`;
    let p = pairs.get(key);
    if (!p) {
      p = { provider: l.provider, providerName: l.providerName, host: l.host, hostName: l.hostName, model: l.model, lines: 0, minutes: 0, hours: 0, amountCents: 0 };
      pairs.set(key, p);
    }
    p.lines += 1;
    p.minutes += l.minutes;
    p.hours = p.minutes / 60;
    p.amountCents += l.amountCents;
  }
  return [...pairs.values()].sort((x, y) => cmp(x.provider, y.provider) || cmp(x.host, y.host) || cmp(x.model, y.model));
}

/** Gesloten beurs: per unordered pair, the hours each lent the other; the one that received more owes the difference. */
function nettingOf(lines: SettlementLine[]): SettlementNetting[] {
  const pairs = new Map<string, { a: string; b: string; aToB: number; bToA: number }>();
  for (const l of lines) {
    if (l.model !== 'gesloten_beurs') continue;
    const [a, b] = l.provider < l.host ? [l.provider, l.host] : [l.host, l.provider];
    const key = `${a}|${b}`;
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { a, b, aToB: 0, bToA: 0 }));
    if (l.provider === a) p.aToB += l.minutes;
    else p.bToA += l.minutes;
  }
  return [...pairs.values()]
    .sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b))
    .map((p) => {
      const net = p.aToB - p.bToA;
      return {
        a: p.a,
        b: p.b,
        aName: gemeenteName(p.a),
        bName: gemeenteName(p.b),
        aToBHours: p.aToB / 60,
        bToAHours: p.bToA / 60,
        netMinutes: Math.abs(net),
        netHours: Math.abs(net) / 60,
        owedBy: net > 0 ? p.b : net < 0 ? p.a : null,
        owedTo: net > 0 ? p.a : net < 0 ? p.b : null,
      };
    });
}

/**
 * Settlement of every lent assignment (provider != host) whose shift starts on a date within [from, to]
 * (inclusive). Own staffing is not settled. Lines are ordered by start, provider, host, officer.
 */
export function settle(view: PlanView, period: { from: string; to: string }, options: SettleOptions = {}): Settlement {
  const ctx = buildLookups(view);
  const isHoliday = options.holidays ?? isDutchPublicHoliday;
  const lines = ctx.active
    .filter((a) => {
      if (a.provider === a.host) return false;
      const startDate = (ctx.shifts.get(a.shiftId)?.start ?? a.start).slice(0, 10);
      return startDate >= period.from && startDate <= period.to;
    })
    .map((a) => {
      const l = line(ctx, a, isHoliday);
      const codes = options.blocking?.get(a.commitmentId);
      return codes && codes.length > 0 ? { ...l, blocking: codes } : l;
    });
  return settlementOfLines(lines, period);
}

/**
 * The settlement made of its lines (each line depends on its own assignment only): lines in order, pairs,
 * netting and totals. Main keeps lines per commitment and builds a period's settlement from them
 * (main/domain/settlement-queries.ts); `settle` is the same over lines computed on the spot.
 */
export function settlementOfLines(unsorted: SettlementLine[], period: { from: string; to: string }): Settlement {
  // Each start turned into its moment once, not at every comparison.
  const at = new Map<string, number>();
  for (const l of unsorted) if (!at.has(l.start)) at.set(l.start, epochOf(l.start));
  const lines = unsorted.sort(
    (x, y) => at.get(x.start)! - at.get(y.start)! || cmp(x.provider, y.provider) || cmp(x.host, y.host) || cmp(x.officerName, y.officerName) || cmp(x.commitmentId, y.commitmentId),
  );
  const minutes = lines.reduce((sum, l) => sum + l.minutes, 0);
  return {
    period: { from: period.from, to: period.to },
    lines,
    pairs: pairsOf(lines),
    netting: nettingOf(lines),
    totals: { lines: lines.length, minutes, hours: minutes / 60, amountCents: lines.reduce((sum, l) => sum + l.amountCents, 0) },
  };
}
