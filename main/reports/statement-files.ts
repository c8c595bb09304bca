// The invoice basis of a vastgesteld (or proposed) settlement statement, as PDF and CSV: the document number
// both gemeenten use, the signed lines, corrections of earlier periods, the tariff basis, money due, the
// gesloten-beurs balance, and both signatures with the signing devices' fingerprints and dates.
import { describePeriod, dutchDate } from '../../shared/reports/period';
import { gemeenteName } from '../../shared/domain/gemeenten';
import type { StatementDetail } from '../../shared/settlement/statement-types';
import { csvBytes, euros, hoursCell, type Cell } from './csv';
import { groupedHash, hours2, MODEL_LABEL, money2, shiftTime, slug } from '../../shared/reports/format';
import { facts, finish, newPdf, paragraph, title } from './pdf';
import { figure, SHIFT_HEADER, shiftCells, tableSection, text } from './report-parts';

const name = gemeenteName;

const STATUS = {
  vastgesteld: 'Vastgesteld door beide gemeenten',
  proposed: 'Voorstel, nog niet door beide ondertekend',
  superseded: 'Vervallen: de periode is met een andere tekst vastgesteld',
} as const;

export function statementFileName(d: StatementDetail, extension: 'csv' | 'pdf'): string {
  return `${slug(d.content.number)}-${slug(d.summary.aName)}-${slug(d.summary.bName)}.${extension}`;
}

function signatureText(d: StatementDetail, gemeente: string): { when: string; fingerprint: string } {
  const s = d.summary.signatures.find((x) => x.gemeente === gemeente);
  return s ? { when: `${dutchDate(s.signedAt.slice(0, 10))} ${s.signedAt.slice(11, 16)} UTC`, fingerprint: s.fingerprint } : { when: 'nog niet ondertekend', fingerprint: '' };
}

function balanceText(d: StatementDetail, minutes: number): string {
  const c = d.content;
  if (minutes === 0) return 'gelijk';
  return minutes > 0 ? `${name(c.b)} is ${hours2(minutes)} uur verschuldigd aan ${name(c.a)}` : `${name(c.a)} is ${hours2(-minutes)} uur verschuldigd aan ${name(c.b)}`;
}

export function statementCsv(d: StatementDetail): Buffer {
  const c = d.content;
  const sa = signatureText(d, c.a);
  const sb = signatureText(d, c.b);
  const rows: Cell[][] = [
    ['Factuurgrondslag verrekening', 'Regie'],
    ['Documentnummer', c.number],
    ['Status', STATUS[d.summary.status]],
    ['Periode', describePeriod(c)],
    ['Gemeente A', `${name(c.a)} (${c.a})`],
    ['Gemeente B', `${name(c.b)} (${c.b})`],
    ['Voorgesteld door', name(c.proposedBy)],
    ['Controlegetal tekst', d.summary.contentHash],
    ['Controlegetal planning bij voorstel', c.stateHash],
    [`Ondertekend ${name(c.a)}`, sa.when, 'Vingerafdruk', sa.fingerprint],
    [`Ondertekend ${name(c.b)}`, sb.when, 'Vingerafdruk', sb.fingerprint],
    [],
    ['Soort', ...SHIFT_HEADER, 'Tarief per uur (EUR)', 'Bedrag (EUR)', 'Reden', 'Gewijzigd door', 'Gewijzigd op', 'Corrigeert'],
  ];
  for (const l of c.lines) {
    rows.push(['dienst', ...shiftCells(l, name(l.provider), name(l.host)), l.model === 'tariff' ? euros(l.hourlyCents) : null, euros(l.amountCents), null, null, null, null]);
  }
  for (const k of c.corrections) {
    rows.push([
      k.kind === 'credit' ? 'correctie (credit)' : 'correctie (extra)',
      ...shiftCells(k, name(k.provider), name(k.host)),
      null,
      euros(k.amountCents),
      k.reason,
      k.byName,
      k.on ? dutchDate(k.on) : null,
      k.corrects.number,
    ]);
  }
  rows.push([], ['Leverancier', 'Ontvanger', 'Te betalen door ontvanger (EUR)']);
  for (const due of c.due) rows.push([name(due.provider), name(due.host), euros(due.amountCents)]);
  rows.push([], ['Afspraak', 'Leverancier', 'Model', 'Tarief per uur (EUR)', 'Avond %', 'Nacht %', 'Weekend %', 'Feestdag %', 'Controlegetal afspraak']);
  for (const b of c.basis)
    rows.push([
      b.title,
      name(b.provider),
      MODEL_LABEL[b.model],
      b.model === 'tariff' ? euros(b.hourlyCents) : null,
      b.surcharges?.evening ?? null,
      b.surcharges?.night ?? null,
      b.surcharges?.weekend ?? null,
      b.surcharges?.holiday ?? null,
      b.contentHash,
    ]);
  if (c.balance) {
    const bal = c.balance;
    rows.push([], ['Gesloten beurs (uren, positief: B is A uren verschuldigd)', 'Beginsaldo', 'Deze periode', 'Correcties', 'Eindsaldo', 'Uitkomst', 'Overgenomen uit']);
    rows.push([
      `${name(c.a)} – ${name(c.b)}`,
      hoursCell(bal.openingMinutes),
      hoursCell(bal.periodMinutes),
      hoursCell(bal.correctionMinutes),
      hoursCell(bal.closingMinutes),
      balanceText(d, bal.closingMinutes),
      bal.carriedFrom,
    ]);
  }
  return csvBytes(rows);
}

