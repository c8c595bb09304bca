// The settlement statement as CSV (for the financial department's spreadsheet) and as PDF (to sign off and
// file). Both carry the period, the pair, and the state hash the figures were computed from.
import { describePeriod, dutchDate } from '../../shared/reports/period';
import type { SettlementStatement } from '../../shared/reports/types';
import type { SettlementLine } from '../../shared/settlement/types';
import { csvBytes, decimal, euros, hoursCell, type Cell } from './csv';
import { groupedHash, hours2, MODEL_LABEL, money2, shiftTime, slug } from '../../shared/reports/format';
import { facts, finish, heading, newPdf, paragraph, table, title } from './pdf';
import { figure, SHIFT_HEADER, shiftCells, tableSection, text } from './report-parts';

export function pairLabel(s: SettlementStatement): string {
  return s.pair ? `${s.pair.aName} – ${s.pair.bName}` : 'alle gemeenten';
}

export function settlementFileName(s: SettlementStatement, extension: 'csv' | 'pdf'): string {
  const who = s.pair ? `${slug(s.pair.aName)}-${slug(s.pair.bName)}` : 'alle-gemeenten';
  return `verrekening-${who}-${s.settlement.period.from}-${s.settlement.period.to}.${extension}`;
}

function surchargeText(l: SettlementLine): string {
  const parts: string[] = [];
  const names = { evening: 'avond', night: 'nacht', weekend: 'weekend', holiday: 'feestdag' } as const;
  for (const c of ['evening', 'night', 'weekend', 'holiday'] as const) {
    if (l.categoryMinutes[c] > 0) parts.push(`${names[c]} ${hours2(l.categoryMinutes[c])} u${l.surcharges ? ` +${l.surcharges[c]}%` : ''}`);
  }
  return parts.join(', ');
}

export function settlementCsv(s: SettlementStatement): Buffer {
  const { settlement: st } = s;
  const rows: Cell[][] = [
    ['Verrekening', 'Regie'],
    ['Periode', describePeriod(st.period)],
    ['Van', dutchDate(st.period.from)],
    ['Tot en met', dutchDate(st.period.to)],
    ['Gemeentepaar', pairLabel(s)],
    ['Opgesteld door', s.ownName],
    ['Controlegetal planning', s.stateHash],
    [],
    [...SHIFT_HEADER, 'Basis (uren)', 'Avond (uren)', 'Nacht (uren)', 'Weekend (uren)', 'Feestdag (uren)', 'Tarief per uur (EUR)', 'Avond %', 'Nacht %', 'Weekend %', 'Feestdag %', 'Bedrag (EUR)'],
  ];
  for (const l of st.lines) {
    const c = l.categoryMinutes;
    rows.push([
      ...shiftCells(l, l.providerName, l.hostName),
      hoursCell(c.base),
      hoursCell(c.evening),
      hoursCell(c.night),
      hoursCell(c.weekend),
      hoursCell(c.holiday),
      l.model === 'tariff' ? euros(l.hourlyCents) : null,
      l.surcharges?.evening ?? null,
      l.surcharges?.night ?? null,
      l.surcharges?.weekend ?? null,
      l.surcharges?.holiday ?? null,
      euros(l.amountCents),
    ]);
  }
  rows.push([], ['Leverancier', 'Ontvanger', 'Model', 'Diensten', 'Uren', 'Bedrag (EUR)']);
  for (const p of st.pairs) rows.push([p.providerName, p.hostName, MODEL_LABEL[p.model], p.lines, hoursCell(p.minutes), euros(p.amountCents)]);
  rows.push(['Totaal', null, null, st.totals.lines, hoursCell(st.totals.minutes), euros(st.totals.amountCents)]);
  if (st.netting.length > 0) {
    rows.push([], ['Gesloten beurs: gemeente A', 'Gemeente B', 'A aan B (uren)', 'B aan A (uren)', 'Saldo (uren)', 'Verschuldigd door', 'Aan']);
    for (const n of st.netting) {
      rows.push([
        n.aName,
        n.bName,
        decimal(n.aToBHours, 2),
        decimal(n.bToAHours, 2),
        hoursCell(n.netMinutes),
        n.owedBy ? (n.owedBy === n.a ? n.aName : n.bName) : 'gelijk',
        n.owedTo ? (n.owedTo === n.a ? n.aName : n.bName) : null,
      ]);
    }
  }
  return csvBytes(rows);
}

