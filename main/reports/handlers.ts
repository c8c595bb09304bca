// The handlers of Rapportage's api methods (spread into main/api/handlers.ts): figures from the merged plan,
// and files generated in main (pdfkit, CSV, iCal) returned as base64 bytes.
import type { Handlers } from '../session/handler-types';
import type { AppContext } from '../session/context';
import type { ReportFileRequest, ReportMethodName } from '../../shared/api/reports';
import type { ReportFile } from '../../shared/reports/types';
import { epochToLocal } from '../../shared/time/local';
import { settle } from '../../shared/settlement';
import { buildPlanView } from '../domain/plan-view';
import { stateHash } from '../log/state-hash';
import { checkPeriod, settlementStatement } from './statement';
import { hoursReport } from './hours';
import { settlementCsv, settlementFileName, settlementPdf } from './settlement-files';
import { hoursCsv, hoursFileName } from './hours-files';
import { buildRoster, readContact, saveContact } from './roster';
import { rosterFileName, rosterPdf } from './roster-pdf';
import { eventCalendar, officerCalendar } from './ical-files';
import type { Db } from '../store/db';
import type { LocalIdentity } from '../log/log';
import type { Period } from '../../shared/reports/period';
import type { HoursReport } from '../../shared/reports/types';

function file(fileName: string, mimeType: string, bytes: Buffer): ReportFile {
  return { fileName, mimeType, base64: bytes.toString('base64'), bytes: bytes.length };
}

/** Today in Amsterdam, for "opgesteld op". */
export function today(now = Date.now()): string {
  return epochToLocal(now).slice(0, 10);
}

export function hoursOf(db: Db, me: LocalIdentity, period: Period): HoursReport {
  checkPeriod(period);
  const view = buildPlanView(db);
  return hoursReport(view, period, me.gemeente, stateHash(db), settle(view, period));
}

/** Every report file, for the api and the CLI alike. */
export async function reportFile(db: Db, me: LocalIdentity, req: ReportFileRequest, now = new Date()): Promise<ReportFile> {
  switch (req.kind) {
    case 'settlement': {
      const s = settlementStatement(db, me, req, req.pair);
      return req.format === 'csv'
        ? file(settlementFileName(s, 'csv'), 'text/csv; charset=utf-8', settlementCsv(s))
        : file(settlementFileName(s, 'pdf'), 'application/pdf', await settlementPdf(s, today(now.getTime())));
    }
    case 'hours': {
      const r = hoursOf(db, me, req);
      return file(hoursFileName(r), 'text/csv; charset=utf-8', hoursCsv(r));
    }
    case 'roster': {
      if (req.contact) saveContact(db, req.contact);
      const roster = buildRoster(db, me, req.eventId, req.phones);
      return file(rosterFileName(roster), 'application/pdf', await rosterPdf(roster, today(now.getTime())));
    }
    case 'ical-officer': {
      const c = officerCalendar(db, req.officerId, now);
      return file(c.fileName, 'text/calendar; charset=utf-8', Buffer.from(c.text, 'utf8'));
    }
    case 'ical-event': {
      const c = eventCalendar(db, req.eventId, now);
      return file(c.fileName, 'text/calendar; charset=utf-8', Buffer.from(c.text, 'utf8'));
    }
  }
}

export const reportHandlers: { [K in ReportMethodName]: Handlers[K] } = {
  'reports.settlement': (ctx: AppContext, { from, to, pair }) => settlementStatement(ctx.db(), ctx.me(), { from, to }, pair),
  'reports.hours': (ctx: AppContext, { from, to }) => hoursOf(ctx.db(), ctx.me(), { from, to }),
  'reports.contact': (ctx: AppContext) => readContact(ctx.db()),
  'reports.file': (ctx: AppContext, req) => reportFile(ctx.db(), ctx.me(), req),
};
