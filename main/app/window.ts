// The main window, locked down as Electron's security checklist asks: isolated, sandboxed, no Node, no new
// windows, no navigation away from the app, no permissions.
import { BrowserWindow, shell, type WebContents } from 'electron';
import { isAppUrl, openExternalUrl } from './security';

export interface WindowOptions {
  preload: string;
  url: string;
  icon?: string;
}

function openInBrowser(url: string): void {
  openExternalUrl(url, (u) => shell.openExternal(u)).catch((err: unknown) => {
    console.error('[regie] kon link niet openen:', err);
  });
}

/** Applies the navigation and permission rules to a window's contents; exported for tests. */
export function lockDown(contents: WebContents): void {
  // Links with target=_blank: never a new Electron window; web links go to the user's browser.
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openInBrowser(url);
  };
  contents.on('will-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-redirect', (event) => stayInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Regie needs no camera, location, notifications or clipboard reads: refuse them all, asked or checked.
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Regie',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's spellchecker downloads dictionaries from Google; Regie makes no network calls of its own.
      spellcheck: false,
    },
  });
  lockDown(win.webContents);
  // Shown once painted, so the user never sees an empty white frame.
  win.once('ready-to-show', () => win.show());
  win.loadURL(options.url).catch((err: unknown) => console.error('[regie] kon het venster niet laden:', err));
  return win;
}

/** Brings the window to the front, also when it was minimised or hidden. */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
