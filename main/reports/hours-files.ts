// The hours report as CSV: per own officer, per event, per gemeente, and each agreement's use against its cap.
import { describePeriod, dutchDate } from '../../shared/reports/period';
import type { HoursReport } from '../../shared/reports/types';
import { csvBytes, decimal, type Cell } from './csv';

const h = (minutes: number) => decimal(minutes / 60, 2);

export function hoursFileName(r: HoursReport): string {
  return `uren-${r.period.from}-${r.period.to}.csv`;
}

export function hoursCsv(r: HoursReport): Buffer {
  const rows: Cell[][] = [
    ['Uren', 'Regie'],
    ['Periode', describePeriod(r.period)],
    ['Van', dutchDate(r.period.from)],
    ['Tot en met', dutchDate(r.period.to)],
    ['Gemeente', r.ownName],
    ['Controlegetal planning', r.stateHash],
    [],
    [`Handhavers van ${r.ownName}`, 'Diensten', 'Uren', 'Eigen evenementen (uren)', 'Uitgeleend (uren)'],
    ...r.officers.map((o) => [o.name, o.shifts, h(o.minutes), h(o.ownMinutes), h(o.lentMinutes)]),
    [],
    ['Evenement', 'Gemeente', 'Diensten', 'Inzetten', 'Uren', 'Eigen handhavers (uren)', 'Partners (uren)'],
    ...r.events.map((e) => [e.name, e.hostName, e.shifts, e.assignments, h(e.minutes), h(e.hostMinutes), h(e.partnerMinutes)]),
    [],
    ['Gemeente', 'Eigen inzet (uren)', 'Uitgeleend (uren)', 'Ontvangen (uren)'],
    ...r.gemeenten.map((g) => [g.name, h(g.ownMinutes), h(g.providedMinutes), h(g.receivedMinutes)]),
    [],
    ['Afspraak', 'Leverancier', 'Maand', 'Uren', 'Maximum (uren)', 'Gebruikt %', 'Boven maximum'],
    ...r.caps.map((c) => [c.title, c.providerName, c.month, h(c.minutes), c.capHours, c.percent, c.over ? 'ja' : 'nee']),
    [],
    ['Totaal inzetten', r.totals.assignments],
    ['Totaal uren', h(r.totals.minutes)],
  ];
  return csvBytes(rows);
}
