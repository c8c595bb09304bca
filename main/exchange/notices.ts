// Meldingen from imported files: the narrative lines that concerned this gemeente when each file was read
// (kept with the file's record in plan_files.summary), newest first.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { ImportNotice } from '../../shared/api/exchange';
import type { NarrativeLine } from '../../shared/exchange/narrative';

export function listNotices(db: Db, limit = 20): ImportNotice[] {
  const rows = stmt(db, `SELECT file_id, gemeente, at, summary FROM plan_files WHERE direction = 'in' AND summary LIKE '%"notices":%' ORDER BY at DESC LIMIT ?`).all(limit) as {
    file_id: string;
    gemeente: string;
    at: string;
    summary: string;
  }[];
  return rows.map((r) => ({ fileId: r.file_id, sender: r.gemeente, at: r.at, lines: (JSON.parse(r.summary) as { notices: NarrativeLine[] }).notices }));
}
