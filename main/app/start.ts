// The desktop app's life cycle: one instance per data folder, the data context, IPC, menu and window.
// Kept apart from main.ts (which only calls it) so tests can drive it with a fake electron.
import { app, dialog, type BrowserWindow } from 'electron';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { AppContext } from '../session/context';
import { existingRunner } from '../postbus/runner';
import { APP_NAME, APP_VERSION } from '../paths';
import { DESKTOP_CHANNELS } from '../../shared/api/desktop';
import { registerIpc } from './ipc';
import { transfersOf } from '../exchange/transfer';
import { installMenu } from './menu';
import { FileForwarder, planFileFromArgv } from './open-file';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_START_URL } from './security';
import { createMainWindow, focusWindow } from './window';

export interface StartOptions {
  /** The folder holding main.cjs and preload.cjs (dist/electron). */
  baseDir: string;
  env?: NodeJS.ProcessEnv;
  argv?: readonly string[];
  cwd?: string;
  platform?: NodeJS.Platform;
}

export interface RunningApp {
  /** Settles once the window is open (or start-up failed and the app is quitting). */
  ready: Promise<void>;
  mainWindow(): BrowserWindow | undefined;
  context(): AppContext | undefined;
}

/**
 * better-sqlite3 compiled for Electron's ABI: REGIE_SQLITE_BINDING, or native/better_sqlite3.node next to
 * the bundle (made by scripts/start.mjs, or by electron-builder's rebuild in packaged apps, where the
 * default lookup in node_modules finds it and undefined is right).
 */
export function electronSqliteBinding(baseDir: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.REGIE_SQLITE_BINDING) return env.REGIE_SQLITE_BINDING;
  const local = join(baseDir, 'native', 'better_sqlite3.node');
  return existsSync(local) ? local : undefined;
}

/** Returns undefined when another instance already runs; this one then quits and that one takes over. */
export function startApp(options: StartOptions): RunningApp | undefined {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  registerAppScheme();
  app.setName(APP_NAME);
  // Date and time fields follow Chromium's language: Dutch dates (27-08-2027 10:00), not the OS default.
  app.commandLine.appendSwitch('lang', 'nl-NL');
  app.enableSandbox();
  // REGIE_DATA moves Chromium's profile too, so the instance lock is per data folder: two installations
  // (two gemeenten exchanging files) can run side by side on one machine.
  if (env.REGIE_DATA) app.setPath('userData', resolve(env.REGIE_DATA));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }

  let win: BrowserWindow | undefined;
  let ctx: AppContext | undefined;
  let unregister: (() => void) | undefined;
  const files = new FileForwarder();
  const firstFile = planFileFromArgv((options.argv ?? process.argv).slice(1), options.cwd ?? process.cwd());
  if (firstFile) files.open(firstFile);

  const mainWindow = () => (win && !win.isDestroyed() ? win : undefined);

  const openWindow = () => {
    const created = createMainWindow({ preload: join(options.baseDir, 'preload.cjs'), url: APP_START_URL });
    win = created;
    created.webContents.on('did-finish-load', () =>
      files.connect((path) => {
        // Opened with the app: the user chose this file, so the page may ask to preview it (and only it).
        if (ctx) transfersOf(ctx).allowPath(path, 'read');
        created.webContents.send(DESKTOP_CHANNELS.openFile, path);
      }),
    );
    created.on('closed', () => {
      files.connect(undefined);
      if (win === created) win = undefined;
    });
  };

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const existing = mainWindow();
    if (existing) focusWindow(existing);
    const file = planFileFromArgv(argv.slice(1), workingDirectory);
    if (file) files.open(file);
  });
  // macOS hands over files this way instead of through argv; it can happen before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    files.open(path);
  });
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  let flushed = false;
  app.on('will-quit', (event) => {
    // The postbus first writes what changed since its last file (a few seconds at most), then the app quits.
    const postbus = ctx && !flushed ? existingRunner(ctx) : undefined;
    if (postbus) {
      event.preventDefault();
      flushed = true;
      void postbus
        .flush()
        .catch((err: unknown) => console.error('[regie] postbus bij afsluiten:', err))
        .finally(() => app.quit());
      return;
    }
    unregister?.();
    ctx?.close();
  });

  const showAbout = () => {
    const box = {
      type: 'info' as const,
      title: 'Over Regie',
      message: `Regie ${APP_VERSION}`,
      detail: 'Regionale planning van handhavingsinzet tussen gemeenten, met ondertekende planbestanden.',
      buttons: ['Sluiten'],
    };
    const parent = mainWindow();
    void (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
  };

  const onReady = () => {
    ctx = new AppContext(app.getPath('userData'), 'ipc', APP_VERSION, electronSqliteBinding(options.baseDir, env));
    ctx.startAutomaticBackups();
    serveRenderer(join(options.baseDir, '..', 'renderer'));
    unregister = registerIpc({ ctx, mainWindow });
    void transfersOf(ctx)
      .sweep()
      .catch((err: unknown) => console.error('[regie] opruimen van overdrachtsbestanden mislukt:', err));
    installMenu(mainWindow, { isDev: !app.isPackaged, isMac: platform === 'darwin', about: showAbout });
    openWindow();
    app.on('activate', () => {
      if (!mainWindow()) openWindow();
    });
  };

  const ready = app
    .whenReady()
    .then(onReady)
    .catch((err: unknown) => {
      // Without a window there is nowhere else to say it: a native box in plain Dutch, then quit.
      console.error('[regie] starten mislukt:', err);
      dialog.showErrorBox(
        'Regie kan niet starten',
        `Er is niets gewijzigd. Controleer of u mag schrijven in de gegevensmap ${app.getPath('userData')}, of neem contact op met uw beheerder.\n\nOorzaak: ${(err as Error).message}`,
      );
      app.exit(1);
    });

  return { ready, mainWindow, context: () => ctx };
}
