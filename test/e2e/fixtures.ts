// A real Regie host per test: the real handler table and SQLite store in a fresh data folder, over loopback
// HTTP, started inside the test worker. `regie.restart()` reopens the same folder as a new process would.
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope, Identity, MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import { AppContext } from '../../main/session/context';
import { startHost, type RunningHost } from '../../main/host/server';

const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export interface Regie {
  /** The fresh data folder of this test; write into it before start() to prepare a broken database. */
  dataDir: string;
  /** Starts the host; resolves with the link the CLI would print ("http://127.0.0.1:PORT/#token=..."). */
  start(): Promise<string>;
  /** Stops the host and starts it again on the same data folder (and port and token, so a reload works). */
  restart(): Promise<string>;
  origin(): string;
  token(): string;
  /** Calls the api over HTTP as the renderer does, for arranging a test. */
  call<K extends MethodName>(name: K, args: MethodInput<K>): Promise<Envelope<MethodResult<K>>>;
  /** First run through the api: most tests start with a set-up installation. */
  setup(gemeente?: string, deviceLabel?: string): Promise<Identity>;
}

class HostHandle {
  private ctx: AppContext | undefined;
  private host: RunningHost | undefined;

  constructor(readonly dataDir: string) {}

  get running(): RunningHost {
    if (!this.host) throw new Error('Host not started: call regie.start() first.');
    return this.host;
  }

  async start(port?: number, token?: string): Promise<string> {
    this.ctx = new AppContext(this.dataDir, 'host', 'e2e');
    this.host = await startHost({ ctx: this.ctx, rendererDir: RENDERER_DIR, ...(port ? { port } : {}), ...(token ? { token } : {}) });
    return this.host.url;
  }

  async stop(): Promise<void> {
    if (this.host) {
      const closing = this.host.close();
      // The browser keeps connections alive; without this, close() waits for them to time out.
      this.host.server.closeAllConnections();
      await closing;
    }
    this.ctx?.close();
    this.host = undefined;
    this.ctx = undefined;
  }
}

export const test = base.extend<{ regie: Regie }>({
  // Playwright reads a fixture's dependencies from this destructuring, so it must be a pattern, even empty.
  // eslint-disable-next-line no-empty-pattern
  regie: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'regie-e2e-'));
    const handle = new HostHandle(dataDir);
    const regie: Regie = {
      dataDir,
      start: () => handle.start(),
      async restart() {
        const { port, token } = handle.running;
        await handle.stop();
        return handle.start(port, token);
      },
      origin: () => `http://127.0.0.1:${handle.running.port}`,
      token: () => handle.running.token,
      async call(name, args) {
        const res = await fetch(`${regie.origin()}/api/${name}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${regie.token()}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
        });
        return (await res.json()) as Envelope<MethodResult<typeof name>>;
      },
      async setup(gemeente = 'GM0473', deviceLabel = 'Laptop coördinator') {
        const result = await regie.call('setup.init', { gemeente, deviceLabel });
        if (!result.ok) throw new Error(`setup.init failed: ${result.error.message}`);
        return result.value;
      },
    };
    await use(regie);
    await handle.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Keeps a screenshot of what the user saw, next to the test's other output under test-results/. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}
