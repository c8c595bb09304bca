// Getting plan files in and out, the same for the screens in both modes. Desktop: native dialogs, and main
// allows only the paths chosen there. Browser: upload to the host (POST /files) and download (GET /files/<id>).
import type { ExportFileResult } from '../../../shared/api/transfer';
import { PLAN_FILE_EXTENSION, type RegieDesktop } from '../../../shared/api/desktop';
import { api, ApiCallError } from '../../api/client';
import { unwrap } from '../../api/api-call-error';
import { takeSessionToken } from '../../api/session-token';

/** The plan-file size limit of main (main/exchange/format.ts), checked here too so a huge file is not sent. */
export const MAX_PLAN_FILE_BYTES = 256 * 1024 * 1024;

/** A plan file handed to Regie: its id for the api (an upload id, or a path main allowed) and a name to show. */
export interface OfferedFile {
  fileId: string;
  name: string;
}

/** Why a file was not taken, for the screen to say in the user's language. */
export class FileNotTaken extends Error {
  constructor(
    readonly reason: 'not_plan' | 'too_large',
    readonly fileName: string,
  ) {
    super(reason);
  }
}

type WithDesktop = Window & { regieDesktop?: RegieDesktop };

export function desktop(): RegieDesktop | undefined {
  return (window as WithDesktop).regieDesktop;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function isPlanFileName(name: string): boolean {
  return name.toLowerCase().endsWith(`.${PLAN_FILE_EXTENSION}`);
}

function bearer(): Record<string, string> {
  return { Authorization: `Bearer ${takeSessionToken() ?? ''}` };
}

export async function upload(file: File): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${location.origin}/files`, {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'application/octet-stream' },
      body: file,
      cache: 'no-store',
    });
  } catch {
    throw new ApiCallError('unreachable', 'Regie is niet bereikbaar. Controleer of Regie nog draait en probeer het opnieuw; er is niets gewijzigd.');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiCallError('bad_response', `Onverwacht antwoord van Regie (HTTP ${response.status}); er is niets gewijzigd.`);
  }
  return unwrap<{ fileId: string }>(body, 'files').fileId;
}

/** A file chosen in a browser file picker or dropped on the window. */
export async function offerFile(file: File): Promise<OfferedFile> {
  if (!isPlanFileName(file.name)) throw new FileNotTaken('not_plan', file.name);
  if (file.size > MAX_PLAN_FILE_BYTES) throw new FileNotTaken('too_large', file.name);
  const shell = desktop();
  if (shell) {
    const path = await shell.openDroppedFile(file);
    if (!path) throw new FileNotTaken('not_plan', file.name);
    return { fileId: path, name: baseName(path) };
  }
  return { fileId: await upload(file), name: file.name };
}

/** Desktop only: the native open dialog. Undefined when cancelled. */
export async function chooseWithDialog(shell: RegieDesktop): Promise<OfferedFile | undefined> {
  const path = await shell.openPlanDialog();
  return path ? { fileId: path, name: baseName(path) } : undefined;
}

/** Lets the browser save bytes under a name (a download). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the address goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function download(fileId: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${location.origin}/files/${encodeURIComponent(fileId)}`, { headers: bearer(), cache: 'no-store' });
  } catch {
    throw new ApiCallError('unreachable', 'Regie is niet bereikbaar. Controleer of Regie nog draait en probeer het opnieuw.');
  }
  if (!response.ok) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    unwrap(body, 'files');
  }
  saveBlob(await response.blob(), fileName);
}

export interface ExportChoice {
  to: string[];
  full: boolean;
  encrypt: boolean;
  suggestedFileName: string;
}

/** Makes the plan file and puts it where the user wants it. Undefined when the user cancelled the dialog. */
export async function exportAndSave(choice: ExportChoice): Promise<ExportFileResult | undefined> {
  const shell = desktop();
  if (shell) {
    const target = await shell.savePlanDialog(choice.suggestedFileName);
    if (!target) return undefined;
    return api().call('exchange.exportFile', { to: choice.to, full: choice.full, encrypt: choice.encrypt, target });
  }
  const made = await api().call('exchange.exportFile', { to: choice.to, full: choice.full, encrypt: choice.encrypt, fileName: choice.suggestedFileName });
  await download(made.fileId, made.fileName);
  return made;
}
