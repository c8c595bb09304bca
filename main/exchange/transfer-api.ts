// The exchange by file id, as the app's screens use it: ids are resolved to paths here in main only.
import { basename } from 'node:path';
import type { AppContext } from '../session/context';
import { ApiError } from '../../shared/api/errors';
import type { ExportFileResult } from '../../shared/api/transfer';
import type { ImportPreview, VerifyResult } from '../../shared/api/exchange';
import { exportPlan, previewImport, verifyPlan } from './service';
import { applyPlanFile, rememberPreview } from './background-import';
import { resolveRecipients } from './write';
import { suggestedPlanFileName } from './outbox';
import { transfersOf } from './transfer';

export interface ExportFileArgs {
  to: string[] | 'all';
  full: boolean;
  /** Encrypt to the recipients' devices (age). */
  encrypt: boolean;
  /** Download name in browser mode; main suggests one when absent. */
  fileName?: string | undefined;
  /** A path the user chose in the desktop save dialog (its id); absent: a download in the transfer folder. */
  target?: string | undefined;
}

export async function exportFile(ctx: AppContext, args: ExportFileArgs): Promise<ExportFileResult> {
  const db = ctx.db();
  const me = ctx.me();
  const files = transfersOf(ctx);
  if (args.target !== undefined) {
    const path = files.path(args.target, 'write');
    const summary = await exportPlan(db, me, path, { to: args.to, full: args.full, encrypt: args.encrypt });
    return { fileId: args.target, fileName: basename(path), download: false, to: summary.to, entries: summary.entries, bytes: summary.bytes };
  }
  const recipients = resolveRecipients(db, me, args.to);
  const slot = await files.newDownload(args.fileName ?? suggestedPlanFileName(me.gemeente, recipients));
  try {
    const summary = await exportPlan(db, me, slot.path, { to: recipients, full: args.full, encrypt: args.encrypt });
    return { fileId: slot.fileId, fileName: slot.name, download: true, to: summary.to, entries: summary.entries, bytes: summary.bytes };
  } catch (err) {
    await files.discard(slot.fileId);
    throw err;
  }
}

export function verifyFile(ctx: AppContext, fileId: string): Promise<VerifyResult> {
  return verifyPlan(ctx.db(), ctx.me(), transfersOf(ctx).path(fileId, 'read'));
}

export async function previewFile(ctx: AppContext, fileId: string): Promise<ImportPreview> {
  const path = transfersOf(ctx).path(fileId, 'read');
  return rememberPreview(path, await previewImport(ctx.db(), ctx.me(), path, false));
}

/** Applies the file. An upload is removed once imported or refused as a bad file: it is not needed again. */
export async function importFile(ctx: AppContext, fileId: string): Promise<ImportPreview> {
  const files = transfersOf(ctx);
  const path = files.path(fileId, 'read');
  let preview: ImportPreview;
  try {
    // A large file is applied in the background: the window keeps working and shows its progress.
    preview = await applyPlanFile(ctx, path);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'bad_file') await files.discard(fileId);
    throw err;
  }
  await files.discard(fileId);
  return preview;
}

export async function discardFile(ctx: AppContext, fileId: string): Promise<{ ok: true }> {
  await transfersOf(ctx).discard(fileId);
  return { ok: true };
}
