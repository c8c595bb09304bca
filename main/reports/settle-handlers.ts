// The handlers of Vaststellen's api methods (spread into main/api/handlers.ts).
import type { Handlers } from '../session/handler-types';
import type { SettleMethodName } from '../../shared/api/settle';
import type { ReportFile } from '../../shared/reports/types';
import { listStatements, proposeStatement, showStatement, signStatement, statementPanel } from '../domain/settle/statements';
import { statementCsv, statementFileName, statementPdf } from './statement-files';
import { today } from './handlers';
import { cooperationFile, cooperationReport } from './cooperation';

function file(fileName: string, mimeType: string, bytes: Buffer): ReportFile {
  return { fileName, mimeType, base64: bytes.toString('base64'), bytes: bytes.length };
}

export const settleHandlers: { [K in SettleMethodName]: Handlers[K] } = {
  'settle.panel': (ctx, { pair, from, to }) => statementPanel(ctx.db(), ctx.me(), pair, { from, to }),
  'settle.propose': (ctx, { pair, from, to }) => proposeStatement(ctx.db(), ctx.me(), pair, { from, to }),
  'settle.sign': (ctx, { id, contentHash }) => signStatement(ctx.db(), ctx.me(), id, contentHash),
  'settle.list': (ctx, { pair }) => listStatements(ctx.db(), ctx.me(), pair),
  'settle.show': (ctx, { id }) => showStatement(ctx.db(), ctx.me(), id),
  'settle.file': async (ctx, { id, format }) => {
    const d = showStatement(ctx.db(), ctx.me(), id);
    return format === 'csv' ? file(statementFileName(d, 'csv'), 'text/csv; charset=utf-8', statementCsv(d)) : file(statementFileName(d, 'pdf'), 'application/pdf', await statementPdf(d, today()));
  },
  'reports.cooperation': (ctx, { from, to, gemeente }) => cooperationReport(ctx.db(), { from, to }, gemeente),
  'reports.cooperationFile': (ctx, { from, to, gemeente, format }) => cooperationFile(ctx.db(), { from, to }, gemeente, format),
};
