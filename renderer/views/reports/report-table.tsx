// A table of report figures (class report-table), or a short sentence instead of it when there is nothing to show.
import { DataTable, type DataTableProps } from '../../components/data-table';

export function ReportTable<T>({ className, empty, ...table }: DataTableProps<T> & { empty?: string }) {
  if (empty !== undefined && table.rows.length === 0) return <p>{empty}</p>;
  return <DataTable {...table} className={className ? `report-table ${className}` : 'report-table'} />;
}
