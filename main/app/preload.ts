// The preload: gives the isolated page window.regie (one function per api method) and window.regieDesktop
// (dialogs, opened and dropped files, menu commands) and nothing else: no ipcRenderer, no events, no Node.
// Runs sandboxed, so the build bundles it into one CommonJS file.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { METHOD_NAMES, type Envelope, type MethodInput, type MethodName, type MethodResult, type RegieBridge } from '../../shared/api/contract';
import { DESKTOP_CHANNELS, MENU_ACTIONS, type DroppedFile, type MenuCommand, type RegieDesktop, type Unsubscribe } from '../../shared/api/desktop';

type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

function caller<K extends MethodName>(invoke: Invoke, name: K): (args: MethodInput<K>) => Promise<Envelope<MethodResult<K>>> {
  return (args) => invoke(DESKTOP_CHANNELS.call, name, args) as Promise<Envelope<MethodResult<K>>>;
}

/** Built from the contract's method list, so a new method reaches the renderer without editing this file. */
export function buildBridge(invoke: Invoke): RegieBridge {
  const bridge: Partial<Record<MethodName, unknown>> = {};
  for (const name of METHOD_NAMES) bridge[name] = caller(invoke, name);
  // The mapped type cannot be built key by key in TypeScript; caller<K> types each entry correctly.
  return bridge as RegieBridge;
}

type Listen = (channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void) => Unsubscribe;

/**
 * A channel from main that the page may subscribe to. Values are checked before they reach the page, and
 * values that arrive before anyone subscribes are kept (a file opened by double-click arrives while the page
 * is still starting).
 */
function inbox<T>(listen: Listen, channel: string, accept: (value: unknown) => value is T): (callback: (value: T) => void) => Unsubscribe {
  const waiting: T[] = [];
  const callbacks = new Set<(value: T) => void>();
  // The IPC event itself is never passed on: it would give the page a handle on ipcRenderer.
  listen(channel, (_event, value) => {
    if (!accept(value)) return;
    if (callbacks.size === 0) waiting.push(value);
    for (const cb of callbacks) cb(value);
  });
  return (callback) => {
    callbacks.add(callback);
    for (const value of waiting.splice(0)) callback(value);
    return () => {
      callbacks.delete(callback);
    };
  };
}

const isPath = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'object' && value !== null && (MENU_ACTIONS as readonly unknown[]).includes((value as { action?: unknown }).action);

/** The path of a File the user dropped; Electron knows it, the page does not. '' for anything else. */
type PathOfFile = (file: DroppedFile) => string;

export function buildDesktop(invoke: Invoke, listen: Listen, pathOf: PathOfFile): RegieDesktop {
  const desktop = {
    openPlanDialog: () => invoke(DESKTOP_CHANNELS.openPlanDialog) as Promise<string | null>,
    savePlanDialog: (suggestedName: string) => invoke(DESKTOP_CHANNELS.savePlanDialog, suggestedName) as Promise<string | null>,
    openFolderDialog: () => invoke(DESKTOP_CHANNELS.openFolderDialog) as Promise<string | null>,
    onOpenFile: inbox(listen, DESKTOP_CHANNELS.openFile, isPath),
    onMenu: inbox(listen, DESKTOP_CHANNELS.menu, isMenuCommand),
    openDroppedFile: async (file: DroppedFile) => {
      let path = '';
      try {
        path = pathOf(file);
      } catch {
        // Not a File from a drop (the page made it up): there is no path to offer.
      }
      return path ? ((await invoke(DESKTOP_CHANNELS.dropFile, path)) as string | null) : null;
    },
  } satisfies RegieDesktop;
  return desktop;
}

const invoke: Invoke = (channel, ...args) => ipcRenderer.invoke(channel, ...args);
const listen: Listen = (channel, listener) => {
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
};

contextBridge.exposeInMainWorld('regie', buildBridge(invoke));
contextBridge.exposeInMainWorld(
  'regieDesktop',
  buildDesktop(invoke, listen, (file) => webUtils.getPathForFile(file as File)),
);
