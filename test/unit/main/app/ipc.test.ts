// IPC: only the app's own window reaches the api, and it reaches the real handlers and a real SQLite store.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { BrowserWindow, app, dialog, ipcEvent, ipcMain, resetFakes } from './fake-electron';
import { newContext } from '../../helpers';
import { registerIpc, UNAUTHORISED } from '../../../../main/app/ipc';
import { dispatch } from '../../../../main/api/dispatch';
import type { AppContext } from '../../../../main/api/context';
import type * as DispatchModule from '../../../../main/api/dispatch';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('../../../../main/api/dispatch', async (importOriginal) => {
  const actual = await importOriginal<typeof DispatchModule>();
  return { ...actual, dispatch: vi.fn(actual.dispatch) };
});

const APP_PAGE = 'app://regie/index.html';

function setup(): { win: BrowserWindow; ctx: AppContext; call: (event: unknown, ...args: unknown[]) => Promise<unknown>; channel: (name: string) => (event: unknown, ...args: unknown[]) => Promise<unknown> } {
  const ctx = newContext(undefined, 'ipc');
  const win = new BrowserWindow({});
  registerIpc({ ctx, mainWindow: () => win as unknown as Electron.BrowserWindow });
  const channel = (name: string) => {
    const handler = ipcMain.handlers.get(name);
    if (!handler) throw new Error(`no handler for ${name}`);
    return async (event: unknown, ...args: unknown[]) => handler(event, ...args);
  };
  return { win, ctx, call: channel('regie:call'), channel };
}

describe('regie:call', () => {
  beforeEach(() => {
    resetFakes();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('answers the app window from the real store', async () => {
    const { win, call } = setup();
    expect(await call(ipcEvent(win.webContents.id, APP_PAGE), 'setup.status', {})).toEqual({ ok: true, value: { state: 'new' } });
    const info = await call(ipcEvent(win.webContents.id, APP_PAGE), 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { transport: 'ipc' } });
  });

  it('refuses other senders before anything reaches dispatch', async () => {
    const { win, call } = setup();
    const init = { gemeente: 'GM0473', deviceLabel: 'Laptop handhaving' };
    const strangers = [
      ipcEvent(win.webContents.id + 1000, APP_PAGE),
      ipcEvent(win.webContents.id, 'https://evil.example/'),
      ipcEvent(win.webContents.id, 'file:///tmp/evil.html'),
      ipcEvent(win.webContents.id, APP_PAGE, 'https://evil.example'),
      ipcEvent(win.webContents.id, null),
    ];
    for (const event of strangers) {
      expect(await call(event, 'setup.init', init)).toEqual(UNAUTHORISED);
    }
    expect(UNAUTHORISED).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledTimes(strangers.length);
    // And nothing changed: the installation is still new.
    expect(await call(ipcEvent(win.webContents.id, APP_PAGE), 'setup.status', {})).toEqual({ ok: true, value: { state: 'new' } });
  });

  it('refuses everything once the window is closed', async () => {
    const { win, call } = setup();
    win.destroyed = true;
    expect(await call(ipcEvent(win.webContents.id, APP_PAGE), 'setup.status', {})).toEqual(UNAUTHORISED);
  });

  it('reports unknown methods and wrong arguments with their codes', async () => {
    const { win, call } = setup();
    const event = ipcEvent(win.webContents.id, APP_PAGE);
    expect(await call(event, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await call(event, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await call(event, 'setup.init', { gemeente: 12, deviceLabel: ['x'] })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await call(event, 'events.get', { id: 'x', extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('changes the store for the app window', async () => {
    const { win, call } = setup();
    const event = ipcEvent(win.webContents.id, APP_PAGE);
    const init = await call(event, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop handhaving' });
    expect(init).toMatchObject({ ok: true, value: { gemeente: 'GM0473' } });
    expect(await call(event, 'setup.status', {})).toMatchObject({ ok: true, value: { state: 'ready' } });
  });
});

describe('plan file dialogs', () => {
  beforeEach(() => {
    resetFakes();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    app.setPath('documents', '/home/boa/Documenten');
  });

  it('opens a .regie file chooser for the app window and returns the chosen path', async () => {
    const { win, channel } = setup();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/boa/zandvoort.regie'] });
    expect(await channel('regie:dialog-open-plan')(ipcEvent(win.webContents.id, APP_PAGE))).toBe('/home/boa/zandvoort.regie');
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] ?? [];
    expect(parent).toBe(win);
    expect(options).toMatchObject({ title: 'Planbestand openen', filters: [{ extensions: ['regie'] }], properties: ['openFile'] });
  });

  it('returns null when the user cancels', async () => {
    const { win, channel } = setup();
    expect(await channel('regie:dialog-open-plan')(ipcEvent(win.webContents.id, APP_PAGE))).toBeNull();
    expect(await channel('regie:dialog-save-plan')(ipcEvent(win.webContents.id, APP_PAGE), 'x')).toBeNull();
  });

  it('suggests a safe name in Documents and adds the extension the file chooser left off', async () => {
    const { win, channel } = setup();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/boa/naar-bloemendaal' });
    const chosen = await channel('regie:dialog-save-plan')(ipcEvent(win.webContents.id, APP_PAGE), '../../.ssh/authorized_keys');
    expect(chosen).toBe('/home/boa/naar-bloemendaal.regie');
    const [, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(options).toMatchObject({ title: 'Planbestand opslaan', defaultPath: join('/home/boa/Documenten', 'ssh-authorized_keys.regie') });
  });

  it('shows no dialog to other senders', async () => {
    const { win, channel } = setup();
    const stranger = ipcEvent(win.webContents.id + 1, APP_PAGE);
    expect(await channel('regie:dialog-open-plan')(stranger)).toBeNull();
    expect(await channel('regie:dialog-save-plan')(stranger, 'x')).toBeNull();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('registerIpc', () => {
  beforeEach(() => resetFakes());

  it('registers exactly the api and dialog channels and removes them again', () => {
    const ctx = newContext(undefined, 'ipc');
    const stop = registerIpc({ ctx, mainWindow: () => undefined });
    expect([...ipcMain.handlers.keys()].sort()).toEqual(['regie:call', 'regie:dialog-open-plan', 'regie:dialog-save-plan']);
    stop();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
