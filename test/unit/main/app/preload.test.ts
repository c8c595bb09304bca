// The preload exposes one typed function per api method and a small desktop api, and nothing of ipcRenderer.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from './fake-electron';
import { METHOD_NAMES } from '../../../../shared/api/contract';

vi.mock('electron', () => import('./fake-electron'));

type Fn = (...args: unknown[]) => unknown;

function exposed(key: string): Record<string, Fn> {
  const call = contextBridge.exposeInMainWorld.mock.calls.find((c) => c[0] === key);
  if (!call) throw new Error(`${key} was not exposed`);
  return call[1] as Record<string, Fn>;
}

/** The listener the preload registered on a channel, as Electron would call it. */
function listenerFor(channel: string): (event: unknown, value: unknown) => void {
  const call = ipcRenderer.on.mock.calls.find((c) => c[0] === channel);
  if (!call) throw new Error(`no listener on ${channel}`);
  return call[1] as (event: unknown, value: unknown) => void;
}

describe('preload', () => {
  beforeAll(async () => {
    await import('../../../../main/app/preload');
  });

  it('exposes exactly window.regie and window.regieDesktop', () => {
    expect(contextBridge.exposeInMainWorld.mock.calls.map((c) => c[0]).sort()).toEqual(['regie', 'regieDesktop']);
  });

  it('offers exactly one function per contract method', () => {
    const bridge = exposed('regie');
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof bridge[name]).toBe('function');
  });

  it('sends each method over regie:call under its own name', async () => {
    const bridge = exposed('regie');
    for (const name of METHOD_NAMES) {
      ipcRenderer.invoke.mockClear();
      ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: name });
      const args = { probe: name };
      expect(await bridge[name]?.(args)).toEqual({ ok: true, value: name });
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('regie:call', name, args);
    }
  });

  it('opens the plan dialogs through their own channels', async () => {
    const desktop = exposed('regieDesktop');
    expect(Object.keys(desktop).sort()).toEqual(['onMenu', 'onOpenFile', 'openDroppedFile', 'openFolderDialog', 'openPlanDialog', 'savePlanDialog']);
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce('/home/boa/a.regie');
    expect(await desktop.openPlanDialog?.()).toBe('/home/boa/a.regie');
    await desktop.savePlanDialog?.('naar Heemstede');
    await desktop.openFolderDialog?.();
    expect(ipcRenderer.invoke.mock.calls).toEqual([['regie:dialog-open-plan'], ['regie:dialog-save-plan', 'naar Heemstede'], ['regie:dialog-open-folder']]);
  });

  it('keeps files opened before the page listens, and passes only the path', () => {
    const desktop = exposed('regieDesktop');
    const deliver = listenerFor('regie:open-file');
    const secretEvent = { sender: ipcRenderer };
    deliver(secretEvent, '/home/boa/eerst.regie');
    deliver(secretEvent, 42); // not a path: dropped
    const received: unknown[][] = [];
    const stop = desktop.onOpenFile?.((...args: unknown[]) => received.push(args)) as () => void;
    deliver(secretEvent, '/home/boa/daarna.regie');
    expect(received).toEqual([['/home/boa/eerst.regie'], ['/home/boa/daarna.regie']]);
    stop();
    deliver(secretEvent, '/home/boa/na-afmelden.regie');
    expect(received).toHaveLength(2);
  });

  it('asks main to allow a dropped file by the path Electron knows, and offers nothing for a made-up file', async () => {
    const desktop = exposed('regieDesktop');
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce('/home/boa/Downloads/van-zandvoort.regie');
    const dropped = { name: 'van-zandvoort.regie', size: 1200, path: '/home/boa/Downloads/van-zandvoort.regie' };
    expect(await desktop.openDroppedFile?.(dropped)).toBe('/home/boa/Downloads/van-zandvoort.regie');
    expect(ipcRenderer.invoke.mock.calls).toEqual([['regie:drop-file', '/home/boa/Downloads/van-zandvoort.regie']]);
    ipcRenderer.invoke.mockClear();
    // A File the page built itself has no path: nothing is sent to main.
    expect(await desktop.openDroppedFile?.({ name: 'x.regie', size: 1 })).toBeNull();
    expect(await desktop.openDroppedFile?.({ name: 'x.regie', size: 1, path: '' })).toBeNull();
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('passes on only known menu commands', () => {
    const desktop = exposed('regieDesktop');
    const deliver = listenerFor('regie:menu');
    const received: unknown[] = [];
    desktop.onMenu?.((command: unknown) => received.push(command));
    deliver({}, { action: 'import' });
    deliver({}, { action: 'rm -rf' });
    deliver({}, 'export');
    deliver({}, { action: 'export' });
    expect(received).toEqual([{ action: 'import' }, { action: 'export' }]);
  });
});
