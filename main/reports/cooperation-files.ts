// "Verantwoording aan de raad": the management information of the samenwerking as one PDF (every chart with
// a table of the same figures) and as CSV for the financial department's spreadsheet.
import { describePeriod, dutchDate } from '../../shared/reports/period';
import type { CooperationReport } from '../../shared/reports/cooperation-types';
import { csvBytes, decimal, euros, hoursCell, type Cell } from './csv';
import { groupedHash, hours2, money2, slug } from '../../shared/reports/format';
import { FONT, facts, finish, heading, newPdf, paragraph, table, title, type Pdf } from './pdf';
import { figure, tableSection, text, type Section } from './report-parts';

const scopeName = (r: CooperationReport) => (r.gemeenteName ? `gemeente ${r.gemeenteName}` : 'de hele regio');

export function cooperationFileName(r: CooperationReport, extension: 'csv' | 'pdf'): string {
  return `samenwerking-${r.gemeenteName ? slug(r.gemeenteName) : 'regio'}-${r.period.from}-${r.period.to}.${extension}`;
}

const nameOf = (r: CooperationReport, code: string) => r.gemeenten.find((g) => g.code === code)?.name ?? code;

export function cooperationCsv(r: CooperationReport): Buffer {
  const rows: Cell[][] = [
    ['Verantwoording samenwerking', 'Regie'],
    ['Periode', describePeriod(r.period)],
    ['Voor', scopeName(r)],
    ['Controlegetal planning', r.stateHash],
    [],
    ['Uren geleend: leverancier', 'Ontvanger', 'Uren', 'Kosten (EUR)'],
    ...r.matrix.map((m): Cell[] => [nameOf(r, m.provider), nameOf(r, m.host), hoursCell(m.minutes), euros(m.amountCents)]),
    [],
    ['Gemeente', 'Gegeven (uren)', 'Ontvangen (uren)', 'Saldo (uren)'],
    ...r.balance.map((b): Cell[] => [b.name, hoursCell(b.givenMinutes), hoursCell(b.receivedMinutes), hoursCell(b.netMinutes)]),
    [],
    ['Verzoeken: vragende gemeente', 'Gevraagde gemeente', 'Gedaan', 'Beantwoord met inzet', 'Afgewezen', 'Ingetrokken', 'Open', 'Mediane reactietijd (uren)', 'Gemiddelde reactietijd (uren)'],
    ...r.requests.map((q): Cell[] => [q.hostName, q.providerName, q.made, q.answered, q.declined, q.withdrawn, q.open, q.medianResponseHours, q.averageResponseHours]),
    [
      'Totaal',
      null,
      r.requestTotals.made,
      r.requestTotals.answered,
      r.requestTotals.declined,
      r.requestTotals.withdrawn,
      r.requestTotals.open,
      r.requestTotals.medianResponseHours,
      r.requestTotals.averageResponseHours,
    ],
    [],
    ['Bezetting: gemeente', 'Diensten', 'Volledig bezet', 'Onderbezet', 'Nodig (handhavers)', 'Ingezet (handhavers)'],
    ...r.staffing.map((s): Cell[] => [s.hostName, s.shifts, s.full, s.short, s.needed, s.staffed]),
    [],
    ['Afspraak', 'Leverancier', 'Maximum per maand (uren)', 'Maanden met inzet', 'Uren', 'Hoogste maand (% van maximum)', 'Maanden boven maximum'],
    ...r.caps.map((c): Cell[] => [c.title, c.providerName, c.capHoursPerMonth, c.months, hoursCell(c.minutes), c.highestMonthPercent, c.monthsOver]),
    [],
    ['Risicoklasse', 'Evenementen', 'Uren', 'Kosten (EUR)'],
    ...r.byRisk.map((k): Cell[] => [k.risk, k.events, hoursCell(k.minutes), euros(k.amountCents)]),
    [],
    ['Evenement', 'Gastgemeente', 'Risicoklasse', 'Uren', 'Kosten (EUR)'],
    ...r.events.map((e): Cell[] => [e.name, e.hostName, e.risk, hoursCell(e.minutes), euros(e.amountCents)]),
    [],
    ['Jaar', 'Uren geleend', 'Kosten (EUR)', 'Verzoeken', 'Afgewezen'],
    ...r.trend.map((t): Cell[] => [t.year, hoursCell(t.minutes), euros(t.amountCents), t.requests, t.declined]),
  ];
  return csvBytes(rows);
}

const BAR = '#154273';
const BAR_ALT = '#b35c00';
const INK = '#1c1c1c';

interface Bar {
  label: string;
  values: number[];
  text: string;
}

