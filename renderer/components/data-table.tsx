// A data table from a list of rows and a list of columns: each column names its header and how a row fills its
// cell. One column is the row's header (<th scope="row">), numeric columns align right, and a total row or an
// empty row may close the table. The markup is that of every hand-written table before it (table-wrap, caption,
// TableHead), so the look and what assistive technology reads stay the same.
import type { ReactNode } from 'react';
import { TableHead } from './table-head';

export interface DataColumn<T> {
  label: string;
  /** A number: header and cells aligned right. */
  num?: boolean;
  /** Class of the cells (e.g. 'nowrap'); numeric columns get 'num'. */
  className?: string;
  cell: (row: T) => ReactNode;
}

export interface DataTableProps<T> {
  caption: string;
  /** The caption is read by a screen reader but not shown (a heading above already says it). */
  captionHidden?: boolean;
  /** Extra class of the <table> besides 'table'. */
  className?: string;
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Which column holds the row's header; the first unless said otherwise. */
  rowHeader?: number;
  rowClass?: (row: T) => string | undefined;
  /** A total row: `label` spans the columns before `values`, which fill the last columns. */
  total?: { label: string; values: readonly ReactNode[] };
  /** Shown in one row over all columns when there are no rows. */
  emptyRow?: string;
}

export function DataTable<T>({ caption, captionHidden = false, className, columns, rows, rowKey, rowHeader = 0, rowClass, total, emptyRow }: DataTableProps<T>) {
  const cellClass = (c: DataColumn<T>) => (c.num ? 'num' : c.className);
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : 'table'}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <TableHead columns={columns.map((c) => (c.num ? { label: c.label, num: true as const } : c.label))} />
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClass?.(row)}>
              {columns.map((c, i) =>
                i === rowHeader ? (
                  <th key={i} scope="row" className={cellClass(c)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={cellClass(c)}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
          {rows.length === 0 && emptyRow !== undefined && (
            <tr>
              <td colSpan={columns.length}>{emptyRow}</td>
            </tr>
          )}
        </tbody>
        {total && (
          <tfoot>
            <tr className="report-table__total">
              <th scope="row" colSpan={columns.length - total.values.length}>
                {total.label}
              </th>
              {total.values.map((v, i) => (
                <td key={i} className={cellClass(columns[columns.length - total.values.length + i]!)}>
                  {v}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
