// The invoice basis of a vastgesteld (or proposed) settlement statement, as PDF and CSV: the document number
// both gemeenten use, the signed lines, corrections of earlier periods, the tariff basis, money due, the
// gesloten-beurs balance, and both signatures with the signing devices' fingerprints and dates.
import { describePeriod, dutchDate } from '../../shared/reports/period';
import { gemeenteName } from '../../shared/domain/gemeenten';
import type { StatementDetail } from '../../shared/settlement/statement-types';
import { csvBytes, decimal, euros, type Cell } from './csv';
import { groupedHash, hours2, MODEL_LABEL, money2, shiftTime, slug } from '../../shared/reports/format';
import { facts, finish, heading, newPdf, paragraph, table, title } from './pdf';

const hoursOf = (minutes: number) => decimal(minutes / 60, 2);
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
    [
      'Soort',
      'Begindatum',
      'Begintijd',
      'Einddatum',
      'Eindtijd',
      'Evenement',
      'Handhaver',
      'Leverancier',
      'Ontvanger',
      'Model',
      'Uren',
      'Tarief per uur (EUR)',
      'Bedrag (EUR)',
      'Reden',
      'Gewijzigd door',
      'Gewijzigd op',
      'Corrigeert',
    ],
  ];
  for (const l of c.lines) {
    rows.push([
      'dienst',
      dutchDate(l.start.slice(0, 10)),
      l.start.slice(11),
      dutchDate(l.end.slice(0, 10)),
      l.end.slice(11),
      l.eventName,
      l.officerName,
      name(l.provider),
      name(l.host),
      MODEL_LABEL[l.model],
      hoursOf(l.minutes),
      l.model === 'tariff' ? euros(l.hourlyCents) : null,
      euros(l.amountCents),
      null,
      null,
      null,
      null,
    ]);
  }
  for (const k of c.corrections) {
    rows.push([
      k.kind === 'credit' ? 'correctie (credit)' : 'correctie (extra)',
      dutchDate(k.start.slice(0, 10)),
      k.start.slice(11),
      dutchDate(k.end.slice(0, 10)),
      k.end.slice(11),
      k.eventName,
      k.officerName,
      name(k.provider),
      name(k.host),
      MODEL_LABEL[k.model],
      hoursOf(k.minutes),
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
      hoursOf(bal.openingMinutes),
      hoursOf(bal.periodMinutes),
      hoursOf(bal.correctionMinutes),
      hoursOf(bal.closingMinutes),
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
  heading(doc, 'Te betalen');
  const dueRows = c.due.map((x) => [name(x.provider), name(x.host), money2(x.amountCents)]);
  if (dueRows.length)
    table(
      doc,
      [
        { header: 'Leverancier (ontvangt)', width: 3 },
        { header: 'Ontvanger (betaalt)', width: 3 },
        { header: 'Bedrag', width: 2, align: 'right' },
      ],
      dueRows,
      { size: 10 },
    );
  else paragraph(doc, 'Geen bedrag: geen inzet onder een tarief in deze periode.', { size: 10 });
  if (c.balance) {
    heading(doc, 'Gesloten beurs: saldo in uren');
    const b = c.balance;
    table(
      doc,
      [
        { header: 'Beginsaldo', width: 2, align: 'right' },
        { header: 'Deze periode', width: 2, align: 'right' },
        { header: 'Correcties', width: 2, align: 'right' },
        { header: 'Eindsaldo', width: 2, align: 'right' },
        { header: 'Uitkomst', width: 6 },
      ],
      [
        [
          hours2(b.openingMinutes),
          hours2(b.periodMinutes),
          hours2(b.correctionMinutes),
          hours2(b.closingMinutes),
          `${balanceText(d, b.closingMinutes)}${b.carriedFrom ? ` (beginsaldo uit ${b.carriedFrom})` : ''}`,
        ],
      ],
      { size: 10 },
    );
    paragraph(doc, `Positief: ${name(c.a)} leende meer uren uit dan het ontving. Het eindsaldo gaat mee naar de volgende periode.`);
  }
  if (c.corrections.length) {
    heading(doc, 'Correcties op vastgestelde perioden');
    table(
      doc,
      [
        { header: 'Corrigeert', width: 2.4 },
        { header: 'Dienst', width: 3 },
        { header: 'Evenement, handhaver', width: 3.4 },
        { header: 'Reden', width: 3.4 },
        { header: 'Door, op', width: 2.4 },
        { header: 'Uren', width: 1.1, align: 'right' },
        { header: 'Bedrag', width: 1.6, align: 'right' },
      ],
      c.corrections.map((k) => [
        k.corrects.number,
        shiftTime(k.start, k.end),
        `${k.eventName}, ${k.officerName}`,
        k.reason,
        `${k.byName}${k.on ? `, ${dutchDate(k.on)}` : ''}`,
        hours2(k.minutes),
        money2(k.amountCents),
      ]),
      { size: 8 },
    );
  }
  heading(doc, 'Tarief- en toeslaggrondslag');
  if (c.basis.length)
    table(
      doc,
      [
        { header: 'Afspraak', width: 4 },
        { header: 'Leverancier', width: 2.4 },
        { header: 'Model', width: 2 },
        { header: 'Tarief', width: 1.6, align: 'right' },
        { header: 'Toeslagen avond/nacht/weekend/feestdag', width: 4 },
      ],
      c.basis.map((b) => [
        b.title,
        name(b.provider),
        MODEL_LABEL[b.model],
        b.model === 'tariff' ? money2(b.hourlyCents) : '–',
        b.surcharges ? `${b.surcharges.evening}% / ${b.surcharges.night}% / ${b.surcharges.weekend}% / ${b.surcharges.holiday}%` : '–',
      ]),
      { size: 9 },
    );
  else paragraph(doc, 'Geen afspraak gebruikt in deze periode.');
  heading(doc, 'Diensten');
  if (c.lines.length)
    table(
      doc,
      [
        { header: 'Dienst', width: 3.2 },
        { header: 'Evenement', width: 3 },
        { header: 'Handhaver', width: 2.6 },
        { header: 'Geleend door, aan', width: 3 },
        { header: 'Uren', width: 1, align: 'right' },
        { header: 'Tarief', width: 1.4, align: 'right' },
        { header: 'Bedrag', width: 1.6, align: 'right' },
      ],
      c.lines.map((l) => [
        shiftTime(l.start, l.end),
        l.eventName,
        l.officerName,
        `${name(l.provider)} aan ${name(l.host)}`,
        hours2(l.minutes),
        l.model === 'tariff' ? money2(l.hourlyCents) : '–',
        l.model === 'tariff' ? money2(l.amountCents) : '–',
      ]),
      { size: 8 },
    );
  else paragraph(doc, 'In deze periode zijn geen handhavers tussen deze gemeenten uitgeleend.');
  return finish(doc, `Regie · ${c.number} · ${pairText} · controlegetal ${d.summary.contentHash.slice(0, 16)}…`);
}
