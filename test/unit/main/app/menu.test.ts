// The application menu is Dutch throughout, and its page commands reach the window.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { BrowserWindow, Menu, resetFakes } from './fake-electron';
import { installMenu, menuTemplate } from '../../../../main/app/menu';

vi.mock('electron', () => import('./fake-electron'));

function items(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return Array.isArray(menu.submenu) ? menu.submenu : [];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  return template.flatMap((m) => [m, ...items(m)]).find((i) => i.label === label);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  const handler = item?.click as (() => void) | undefined;
  if (!handler) throw new Error(`${item?.label ?? '?'} has no click`);
  handler();
}

const base = { isDev: false, isMac: false, send: vi.fn(), about: vi.fn() };

describe('menuTemplate', () => {
  beforeEach(() => resetFakes());

  it('has the Dutch top-level menus', () => {
    expect(menuTemplate(base).map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
  });

  it('labels every item in Dutch instead of leaving Electron its English role names', () => {
    const all = menuTemplate({ ...base, isDev: true })
      .flatMap((m) => [m, ...items(m)])
      .filter((i) => i.type !== 'separator');
    for (const item of all) expect(item.label, JSON.stringify(item)).toBeTruthy();
    const labels = all.map((i) => i.label);
    for (const label of [
      'Planbestand importeren…',
      'Exporteren…',
      'Afsluiten',
      'Ongedaan maken',
      'Opnieuw',
      'Knippen',
      'Kopiëren',
      'Plakken',
      'Alles selecteren',
      'Inzoomen',
      'Uitzoomen',
      'Volledig scherm',
      'Over Regie',
    ]) {
      expect(labels).toContain(label);
    }
    expect(labels.join(' ')).not.toMatch(/\b(File|Edit|View|Undo|Paste|Quit)\b/);
  });

  it('sends import and export to the page and opens the about box', () => {
    const send = vi.fn();
    const about = vi.fn();
    const template = menuTemplate({ ...base, send, about });
    click(find(template, 'Planbestand importeren…'));
    click(find(template, 'Exporteren…'));
    click(find(template, 'Over Regie'));
    expect(send.mock.calls).toEqual([['import'], ['export']]);
    expect(about).toHaveBeenCalledOnce();
  });

  it('offers reload and developer tools only while developing', () => {
    expect(find(menuTemplate(base), 'Herladen')).toBeUndefined();
    expect(find(menuTemplate({ ...base, isDev: true }), 'Herladen')).toMatchObject({ role: 'reload' });
  });

  it('puts Regie first and quit in the app menu on macOS', () => {
    const template = menuTemplate({ ...base, isMac: true });
    expect(template.map((m) => m.label)).toEqual(['Regie', 'Bestand', 'Bewerken', 'Beeld', 'Help']);
    expect(items(template[0]!).map((i) => i.role)).toContain('quit');
    expect(items(template[1]!).map((i) => i.role)).not.toContain('quit');
  });
});

describe('installMenu', () => {
  beforeEach(() => resetFakes());

  it('sets the application menu and sends page commands to the window as regie:menu', () => {
    const win = new BrowserWindow({});
    installMenu(() => win as unknown as Electron.BrowserWindow, { isDev: false, isMac: false, about: vi.fn() });
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
    click(find(template, 'Exporteren…'));
    expect(win.webContents.sent).toEqual([['regie:menu', { action: 'export' }]]);
  });

  it('does nothing when the window is gone', () => {
    const win = new BrowserWindow({});
    win.destroyed = true;
    installMenu(() => win as unknown as Electron.BrowserWindow, { isDev: false, isMac: false, about: vi.fn() });
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
    click(find(template, 'Planbestand importeren…'));
    expect(win.webContents.sent).toEqual([]);
  });
});