export async function statementPdf(d: StatementDetail, createdOn: string): Promise<Buffer> {
  const c = d.content;
  const pairText = `${name(c.a)} – ${name(c.b)}`;
  const doc = await newPdf({ title: `Verrekening ${c.number}`, subject: `${pairText}, ${describePeriod(c)}`, author: 'Regie', landscape: true });
  title(doc, `Factuurgrondslag ${c.number}`, `${describePeriod(c)} · ${pairText}`);
  const sa = signatureText(d, c.a);
  const sb = signatureText(d, c.b);
  facts(doc, [
    { label: 'Documentnummer', value: c.number },
    { label: 'Status', value: STATUS[d.summary.status] },
    { label: 'Voorgesteld door', value: `Gemeente ${name(c.proposedBy)}` },
    { label: `Ondertekend ${name(c.a)}`, value: sa.fingerprint ? `${sa.when} · vingerafdruk ${sa.fingerprint}` : sa.when },
    { label: `Ondertekend ${name(c.b)}`, value: sb.fingerprint ? `${sb.when} · vingerafdruk ${sb.fingerprint}` : sb.when },
    { label: 'Controlegetal tekst', value: groupedHash(d.summary.contentHash), mono: true },
    { label: 'Afgedrukt op', value: dutchDate(createdOn) },
  ]);
  paragraph(
    doc,
    'Beide gemeenten hebben deze tekst met hun apparaatsleutel ondertekend; het controlegetal van de tekst is op beide kopieën gelijk. Een latere wijziging in deze periode verandert dit document niet, maar verschijnt als correctie op de verrekening van de volgende open periode.',
  );
  tableSection(doc, 'Te betalen', {
    columns: [text('Leverancier (ontvangt)', 3), text('Ontvanger (betaalt)', 3), figure('Bedrag', 2)],
    rows: c.due.map((x) => [name(x.provider), name(x.host), money2(x.amountCents)]),
    size: 10,
    empty: 'Geen bedrag: geen inzet onder een tarief in deze periode.',
    emptySize: 10,
  });
  if (c.balance) {
    const b = c.balance;
    tableSection(doc, 'Gesloten beurs: saldo in uren', {
      columns: [figure('Beginsaldo', 2), figure('Deze periode', 2), figure('Correcties', 2), figure('Eindsaldo', 2), text('Uitkomst', 6)],
      rows: [
        [
          hours2(b.openingMinutes),
          hours2(b.periodMinutes),
          hours2(b.correctionMinutes),
          hours2(b.closingMinutes),
          `${balanceText(d, b.closingMinutes)}${b.carriedFrom ? ` (beginsaldo uit ${b.carriedFrom})` : ''}`,
        ],
      ],
      size: 10,
    });
    paragraph(doc, `Positief: ${name(c.a)} leende meer uren uit dan het ontving. Het eindsaldo gaat mee naar de volgende periode.`);
  }
  if (c.corrections.length) {
    tableSection(doc, 'Correcties op vastgestelde perioden', {
      columns: [text('Corrigeert', 2.4), text('Dienst', 3), text('Evenement, handhaver', 3.4), text('Reden', 3.4), text('Door, op', 2.4), figure('Uren', 1.1), figure('Bedrag', 1.6)],
      rows: c.corrections.map((k) => [
        k.corrects.number,
        shiftTime(k.start, k.end),
        `${k.eventName}, ${k.officerName}`,
        k.reason,
        `${k.byName}${k.on ? `, ${dutchDate(k.on)}` : ''}`,
        hours2(k.minutes),
        money2(k.amountCents),
      ]),
      size: 8,
    });
  }
  tableSection(doc, 'Tarief- en toeslaggrondslag', {
    columns: [text('Afspraak', 4), text('Leverancier', 2.4), text('Model', 2), figure('Tarief', 1.6), text('Toeslagen avond/nacht/weekend/feestdag', 4)],
    rows: c.basis.map((b) => [
      b.title,
      name(b.provider),
      MODEL_LABEL[b.model],
      b.model === 'tariff' ? money2(b.hourlyCents) : '–',
      b.surcharges ? `${b.surcharges.evening}% / ${b.surcharges.night}% / ${b.surcharges.weekend}% / ${b.surcharges.holiday}%` : '–',
    ]),
    size: 9,
    empty: 'Geen afspraak gebruikt in deze periode.',
  });
  tableSection(doc, 'Diensten', {
    columns: [text('Dienst', 3.2), text('Evenement', 3), text('Handhaver', 2.6), text('Geleend door, aan', 3), figure('Uren', 1), figure('Tarief', 1.4), figure('Bedrag', 1.6)],
    rows: c.lines.map((l) => [
      shiftTime(l.start, l.end),
      l.eventName,
      l.officerName,
      `${name(l.provider)} aan ${name(l.host)}`,
      hours2(l.minutes),
      l.model === 'tariff' ? money2(l.hourlyCents) : '–',
      l.model === 'tariff' ? money2(l.amountCents) : '–',
    ]),
    size: 8,
    empty: 'In deze periode zijn geen handhavers tussen deze gemeenten uitgeleend.',
  });
  return finish(doc, `Regie · ${c.number} · ${pairText} · controlegetal ${d.summary.contentHash.slice(0, 16)}…`);
}
