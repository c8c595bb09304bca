// `npm start` (after the build): runs the desktop app in Electron, or where no Electron program is available
// on this machine says so in one line and opens the same app in the browser through the loopback host.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * The Electron program, or undefined. Not require('electron'): since Electron 45 that starts a download when
 * the program is missing, which would hang or fail on a machine without internet.
 */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative || 'electron') : relative ? join(pkgDir, 'dist', relative) : undefined;
  return binary && existsSync(binary) ? binary : undefined;
}

function openBrowser(url) {
  if (process.env.CI || process.env.REGIE_NO_BROWSER === '1') return;
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
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
const electron = electronBinary();

/**
 * better-sqlite3 for Electron's ABI, built once into dist/electron/native/ (the Node build in node_modules
 * stays for tests, host and CLI). Needs Electron's headers, so it only works where they can be downloaded.
 */
function ensureElectronSqlite() {
  const target = join(root, 'dist', 'electron', 'native', 'better_sqlite3.node');
  const version = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const stamp = `${target}.${version}`;
  if (existsSync(target) && existsSync(stamp)) return true;
  const work = mkdtempSync(join(tmpdir(), 'regie-sqlite-'));
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), work, { recursive: true, filter: (p) => !p.includes(`${join('build', '')}`) });
  const gyp = spawnSync(process.execPath, [require.resolve('node-gyp/bin/node-gyp.js'), 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit' });
  if (gyp.status !== 0) {
    console.error('Regie: better-sqlite3 kon niet voor Electron worden gebouwd (Electron-headers niet beschikbaar?); browsermodus blijft werken met "npm run host".');
    return false;
  }
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  writeFileSync(stamp, '');
  return true;
}

function electronSqliteReady() {
  try {
    return ensureElectronSqlite();
  } catch (err) {
    console.error(`Regie: better-sqlite3 kon niet voor Electron worden gebouwd (${err.message}).`);
    return false;
  }
}

if (electron && electronSqliteReady()) {
  // --data DIR works for both modes; the desktop app reads it as REGIE_DATA.
  const { values } = parseArgs({ args, options: { data: { type: 'string' } }, strict: false });
  const env = typeof values.data === 'string' ? { ...process.env, REGIE_DATA: resolve(values.data) } : process.env;
  supervise(spawn(electron, [root], { cwd: root, stdio: 'inherit', env }));
} else {
  console.log('Regie: geen Electron-programma beschikbaar op deze machine; Regie start in browsermodus.');
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
