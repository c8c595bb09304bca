// IPC between the window and main: one channel for the whole api (dispatch checks the method name and its
// argument against the contract) and two for native file dialogs. Every handler first checks the sender.
import { app, dialog, ipcMain, type BrowserWindow, type FileFilter, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import type { Envelope } from '../../shared/api/contract';
import { DESKTOP_CHANNELS, PLAN_FILE_EXTENSION } from '../../shared/api/desktop';
import type { AppContext } from '../api/context';
import { dispatch } from '../api/dispatch';
import { isTrustedSender, safePlanFileName } from './security';

export interface IpcOptions {
  ctx: AppContext;
  /** The app's own window, or undefined while there is none. */
  mainWindow: () => BrowserWindow | undefined;
}

export const UNAUTHORISED: Envelope<never> = {
  ok: false,
  error: { code: 'unauthorised', message: 'Verzoek geweigerd: het komt niet uit het venster van Regie.' },
};

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

/** Registers the handlers; returns a function that removes them (for tests and a clean quit). */
export function registerIpc({ ctx, mainWindow }: IpcOptions): () => void {
  const trustedWindow = (event: IpcMainInvokeEvent): BrowserWindow | undefined => {
    const win = mainWindow();
    if (!win || win.isDestroyed()) return undefined;
    return isTrustedSender(event, win.webContents.id) ? win : undefined;
  };
  const refused = (channel: string) => console.warn(`[regie] ${channel}: verzoek van onbekende afzender geweigerd`);

  ipcMain.handle(DESKTOP_CHANNELS.call, async (event, name: unknown, args: unknown): Promise<Envelope<unknown>> => {
    if (!trustedWindow(event)) {
      refused(DESKTOP_CHANNELS.call);
      return UNAUTHORISED;
    }
    return dispatch(ctx, typeof name === 'string' ? name : '', args);
  });
  ipcMain.handle(DESKTOP_CHANNELS.openPlanDialog, async (event): Promise<string | null> => {
    const win = trustedWindow(event);
    if (!win) {
      refused(DESKTOP_CHANNELS.openPlanDialog);
      return null;
    }
    return openPlanDialog(win);
  });
  ipcMain.handle(DESKTOP_CHANNELS.savePlanDialog, async (event, suggestedName: unknown): Promise<string | null> => {
    const win = trustedWindow(event);
    if (!win) {
      refused(DESKTOP_CHANNELS.savePlanDialog);
      return null;
    }
    return savePlanDialog(win, suggestedName);
  });

  return () => {
    ipcMain.removeHandler(DESKTOP_CHANNELS.call);
    ipcMain.removeHandler(DESKTOP_CHANNELS.openPlanDialog);
    ipcMain.removeHandler(DESKTOP_CHANNELS.savePlanDialog);
  };
}
