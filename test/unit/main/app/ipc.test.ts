// IPC: only the app's own window reaches the api, and it reaches the real handlers and a real SQLite store.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, app, dialog, ipcEvent, ipcMain, resetFakes } from './fake-electron';
import { newContext, tempDir } from '../../helpers';
import { Copy, GP } from '../exchange/copies';
import { PATH_NOT_CHOSEN, registerIpc, UNAUTHORISED } from '../../../../main/app/ipc';
import { dispatch } from '../../../../main/api/dispatch';
import type { AppContext } from '../../../../main/session/context';
import type * as DispatchModule from '../../../../main/api/dispatch';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('../../../../main/api/dispatch', async (importOriginal) => {
  const actual = await importOriginal<typeof DispatchModule>();
  return { ...actual, dispatch: vi.fn(actual.dispatch) };
});

const APP_PAGE = 'app://regie/index.html';

function setup(): {
  win: BrowserWindow;
  ctx: AppContext;
  call: (event: unknown, ...args: unknown[]) => Promise<unknown>;
  channel: (name: string) => (event: unknown, ...args: unknown[]) => Promise<unknown>;
} {
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

  it('opens the native folder chooser for the postbus, and the folder it returns can be set as the postbus', async () => {
    const { win, ctx, channel, call } = setup();
    const event = ipcEvent(win.webContents.id, APP_PAGE);
    expect(await call(event, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop' })).toMatchObject({ ok: true });
    const folder = tempDir('regie-postbus-gekozen-');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    const chosen = await channel('regie:dialog-open-folder')(event);
    expect(chosen).toBe(folder);
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] ?? [];
    expect(parent).toBe(win);
    expect(options).toMatchObject({ title: 'Map voor de postbus kiezen', properties: ['openDirectory', 'createDirectory'] });
    expect(await call(event, 'postbus.set', { dir: chosen })).toMatchObject({ ok: true, value: { configured: true, dir: folder } });
    // Cancelled: nothing chosen, and the postbus stays where it was.
    expect(await channel('regie:dialog-open-folder')(event)).toBeNull();
    expect(await call(event, 'postbus.status', {})).toMatchObject({ ok: true, value: { dir: folder } });
    ctx.close();
  });

  it('shows no dialog to other senders', async () => {
    const { win, channel } = setup();
    const stranger = ipcEvent(win.webContents.id + 1, APP_PAGE);
    expect(await channel('regie:dialog-open-folder')(stranger)).toBeNull();
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
    expect([...ipcMain.handlers.keys()].sort()).toEqual(['regie:call', 'regie:dialog-open-folder', 'regie:dialog-open-plan', 'regie:dialog-save-plan', 'regie:drop-file']);
    stop();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('plan files chosen by the user', () => {
  beforeEach(() => {
    resetFakes();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    app.setPath('documents', '/home/boa/Documenten');
  });

  /** Heemstede's desktop app (behind IPC) and Zandvoort (a partner), who trust each other. */
  async function partners() {
    const zandvoort = await new Copy('GM0473', 'Zandvoort').init();
    const ctx = newContext(undefined, 'ipc');
    const win = new BrowserWindow({});
    registerIpc({ ctx, mainWindow: () => win as unknown as Electron.BrowserWindow });
    const handler = (name: string) => ipcMain.handlers.get(name)!;
    const event = ipcEvent(win.webContents.id, APP_PAGE);
    const call = (method: string, args: unknown) => handler('regie:call')(event, method, args) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
    await call('setup.init', { gemeente: 'GM0397', deviceLabel: 'Laptop Heemstede' });
    const card = (await call('identity.card', {})).value as { content: string };
    await zandvoort.call('partners.trust', { content: card.content, fingerprint: (await zandvoort.call('partners.inspectCard', { content: card.content })).fingerprint });
    const theirs = await zandvoort.card();
    await call('partners.trust', { content: theirs, fingerprint: (await zandvoort.call('partners.inspectCard', { content: theirs })).fingerprint });
    return { zandvoort, ctx, win, event, handler, call };
  }

  it('refuses a path the user did not choose, before dispatch, and changes nothing', async () => {
    const { zandvoort, call } = await partners();
    await zandvoort.call('events.create', GP);
    const path = await zandvoort.exportTo('all');
    vi.mocked(dispatch).mockClear();
    for (const [method, args] of [
      ['exchange.import', { path }],
      ['exchange.preview', { path }],
      ['exchange.verify', { path }],
      ['exchange.export', { to: ['GM0473'], full: false, path: join(tempDir(), 'uit.regie') }],
      ['exchange.import', {}],
    ] as const) {
      expect(await call(method, args)).toEqual(PATH_NOT_CHOSEN);
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect((await call('events.list', {})).value).toEqual([]);
    // By id, an unchosen path is not even found.
    expect(await call('exchange.importFile', { fileId: path })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await call('events.list', {})).value).toEqual([]);
  });

  it('previews and imports a file chosen in the open dialog, by the path the dialog returned', async () => {
    const { zandvoort, win, handler, call } = await partners();
    await zandvoort.call('events.create', GP);
    const path = await zandvoort.exportTo('all');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    const chosen = await handler('regie:dialog-open-plan')(ipcEvent(win.webContents.id, APP_PAGE));
    expect(chosen).toBe(path);
    expect(await call('exchange.previewFile', { fileId: chosen })).toMatchObject({ ok: true, value: { applied: false, perGemeente: [{ gemeente: 'GM0473', created: 1 }] } });
    expect(await call('exchange.importFile', { fileId: chosen })).toMatchObject({ ok: true, value: { applied: true } });
    expect(((await call('events.list', {})).value as { name: string }[]).map((e) => e.name)).toEqual([GP.name]);
    // The user's own file is left where it was.
    expect(existsSync(path)).toBe(true);
    // Chosen to read is not chosen to write.
    expect(await call('exchange.exportFile', { to: ['GM0473'], target: path })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('exchange.export', { to: ['GM0473'], full: false, path })).toEqual(PATH_NOT_CHOSEN);
  });

  it('exports to the place chosen in the save dialog, and nowhere else', async () => {
    const { zandvoort, win, handler, call } = await partners();
    await call('events.create', { ...GP, name: 'Heemsteedse Braderie' });
    const target = join(tempDir(), 'naar-zandvoort');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const chosen = (await handler('regie:dialog-save-plan')(ipcEvent(win.webContents.id, APP_PAGE), 'regie-Heemstede-aan-Zandvoort.regie')) as string;
    expect(chosen).toBe(`${target}.regie`);
    const made = await call('exchange.exportFile', { to: ['GM0473'], target: chosen });
    expect(made).toMatchObject({ ok: true, value: { fileId: chosen, fileName: 'naar-zandvoort.regie', download: false, entries: 1 } });
    expect(await zandvoort.importFile(chosen)).toMatchObject({ applied: true });
    const elsewhere = join(tempDir(), 'elders.regie');
    expect(await call('exchange.exportFile', { to: ['GM0473'], target: elsewhere })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(existsSync(elsewhere)).toBe(false);
  });

  it('allows a dropped .regie file on this computer, and nothing else', async () => {
    const { zandvoort, win, handler, call } = await partners();
    await zandvoort.call('events.create', GP);
    const path = await zandvoort.exportTo('all');
    const drop = handler('regie:drop-file');
    const event = ipcEvent(win.webContents.id, APP_PAGE);
    const notPlan = join(tempDir(), 'notities.txt');
    writeFileSync(notPlan, 'geen planbestand');
    for (const bad of ['relatief.regie', join(tempDir(), 'bestaat-niet.regie'), notPlan, tempDir() + '.regie', 42, null]) {
      expect(await drop(event, bad)).toBeNull();
    }
    expect(await drop(ipcEvent(win.webContents.id + 7, APP_PAGE), path)).toBeNull();
    expect(await drop(event, path)).toBe(path);
    expect(await call('exchange.previewFile', { fileId: path })).toMatchObject({ ok: true, value: { sender: { gemeenteName: 'Zandvoort' } } });
    expect(readFileSync(path).length).toBeGreaterThan(20);
  });
});
