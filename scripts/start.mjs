// `npm start` (after the build): runs the desktop app in Electron, or where no Electron program is available
// on this machine says so in one line and opens the same app in the browser through the loopback host.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildElectronSqlite, downloadElectron, electronBinary, NO_ELECTRON, ROOT as root } from './electron-env.mjs';

function openBrowser(url) {
  if (process.env.CI || process.env.REGIE_NO_BROWSER === '1') return;
  const [command, args] = process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {}); // no browser opener: the URL line above is enough
    child.unref();
  } catch {
    // same: the user can click or copy the printed URL
  }
}

/** Runs a child until it ends, passing Ctrl+C on, and exits with its code. */
function supervise(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const args = process.argv.slice(2);
const electron = electronBinary() ?? downloadElectron(process.env, spawnSync);

/** better-sqlite3 for Electron's ABI next to main.cjs (built once by @electron/rebuild; node_modules untouched). */
async function electronSqliteReady() {
  try {
    await buildElectronSqlite();
    return true;
  } catch (err) {
    console.error(`Regie: better-sqlite3 kon niet voor Electron worden gebouwd (${err.message.split('\n')[0]}).`);
    return false;
  }
}

if (electron && (await electronSqliteReady())) {
  // --data DIR works for both modes; the desktop app reads it as REGIE_DATA.
  const { values } = parseArgs({ args, options: { data: { type: 'string' } }, strict: false });
  const env = typeof values.data === 'string' ? { ...process.env, REGIE_DATA: resolve(values.data) } : process.env;
  supervise(spawn(electron, [root], { cwd: root, stdio: 'inherit', env }));
} else {
  console.log(
    electron
      ? 'Regie: de desktop-app kan hier niet starten (zie hierboven); Regie start in browsermodus.'
      : `Regie: ${NO_ELECTRON} (npx install-electron haalt het op, met internet); Regie start in browsermodus.`,
  );
  const host = spawn(process.execPath, ['--import', 'tsx', join(root, 'main', 'host', 'cli.ts'), ...args], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let opened = false;
  let buffered = '';
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (opened) return;
    buffered += chunk.toString('utf8');
    const match = /^Regie: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m.exec(buffered);
    if (match) {
      opened = true;
      buffered = '';
      openBrowser(match[1]);
    }
  });
  supervise(host);
}