export async function settlementPdf(s: SettlementStatement, createdOn: string): Promise<Buffer> {
  const { settlement: st } = s;
  const doc = await newPdf({ title: `Verrekening ${pairLabel(s)}`, subject: describePeriod(st.period), author: `Gemeente ${s.ownName}`, landscape: true });
  title(doc, 'Verrekening inzet handhavers', `${describePeriod(st.period)} · ${s.pair ? `gemeentepaar ${pairLabel(s)}` : 'alle gemeenten'}`);
  facts(doc, [
    { label: 'Opgesteld door', value: `Gemeente ${s.ownName}, op ${dutchDate(createdOn)}` },
    { label: 'Controlegetal planning', value: groupedHash(s.stateHash), mono: true },
  ]);
  paragraph(
    doc,
    'De cijfers komen uit de ondertekende wijzigingen van alle partners. Elke kopie van Regie die dezelfde wijzigingen heeft ingelezen, toont hetzelfde controlegetal en dezelfde bedragen: vergelijk het controlegetal met dat van uw partner.',
  );

  const pairRows = st.pairs.map((p) => [p.providerName, p.hostName, MODEL_LABEL[p.model], String(p.lines), hours2(p.minutes), p.model === 'tariff' ? money2(p.amountCents) : '–']);
  pairRows.push(['Totaal', '', '', String(st.totals.lines), hours2(st.totals.minutes), money2(st.totals.amountCents)]);
  tableSection(doc, 'Totalen per leverancier en ontvanger', {
    columns: [text('Leverancier', 3), text('Ontvanger', 3), text('Model', 2), figure('Diensten', 1.2), figure('Uren', 1.4), figure('Bedrag', 2)],
    rows: pairRows,
    emphasise: (_r, i) => i === pairRows.length - 1,
    size: 10,
  });
  if (st.lines.length === 0) paragraph(doc, 'In deze periode zijn geen handhavers aan een andere gemeente uitgeleend.', { size: 10 });

  if (st.netting.length > 0) {
    tableSection(doc, 'Gesloten beurs: saldo in uren', {
      columns: [text('Gemeenten', 4), figure('A leende B', 2), figure('B leende A', 2), figure('Saldo', 1.5), text('Uitkomst', 5)],
      rows: st.netting.map((n) => {
        const name = (code: string | null) => (code === n.a ? n.aName : n.bName);
        return [
          `A ${n.aName} – B ${n.bName}`,
          hours2(n.aToBHours * 60),
          hours2(n.bToAHours * 60),
          hours2(n.netMinutes),
          n.owedBy ? `${name(n.owedBy)} is ${hours2(n.netMinutes)} uur inzet verschuldigd aan ${name(n.owedTo)}` : 'Gelijk: niemand is iets verschuldigd',
        ];
      }),
      size: 10,
    });
  }

  if (st.lines.length > 0) {
    heading(doc, 'Diensten');
    paragraph(doc, 'Toeslagen stapelen niet: per minuut geldt alleen de hoogste toeslag (avond 18–22, nacht 22–06, weekend, feestdag). Uren zijn werkelijke uren, ook in de nacht van de wintertijd.');
    table(
      doc,
      [text('Dienst', 3.2), text('Evenement', 3), text('Handhaver', 2.6), text('Geleend door, aan', 3), figure('Uren', 1), text('Toeslagen', 3.6), figure('Tarief', 1.4), figure('Bedrag', 1.6)],
      st.lines.map((l) => [
        shiftTime(l.start, l.end),
        l.eventName,
        l.officerName,
        `${l.providerName} aan ${l.hostName}`,
        hours2(l.minutes),
        l.model === 'tariff' ? surchargeText(l) || 'geen' : MODEL_LABEL[l.model],
        l.model === 'tariff' ? money2(l.hourlyCents) : '–',
        l.model === 'tariff' ? money2(l.amountCents) : '–',
      ]),
      { size: 8 },
    );
  }
  return finish(doc, `Regie · verrekening ${pairLabel(s)} · ${dutchDate(st.period.from)} t/m ${dutchDate(st.period.to)} · controlegetal ${s.stateHash.slice(0, 16)}…`);
}
