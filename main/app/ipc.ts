// IPC between the window and main: one channel for the whole api (dispatch checks the method name and its
// argument against the contract), three for native file and folder dialogs and one for dropped files. Every handler first
// checks the sender. Plan files are reached only by paths the user chose in this session (dialog, file
// association, drop): main remembers them, and refuses any other path the page names.
import { app, dialog, ipcMain, type BrowserWindow, type FileFilter, type IpcMainInvokeEvent } from 'electron';
import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { pathUseOf, type Envelope } from '../../shared/api/contract';
import { DESKTOP_CHANNELS, PLAN_FILE_EXTENSION } from '../../shared/api/desktop';
import type { AppContext } from '../session/context';
import { dispatch } from '../api/dispatch';
import { isTrustedSender, safePlanFileName } from './security';
import { transfersOf, type TransferFiles } from '../exchange/transfer';

export interface IpcOptions {
  ctx: AppContext;
  /** The app's own window, or undefined while there is none. */
  mainWindow: () => BrowserWindow | undefined;
}

export const UNAUTHORISED: Envelope<never> = {
  ok: false,
  error: { code: 'unauthorised', message: 'Verzoek geweigerd: het komt niet uit het venster van Regie.' },
};

export const PATH_NOT_CHOSEN: Envelope<never> = {
  ok: false,
  error: { code: 'refused', message: 'Regie opent en schrijft alleen planbestanden die u zelf hebt gekozen. Kies het bestand opnieuw; er is niets gewijzigd.' },
};

/** A path-taking method passes only with a path the user chose for that use (to read, or to write to). */
export function pathAllowed(files: TransferFiles, name: string, args: unknown): boolean {
  const mode = pathUseOf(name);
  if (mode === undefined) return true;
  const path = typeof args === 'object' && args !== null ? (args as { path?: unknown }).path : undefined;
  return typeof path === 'string' && files.isAllowedPath(path, mode);
}

/** A dropped file's path, allowed for this session when it is an existing .regie file; otherwise null. */
export async function allowDroppedFile(files: TransferFiles, path: unknown): Promise<string | null> {
  if (typeof path !== 'string' || path.length > 4096 || !isAbsolute(path) || !path.toLowerCase().endsWith(`.${PLAN_FILE_EXTENSION}`)) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
  } catch {
    return null;
  }
  return files.allowPath(path, 'read');
}

const PLAN_FILTERS: FileFilter[] = [{ name: 'Regie-planbestand', extensions: [PLAN_FILE_EXTENSION] }];

export async function openPlanDialog(win: BrowserWindow): Promise<string | null> {
  const result = await dialog.showOpenDialog(win, { title: 'Planbestand openen', buttonLabel: 'Openen', filters: PLAN_FILTERS, properties: ['openFile'] });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export async function savePlanDialog(win: BrowserWindow, suggestedName: unknown): Promise<string | null> {
  const result = await dialog.showSaveDialog(win, {
    title: 'Planbestand opslaan',
    buttonLabel: 'Opslaan',
    defaultPath: join(app.getPath('documents'), safePlanFileName(suggestedName, PLAN_FILE_EXTENSION)),
    filters: PLAN_FILTERS,
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  if (result.canceled || !result.filePath) return null;
  // Linux file choosers do not add the extension, and the importer recognises plan files by it.
  const suffix = `.${PLAN_FILE_EXTENSION}`;
  return result.filePath.toLowerCase().endsWith(suffix) ? result.filePath : result.filePath + suffix;
}

/**
 * The postbus folder (Uitwisselen › Postbus). Only a path comes back: postbus.set checks the folder itself,
 * and the postbus reads and writes only its own kind of files there, so no plan-file permission is given.
 */
export async function openFolderDialog(win: BrowserWindow): Promise<string | null> {
  const result = await dialog.showOpenDialog(win, { title: 'Map voor de postbus kiezen', buttonLabel: 'Deze map gebruiken', properties: ['openDirectory', 'createDirectory'] });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Registers the handlers; returns a function that removes them (for tests and a clean quit). */
export function registerIpc({ ctx, mainWindow }: IpcOptions): () => void {
  const trustedWindow = (event: IpcMainInvokeEvent): BrowserWindow | undefined => {
    const win = mainWindow();
    if (!win || win.isDestroyed()) return undefined;
    return isTrustedSender(event, win.webContents.id) ? win : undefined;
  };
  const refused = (channel: string) => console.warn(`[regie] ${channel}: verzoek van onbekende afzender geweigerd`);
  const files = transfersOf(ctx);

  ipcMain.handle(DESKTOP_CHANNELS.call, async (event, name: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!trustedWindow(event)) {
      refused(DESKTOP_CHANNELS.call);
      return UNAUTHORISED;
    }
    const method = typeof name === 'string' ? name : '';
    if (!pathAllowed(files, method, args)) {
      console.warn(`[regie] ${method}: pad dat de gebruiker niet koos geweigerd`);
      return PATH_NOT_CHOSEN;
    }
    return dispatch(ctx, method, args);
  });
  ipcMain.handle(DESKTOP_CHANNELS.openPlanDialog, async (event): Promise<string | null> => {
    const win = trustedWindow(event);
    if (!win) {
      refused(DESKTOP_CHANNELS.openPlanDialog);
      return null;
    }
    const path = await openPlanDialog(win);
    return path === null ? null : files.allowPath(path, 'read');
  });
  ipcMain.handle(DESKTOP_CHANNELS.savePlanDialog, async (event, suggestedName: unknown): Promise<string | null> => {
    const win = trustedWindow(event);
    if (!win) {
      refused(DESKTOP_CHANNELS.savePlanDialog);
      return null;
    }
    const path = await savePlanDialog(win, suggestedName);
    return path === null ? null : files.allowPath(path, 'write');
  });
  ipcMain.handle(DESKTOP_CHANNELS.openFolderDialog, async (event): Promise<string | null> => {
    const win = trustedWindow(event);
    if (!win) {
      refused(DESKTOP_CHANNELS.openFolderDialog);
      return null;
    }
    return openFolderDialog(win);
  });
  ipcMain.handle(DESKTOP_CHANNELS.dropFile, async (event, path: unknown): Promise<string | null> => {
    if (!trustedWindow(event)) {
      refused(DESKTOP_CHANNELS.dropFile);
      return null;
    }
    return allowDroppedFile(files, path);
  });

  return () => {
    ipcMain.removeHandler(DESKTOP_CHANNELS.call);
    ipcMain.removeHandler(DESKTOP_CHANNELS.openPlanDialog);
    ipcMain.removeHandler(DESKTOP_CHANNELS.savePlanDialog);
    ipcMain.removeHandler(DESKTOP_CHANNELS.openFolderDialog);
    ipcMain.removeHandler(DESKTOP_CHANNELS.dropFile);
  };
}
