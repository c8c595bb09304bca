// The app's life cycle: one instance per data folder, a second start brings the first window forward and
// hands over its plan file, and the window is wired to the real store.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { join, resolve } from 'node:path';
import { BrowserWindow, app, ipcEvent, ipcMain, protocol, resetFakes } from './fake-electron';
import { tempDir } from '../../helpers';
import { startApp, type RunningApp } from '../../../../main/app/start';

vi.mock('electron', () => import('./fake-electron'));

const BASE = '/opt/Regie/resources/app.asar/dist/electron';
let running: RunningApp | undefined;

async function start(extra: { argv?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<{ app: RunningApp; win: BrowserWindow }> {
  const dataDir = tempDir();
  running = startApp({ baseDir: BASE, env: { REGIE_DATA: dataDir, ...extra.env }, argv: extra.argv ?? ['/opt/Regie/regie'], cwd: '/home/boa', platform: 'linux' });
  if (!running) throw new Error('startApp refused to start');
  await running.ready;
  const win = BrowserWindow.created[0];
  if (!win) throw new Error('no window');
  return { app: running, win };
}

describe('startApp', () => {
  beforeEach(() => resetFakes());
  afterEach(() => {
    app.emit('will-quit');
    running = undefined;
  });

  it('opens one window on the app page, with the bundled preload, and serves the renderer', async () => {
    const { win } = await start();
    expect(app.setName).toHaveBeenCalledWith('Regie');
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(BrowserWindow.created).toHaveLength(1);
    expect(win.loadedUrl).toBe('app://regie/index.html');
    expect(win.options.webPreferences).toMatchObject({ preload: join(BASE, 'preload.cjs'), sandbox: true, contextIsolation: true });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('keeps its data in REGIE_DATA, and answers the window from that store', async () => {
    const { app: started, win } = await start();
    const dataDir = app.getPath('userData');
    expect(started.context()?.dataDir).toBe(dataDir);
    expect(started.context()?.transport).toBe('ipc');
    const call = ipcMain.handlers.get('regie:call');
    expect(await call?.(ipcEvent(win.webContents.id, 'app://regie/index.html'), 'app.info', {})).toMatchObject({ ok: true, value: { dataDir, transport: 'ipc' } });
  });

  it('quits straight away when another instance holds the lock', () => {
    app.gotLock = false;
    expect(startApp({ baseDir: BASE, env: {}, argv: [], platform: 'linux' })).toBeUndefined();
    expect(app.quit).toHaveBeenCalled();
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it('brings the existing window forward on a second start', async () => {
    const { win } = await start();
    win.minimized = true;
    app.emit('second-instance', {}, ['/opt/Regie/regie'], '/home/boa', {});
    expect(win.calls).toEqual(expect.arrayContaining(['restore', 'show', 'focus']));
    expect(BrowserWindow.created).toHaveLength(1);
    expect(win.webContents.sent).toEqual([]);
  });

  it("hands a second start's plan file to the page once it has loaded", async () => {
    const { win } = await start();
    app.emit('second-instance', {}, ['/opt/Regie/regie', '--no-sandbox', 'uitwisseling.regie'], '/home/boa/Downloads', {});
    expect(win.webContents.sent).toEqual([]);
    win.webContents.emit('did-finish-load');
    app.emit('second-instance', {}, ['/opt/Regie/regie', '/media/usb/b.regie'], '/', {});
    expect(win.webContents.sent).toEqual([
      ['regie:open-file', resolve('/home/boa/Downloads', 'uitwisseling.regie')],
      ['regie:open-file', '/media/usb/b.regie'],
    ]);
  });

  it('lets the page preview the file it was opened with, and no other path', async () => {
    const { app: started, win } = await start({ argv: ['/opt/Regie/regie', 'week-21.regie'] });
    const call = ipcMain.handlers.get('regie:call')!;
    const event = ipcEvent(win.webContents.id, 'app://regie/index.html');
    expect(await call(event, 'exchange.preview', { path: '/home/boa/week-21.regie' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    win.webContents.emit('did-finish-load');
    // Now allowed: it fails only because this installation is not set up yet, not because of the path.
    expect(await call(event, 'exchange.preview', { path: '/home/boa/week-21.regie' })).toMatchObject({ ok: false, error: { code: 'not_initialised' } });
    expect(await call(event, 'exchange.preview', { path: '/home/boa/week-22.regie' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(started.context()).toBeDefined();
  });

  it('hands over the plan file it was started with', async () => {
    const { win } = await start({ argv: ['/opt/Regie/regie', 'week-21.regie'] });
    win.webContents.emit('did-finish-load');
    expect(win.webContents.sent).toEqual([['regie:open-file', '/home/boa/week-21.regie']]);
  });

  it('quits when the window is closed, and closes the store and IPC on quit', async () => {
    const { app: started, win } = await start();
    win.emit('closed');
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
    app.emit('will-quit');
    expect(ipcMain.handlers.size).toBe(0);
    expect(() => started.context()?.db()).toThrow(/database/i);
  });
});
