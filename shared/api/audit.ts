// One line of a record's audit trail, as the api returns it.
export interface AuditLine {
  entryId: string;
  at: string;
  gemeente: string;
  gemeenteName: string;
  device: string;
  seq: number;
  op: string;
  set: Record<string, unknown>;
  status: 'applied' | 'rejected';
  reason: string | null;
}