/** Horizontal bars, one or two series per row, with the value written at the end of each bar. */
function bars(doc: Pdf, rows: Bar[], legend?: string[]): void {
  if (rows.length === 0) return;
  const x0 = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const labelWidth = 170;
  const textWidth = 120;
  const barMax = width - labelWidth - textWidth;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const series = rows[0]!.values.length;
  const rowHeight = series === 1 ? 14 : 20;
  if (doc.y + rowHeight * Math.min(rows.length, 4) > doc.page.height - doc.page.margins.bottom) doc.addPage();
  if (legend) {
    let lx = x0 + labelWidth;
    legend.forEach((l, i) => {
      doc.rect(lx, doc.y + 2, 8, 8).fill(i === 0 ? BAR : BAR_ALT);
      doc
        .font(FONT)
        .fontSize(8)
        .fillColor(INK)
        .text(l, lx + 12, doc.y, { lineBreak: false });
      lx += 12 + doc.widthOfString(l) + 16;
    });
    doc.y += 14;
  }
  for (const r of rows) {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(INK)
      .text(r.label, x0, y + (rowHeight - 9) / 2, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    const h = series === 1 ? 10 : 8;
    r.values.forEach((v, i) => {
      const w = Math.max(v > 0 ? 1 : 0, (v / max) * barMax);
      if (w > 0) doc.rect(x0 + labelWidth, y + 2 + i * (h + 1), w, h).fill(i === 0 ? BAR : BAR_ALT);
    });
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(INK)
      .text(r.text, x0 + labelWidth + barMax + 4, y + (rowHeight - 9) / 2, { width: textWidth - 4, lineBreak: false });
    doc.y = y + rowHeight;
  }
  doc.x = x0;
  doc.moveDown(0.5);
}

/** A heading, a bar chart, and under it the table of the same figures. */
function chartSection(doc: Pdf, title: string, chart: { bars: Bar[]; legend?: string[] }, figures: Section): void {
  heading(doc, title);
  bars(doc, chart.bars, chart.legend);
  table(doc, figures.columns, figures.rows, figures);
}

export async function cooperationPdf(r: CooperationReport, createdOn: string): Promise<Buffer> {
  const doc = await newPdf({ title: 'Verantwoording aan de raad: samenwerking handhaving', subject: describePeriod(r.period), author: 'Regie' });
  title(doc, 'Verantwoording aan de raad', `Samenwerking handhaving bij evenementen · ${describePeriod(r.period)} · ${scopeName(r)}`);
  facts(doc, [
    { label: 'Uren geleend', value: `${hours2(r.totals.minutes)} uur` },
    { label: 'Kosten (onder tarief)', value: money2(r.totals.amountCents) },
    { label: 'Verzoeken', value: `${r.requestTotals.made} gedaan, ${r.requestTotals.answered} met inzet beantwoord, ${r.requestTotals.declined} afgewezen` },
    { label: 'Opgesteld op', value: dutchDate(createdOn) },
    { label: 'Controlegetal planning', value: groupedHash(r.stateHash), mono: true },
  ]);
  paragraph(
    doc,
    'Alle cijfers komen uit de ondertekende wijzigingen van de partners; elke gemeente met dezelfde wijzigingen ziet dezelfde cijfers en hetzelfde controlegetal. Bij elke grafiek staan dezelfde cijfers in een tabel.',
  );

  chartSection(
    doc,
    'Geven en nemen per gemeente',
    {
      bars: r.balance.map((b) => ({ label: b.name, values: [b.givenMinutes / 60, b.receivedMinutes / 60], text: `${hours2(b.givenMinutes)} / ${hours2(b.receivedMinutes)} u` })),
      legend: ['gegeven', 'ontvangen'],
    },
    {
      columns: [text('Gemeente', 3), figure('Gegeven (uur)', 2), figure('Ontvangen (uur)', 2), figure('Saldo (uur)', 2)],
      rows: r.balance.map((b) => [b.name, hours2(b.givenMinutes), hours2(b.receivedMinutes), hours2(b.netMinutes)]),
      size: 9,
    },
  );

  heading(doc, 'Uren per gemeentepaar: leverancier (rij) aan ontvanger (kolom)');
  if (r.matrix.length === 0) paragraph(doc, 'Geen uitgeleende uren in deze periode.');
  else {
    const cell = new Map(r.matrix.map((m) => [`${m.provider}|${m.host}`, m.minutes]));
    const short = (n: string) => (n.length > 9 ? `${n.slice(0, 8)}.` : n);
    table(
      doc,
      [text('Leverancier', 2.2), ...r.gemeenten.map((g) => figure(short(g.name), 1)), figure('Totaal', 1.1)],
      r.gemeenten.map((p) => [
        p.name,
        ...r.gemeenten.map((h) => (p.code === h.code ? '–' : hours2(cell.get(`${p.code}|${h.code}`) ?? 0).replace(/,00$/, ''))),
        hours2(r.balance.find((b) => b.gemeente === p.code)?.givenMinutes ?? 0).replace(/,00$/, ''),
      ]),
      { size: 7 },
    );
    paragraph(doc, 'Uren; de kosten per paar staan in de CSV-export.');
  }

  heading(doc, 'Verzoeken en reactietijd');
  // The region has a row per pair (dozens): the PDF sums them per asking gemeente; the CSV keeps every pair.
  const perHost = r.requests.length > 20;
  const groups = new Map<string, { label: string; made: number; answered: number; declined: number; other: number; median: number | null }>();
  for (const q of r.requests) {
    const key = perHost ? q.host : `${q.host}|${q.provider}`;
    const g = groups.get(key) ?? {
      label: perHost ? `${q.hostName} (vraagt)` : `${q.hostName} aan ${q.providerName}`,
      made: 0,
      answered: 0,
      declined: 0,
      other: 0,
      median: perHost ? null : q.medianResponseHours,
    };
    g.made += q.made;
    g.answered += q.answered;
    g.declined += q.declined;
    g.other += q.open + q.withdrawn;
    groups.set(key, g);
  }
  bars(
    doc,
    [...groups.values()].map((g) => ({ label: g.label, values: [g.answered, g.declined], text: `${g.answered} / ${g.declined} van ${g.made}` })),
    ['met inzet', 'afgewezen'],
  );
  const reqRows = [...groups.values()].map((g) => [g.label, String(g.made), String(g.answered), String(g.declined), String(g.other), g.median === null ? '–' : decimal(g.median, 1).text]);
  const t = r.requestTotals;
  reqRows.push(['Totaal', String(t.made), String(t.answered), String(t.declined), String(t.open + t.withdrawn), t.medianResponseHours === null ? '–' : decimal(t.medianResponseHours, 1).text]);
  table(doc, [text('Verzoek', 4), figure('Gedaan', 1.2), figure('Met inzet', 1.4), figure('Afgewezen', 1.4), figure('Open/ingetr.', 1.5), figure('Mediaan reactie (uur)', 2)], reqRows, {
    emphasise: (_r, i) => i === reqRows.length - 1,
    size: 9,
  });

  chartSection(
    doc,
    'Bezetting van diensten',
    { bars: r.staffing.map((s) => ({ label: s.hostName, values: [s.full, s.short], text: `${s.full} volledig / ${s.short} onder` })), legend: ['volledig bezet', 'onderbezet'] },
    {
      columns: [text('Gemeente', 3), figure('Diensten', 1.4), figure('Volledig', 1.4), figure('Onderbezet', 1.4), figure('Handhavers nodig / ingezet', 2.4)],
      rows: r.staffing.map((s) => [s.hostName, String(s.shifts), String(s.full), String(s.short), `${s.needed} / ${s.staffed}`]),
      size: 9,
    },
  );

  tableSection(doc, 'Gebruik van afspraken tegen het maximum', {
    columns: [text('Afspraak', 4), text('Leverancier', 2.4), figure('Max/maand', 1.4), figure('Uren', 1.4), figure('Hoogste maand', 1.6), figure('Mnd boven max', 1.6)],
    rows: r.caps.map((c) => [c.title, c.providerName, `${c.capHoursPerMonth} u`, hours2(c.minutes), `${c.highestMonthPercent}%`, String(c.monthsOver)]),
    size: 9,
    empty: 'Geen inzet onder een afspraak in deze periode.',
  });

  chartSection(
    doc,
    'Kosten per risicoklasse',
    { bars: r.byRisk.map((k) => ({ label: `Klasse ${k.risk}`, values: [k.amountCents / 100], text: money2(k.amountCents) })) },
    {
      columns: [text('Risicoklasse', 2), figure('Evenementen', 1.6), figure('Uren', 1.6), figure('Kosten', 2)],
      rows: r.byRisk.map((k) => [k.risk, String(k.events), hours2(k.minutes), money2(k.amountCents)]),
      size: 9,
    },
  );

  tableSection(doc, 'Kosten per evenement (hoogste 15)', {
    columns: [text('Evenement', 4), text('Gastgemeente', 2.4), figure('Klasse', 1), figure('Uren', 1.4), figure('Kosten', 1.8)],
    rows: r.events.slice(0, 15).map((e) => [e.name, e.hostName, e.risk ?? '–', hours2(e.minutes), money2(e.amountCents)]),
    size: 9,
    empty: 'Geen evenementen met geleende handhavers in deze periode.',
  });

  chartSection(
    doc,
    'Trend over de jaren',
    { bars: r.trend.map((y) => ({ label: String(y.year), values: [y.minutes / 60], text: `${hours2(y.minutes)} u · ${money2(y.amountCents)}` })) },
    {
      columns: [text('Jaar', 1.2), figure('Uren geleend', 2), figure('Kosten', 2), figure('Verzoeken', 1.6), figure('Afgewezen', 1.6)],
      rows: r.trend.map((y) => [String(y.year), hours2(y.minutes), money2(y.amountCents), String(y.requests), String(y.declined)]),
      size: 9,
    },
  );
  return finish(doc, `Regie · verantwoording samenwerking · ${scopeName(r)} · ${dutchDate(r.period.from)} t/m ${dutchDate(r.period.to)}`);
}
