// The Dutch application menu. Every item has its own label, because Electron's role items would otherwise
// appear in English on Windows and Linux.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { DESKTOP_CHANNELS, type MenuAction } from '../../shared/api/desktop';

export interface MenuOptions {
  /** Reload and developer tools only while developing: a reload would drop unsaved form input. */
  isDev: boolean;
  isMac: boolean;
  /** A command for the page (import, export). */
  send: (action: MenuAction) => void;
  about: () => void;
}

export function menuTemplate({ isDev, isMac, send, about }: MenuOptions): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const aboutItem: MenuItemConstructorOptions = { label: 'Over Regie', click: () => about() };
  const quitItem: MenuItemConstructorOptions = { label: isMac ? 'Regie afsluiten' : 'Afsluiten', role: 'quit', accelerator: 'CmdOrCtrl+Q' };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Regie',
          submenu: [aboutItem, separator, { label: 'Regie verbergen', role: 'hide' }, { label: 'Andere verbergen', role: 'hideOthers' }, { label: 'Alles tonen', role: 'unhide' }, separator, quitItem],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: 'Bestand',
    submenu: [
      { label: 'Planbestand importeren…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
      { label: 'Exporteren…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
      ...(isMac ? [] : [separator, quitItem]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Bewerken',
    submenu: [
      { label: 'Ongedaan maken', role: 'undo' },
      { label: 'Opnieuw', role: 'redo' },
      separator,
      { label: 'Knippen', role: 'cut' },
      { label: 'Kopiëren', role: 'copy' },
      { label: 'Plakken', role: 'paste' },
      separator,
      { label: 'Alles selecteren', role: 'selectAll' },
    ],
  };

  const dev: MenuItemConstructorOptions[] = isDev ? [{ label: 'Herladen', role: 'reload' }, { label: 'Ontwikkelhulpmiddelen', role: 'toggleDevTools' }, separator] : [];
  const view: MenuItemConstructorOptions = {
    label: 'Beeld',
    submenu: [
      ...dev,
      { label: 'Werkelijke grootte', role: 'resetZoom' },
      { label: 'Inzoomen', role: 'zoomIn' },
      { label: 'Uitzoomen', role: 'zoomOut' },
      separator,
      { label: 'Volledig scherm', role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = { label: 'Help', role: 'help', submenu: [aboutItem] };

  return [...appMenu, file, edit, view, help];
}

/** Sets the application menu; page commands go to the window as 'regie:menu' events. */
export function installMenu(win: () => BrowserWindow | undefined, options: Omit<MenuOptions, 'send'>): void {
  const send = (action: MenuAction) => {
    const target = win();
    if (target && !target.isDestroyed()) target.webContents.send(DESKTOP_CHANNELS.menu, { action });
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ ...options, send })));
}
