// The desktop app's two needs on a developer's machine, shared by `npm start` (scripts/start.mjs), the packaging
// hook (scripts/before-pack.mjs) and the Electron smoke test (test/e2e/electron.spec.ts):
// - the Electron program, if this machine has one;
// - better-sqlite3 compiled for Electron's ABI, built by the ecosystem's tool (@electron/rebuild) in a copy of
//   the module, so the Node build in node_modules (used by tests, the host and the command line) stays as it is.
//   The app loads the Electron build through better-sqlite3's `nativeBinding` option (main/app/start.ts).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** What a skipped desktop test says, and what `npm start` says before it opens browser mode. */
export const NO_ELECTRON = 'geen Electron-programma op deze machine';

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

export function electronVersion() {
  const dir = electronPackageDir();
  return dir ? JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version : undefined;
}

/**
 * The Electron program, or undefined. Not require('electron'): since Electron 45 that starts a download when
 * the program is missing, which would hang or fail on a machine without internet. ELECTRON_OVERRIDE_DIST_PATH
 * (a folder with an unpacked Electron) is honoured as the electron package itself does.
 */
export function electronBinary(env = process.env) {
  const pkgDir = electronPackageDir();
  if (!pkgDir) return undefined;
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative || 'electron') : relative ? join(pkgDir, 'dist', relative) : undefined;
  return binary && existsSync(binary) ? binary : undefined;
}

/**
 * Electron 45 no longer downloads its program during `npm install`; `npm start` asks for it once (the electron
 * package's own installer, with its checksums). Returns the program, or undefined when it cannot be had
 * (no internet, or ELECTRON_OVERRIDE_DIST_PATH names a folder without it).
 */
export function downloadElectron(env = process.env, spawnSync) {
  const pkgDir = electronPackageDir();
  if (!pkgDir || env.ELECTRON_OVERRIDE_DIST_PATH || env.REGIE_NO_ELECTRON_DOWNLOAD === '1') return undefined;
  console.log('Regie: het Electron-programma wordt eenmalig gedownload…');
  const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { encoding: 'utf8', timeout: 10 * 60_000, env });
  if (r.status !== 0) {
    const reason = `${r.stderr ?? ''}`.split('\n').find((line) => line.trim() !== '') ?? (r.error?.message || 'onbekende fout');
    console.log(`Regie: downloaden lukte niet (${reason.trim()}).`);
  }
  return electronBinary(env);
}

/** Where the desktop app looks for its better-sqlite3 build: next to main.cjs (main/app/start.ts). */
export const ELECTRON_SQLITE = join(ROOT, 'dist', 'electron', 'native', 'better_sqlite3.node');

/**
 * Builds better-sqlite3 for Electron (prebuilt download where one exists, else compiled with node-gyp, both
 * done by @electron/rebuild) and copies the result to `outFile`. The work happens in a copy of the module under
 * node_modules/.cache (so the tools in node_modules are found) and is kept: the next call for the same
 * Electron version, platform and architecture is a file copy.
 */
export async function buildElectronSqlite({ outFile = ELECTRON_SQLITE, version = electronVersion(), arch = process.arch, platform = process.platform, log = console.log } = {}) {
  if (!version) throw new Error('het pakket electron is niet geïnstalleerd (npm install)');
  const moduleDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')).version;
  const stage = join(ROOT, 'node_modules', '.cache', 'regie-electron-sqlite', `electron-${version}-${platform}-${arch}-better-sqlite3-${sqliteVersion}`);
  const built = join(stage, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const done = join(stage, 'done');
  if (!existsSync(done)) {
    log(`Regie: better-sqlite3 ${sqliteVersion} wordt gebouwd voor Electron ${version} (${platform}-${arch}), eenmalig.`);
    rmSync(stage, { recursive: true, force: true });
    mkdirSync(join(stage, 'node_modules'), { recursive: true });
    writeFileSync(join(stage, 'package.json'), JSON.stringify({ name: 'regie-electron-sqlite', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
    const buildDir = `${sep}build${sep}`;
    cpSync(moduleDir, join(stage, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (p) => !(p + sep).includes(buildDir) });
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: stage, electronVersion: version, arch, platform, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
    if (!existsSync(built)) throw new Error(`@electron/rebuild maakte geen ${built}`);
    writeFileSync(done, `${new Date().toISOString()}\n`);
  }
  mkdirSync(dirname(outFile), { recursive: true });
  copyFileSync(built, outFile);
  return outFile;
}
