// A small stand-in for the 'electron' module (the Electron program is not available to unit tests): records
// what main/app asks of it, so tests can assert the window settings, handlers and events.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly sent: Array<[string, unknown]> = [];
  readonly session = {
    requestHandler: undefined as PermissionRequestHandler | undefined,
    checkHandler: undefined as PermissionCheckHandler | undefined,
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      this.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler) {
      this.checkHandler = handler;
    },
  };

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, value: unknown): void {
    this.sent.push([channel, value]);
  }
}

export interface FakeWindowOptions {
  title?: string;
  show?: boolean;
  webPreferences?: Record<string, unknown>;
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  minimized = false;
  visible = false;
  destroyed = false;
  readonly calls: string[] = [];

  constructor(readonly options: FakeWindowOptions) {
    super();
    BrowserWindow.created.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }
  show(): void {
    this.calls.push('show');
    this.visible = true;
  }
  focus(): void {
    this.calls.push('focus');
  }
}

class FakeApp extends EventEmitter {
  gotLock = true;
  isPackaged = true;
  readonly paths = new Map<string, string>();
  readonly setName = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly commandLine = { appendSwitch: vi.fn() };
  readonly quit = vi.fn();
  readonly exit = vi.fn();

  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`fake app: no path ${name}`);
    return value;
  }
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };

export const dialog = {
  showOpenDialog: vi.fn((_win: unknown, _options: unknown) => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn((_win: unknown, _options: unknown) => Promise.resolve({ canceled: true, filePath: '' })),
  showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })),
  showErrorBox: vi.fn(),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => template),
  setApplicationMenu: vi.fn(),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

/** Electron gives the preload the path of a dropped File; the fake reads it from a `path` the test sets. */
export const webUtils = {
  getPathForFile: vi.fn((file: unknown) => {
    const path = (file as { path?: unknown }).path;
    if (typeof path !== 'string') throw new TypeError('not a File');
    return path;
  }),
};

export const ipcRenderer = {
  invoke: vi.fn((..._args: unknown[]) => Promise.resolve<unknown>(undefined)),
  on: vi.fn(),
  removeListener: vi.fn(),
};

/** Back to a fresh state between tests. */
export function resetFakes(): void {
  vi.clearAllMocks();
  BrowserWindow.created = [];
  app.removeAllListeners();
  app.gotLock = true;
  app.isPackaged = true;
  app.paths.clear();
  ipcMain.handlers.clear();
}

/** An IPC event as Electron delivers it, from the given contents and frame URL. */
export function ipcEvent(senderId: number, url: string | null, origin?: string): unknown {
  // Chromium gives a standard custom scheme a real origin; Node's URL says "null" for any non-special scheme.
  const originOf = (u: URL) => (u.protocol === 'app:' ? `app://${u.host}` : u.origin);
  return { sender: { id: senderId }, senderFrame: url === null ? null : { url, origin: origin ?? originOf(new URL(url)) } };
}
