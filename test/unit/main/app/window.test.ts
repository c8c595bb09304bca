// The main window runs the shipped, locked-down configuration: isolation, sandbox, no new windows, no
// navigation away from the app, no permissions.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetFakes, shell } from './fake-electron';
import { createMainWindow, focusWindow } from '../../../../main/app/window';
import { APP_START_URL } from '../../../../main/app/security';

vi.mock('electron', () => import('./fake-electron'));

function open(): BrowserWindow {
  createMainWindow({ preload: '/opt/regie/dist/electron/preload.cjs', url: APP_START_URL });
  const win = BrowserWindow.created.at(-1);
  if (!win) throw new Error('no window created');
  return win;
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('createMainWindow', () => {
  beforeEach(() => resetFakes());

  it('isolates and sandboxes the page, without Node, with the preload', () => {
    const win = open();
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/regie/dist/electron/preload.cjs',
    });
    expect(win.options.title).toBe('Regie');
    expect(win.loadedUrl).toBe('app://regie/index.html');
  });

  it('shows the window only when it is ready to show', () => {
    const win = open();
    expect(win.options.show).toBe(false);
    expect(win.calls).not.toContain('show');
    win.emit('ready-to-show');
    expect(win.calls).toContain('show');
  });

  it('denies every window.open, and hands only web links to the browser', async () => {
    const win = open();
    const handler = win.webContents.windowOpenHandler;
    expect(handler).toBeDefined();
    expect(handler?.({ url: 'https://www.ccv.nl/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'app://regie/index.html' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledTimes(1));
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.ccv.nl/');
  });

  it('prevents navigation and redirects away from the app, but not within it', () => {
    const win = open();
    const foreign = navigationEvent('https://evil.example/login');
    win.webContents.emit('will-navigate', foreign, foreign.url);
    expect(foreign.preventDefault).toHaveBeenCalled();

    const file = navigationEvent('file:///home/boa/.ssh/id_ed25519');
    win.webContents.emit('will-navigate', file, file.url);
    expect(file.preventDefault).toHaveBeenCalled();

    const redirect = navigationEvent('http://127.0.0.1:9999/');
    win.webContents.emit('will-redirect', redirect, redirect.url);
    expect(redirect.preventDefault).toHaveBeenCalled();

    const inside = navigationEvent('app://regie/index.html');
    win.webContents.emit('will-navigate', inside, inside.url);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses webviews', () => {
    const win = open();
    const event = { preventDefault: vi.fn() };
    win.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const win = open();
    const { requestHandler, checkHandler } = win.webContents.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler?.(win.webContents, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler?.(win.webContents, permission, 'app://regie', {})).toBe(false);
    }
    expect(requestHandler).toBeDefined();
    expect(checkHandler).toBeDefined();
  });
});

describe('focusWindow', () => {
  beforeEach(() => resetFakes());

  it('restores a minimised window and brings it forward', () => {
    const win = new BrowserWindow({});
    win.minimized = true;
    win.visible = true;
    focusWindow(win as unknown as Parameters<typeof focusWindow>[0]);
    expect(win.calls).toEqual(['restore', 'focus']);
  });
});
