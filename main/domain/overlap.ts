// Rows with a start and an end (events, absences) that overlap a period, found at the cost of the period:
// by start within [period start - LOOK_BACK_DAYS, period end] through the start index, plus the rows longer
// than LONG_DAYS through a partial index on their end (migration 016). A row of at most LONG_DAYS that
// starts before the look-back ends before the period, so the two together are every overlapping row, and
// neither reads the years before the period. Times are Amsterdam local text ('YYYY-MM-DDTHH:mm').
import type { Db } from '../store/db';
import { stmt } from '../store/statements';

export const LONG_DAYS = 14;
const LOOK_BACK_DAYS = LONG_DAYS + 1;
/**
 * The condition of the partial indexes events_long and absences_long, word for word (SQLite matches it so;
 * INDEXED BY keeps the planner from reading the start index back to the first year instead).
 */
const LONG = `coalesce(julianday(ends_at) - julianday(starts_at), 1e9) > ${LONG_DAYS}`;

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date.slice(0, 10)}T12:00:00Z`) - days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

export interface OverlapQuery {
  table: 'events' | 'absences';
  /** Extra conditions on the table's columns (without created = 1), with named parameters. */
  where?: string;
  params?: Record<string, string | number>;
  /** Rows starting before this ('<') or at or before it ('<='). */
  startBefore: { op: '<' | '<='; value: string };
  /** Rows ending after this ('>') or at or after it ('>='); undefined: no lower bound (all earlier rows). */
  endAfter?: { op: '>' | '>='; value: string };
  orderBy?: string;
}

/** `SELECT *` of the rows overlapping the period, each once. */
export function overlapping<T>(db: Db, q: OverlapQuery): T[] {
  const extra = q.where ? ` AND ${q.where}` : '';
  const order = q.orderBy ? ` ORDER BY ${q.orderBy}` : '';
  const params: Record<string, string | number> = { ...q.params, before: q.startBefore.value };
  if (!q.endAfter) {
    return stmt(db, `SELECT * FROM ${q.table} WHERE created = 1 AND starts_at ${q.startBefore.op} :before${extra}${order}`).all(params) as T[];
  }
  params.after = q.endAfter.value;
  params.lookBack = daysBefore(q.endAfter.value, LOOK_BACK_DAYS);
  const recent = `SELECT * FROM ${q.table} WHERE created = 1 AND starts_at >= :lookBack AND starts_at ${q.startBefore.op} :before AND ends_at ${q.endAfter.op} :after${extra}`;
  const long = `SELECT * FROM ${q.table} INDEXED BY ${q.table}_long WHERE created = 1 AND ${LONG} AND ends_at ${q.endAfter.op} :after AND starts_at < :lookBack AND starts_at ${q.startBefore.op} :before${extra}`;
  return stmt(db, `${recent} UNION ALL ${long}${order}`).all(params) as T[];
}
