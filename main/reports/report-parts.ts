// What the report writers share: a PDF table's columns written one to a word, a titled table that says so in a
// sentence when it has no rows, a chart followed by the table of its figures, and the cells that place a lent
// shift in a CSV (when, what, who, between whom, under which model, how long).
import { dutchDate } from '../../shared/reports/period';
import { MODEL_LABEL } from '../../shared/reports/format';
import type { SettlementModel } from '../../shared/settlement/types';
import { hoursCell, type Cell } from './csv';
import { heading, paragraph, table, type Column, type Pdf, type TableOptions } from './pdf';

/** A column of text, `width` a share of the table's width. */
export const text = (header: string, width: number): Column => ({ header, width });
/** A column of figures, aligned right. */
export const figure = (header: string, width: number): Column => ({ header, width, align: 'right' });

export interface Section extends TableOptions {
  columns: Column[];
  rows: string[][];
  /** Said instead of the table when there are no rows; without it an empty table is drawn. */
  empty?: string;
  /** The size of that sentence. */
  emptySize?: number;
}

/** A heading over a table (or over the sentence that says there is nothing to show). */
export function tableSection(doc: Pdf, title: string, { columns, rows, empty, emptySize, ...options }: Section): void {
  heading(doc, title);
  if (rows.length === 0 && empty !== undefined) paragraph(doc, empty, emptySize === undefined ? {} : { size: emptySize });
  else table(doc, columns, rows, options);
}

/** The header cells of a lent shift; `shiftCells` fills them. */
export const SHIFT_HEADER: readonly string[] = ['Begindatum', 'Begintijd', 'Einddatum', 'Eindtijd', 'Evenement', 'Handhaver', 'Leverancier', 'Ontvanger', 'Model', 'Uren'];

export interface ShiftFacts {
  start: string;
  end: string;
  eventName: string;
  officerName: string;
  model: SettlementModel;
  minutes: number;
}

export function shiftCells(s: ShiftFacts, providerName: string, hostName: string): Cell[] {
  return [
    dutchDate(s.start.slice(0, 10)),
    s.start.slice(11),
    dutchDate(s.end.slice(0, 10)),
    s.end.slice(11),
    s.eventName,
    s.officerName,
    providerName,
    hostName,
    MODEL_LABEL[s.model],
    hoursCell(s.minutes),
  ];
}
