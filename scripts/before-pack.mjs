// electron-builder's beforePack hook (electron-builder.yml): puts better-sqlite3 built for the Electron and the
// architecture being packed at dist/electron/native/, from where the app loads it (main/app/start.ts). Packaging
// runs with npmRebuild off, so electron-builder never rebuilds node_modules in place: the Node build used by
// tests, the host and the command line stays as it is, and no "npm rebuild" is needed afterwards.
import { buildElectronSqlite, ELECTRON_SQLITE } from './electron-env.mjs';

/** electron-builder's Arch enum (builder-util), by number. */
const ARCH = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64' };

export default async function beforePack(context) {
  const arch = ARCH[context.arch];
  if (!arch) throw new Error(`Regie: geen better-sqlite3 voor architectuur ${context.arch} (universal): pak x64 en arm64 apart in.`);
  if (context.electronPlatformName !== process.platform) {
    throw new Error(`Regie: installatiebestanden voor ${context.electronPlatformName} worden op ${context.electronPlatformName} gemaakt (better-sqlite3 is een native module).`);
  }
  const electronVersion = context.packager.info.framework.version;
  await buildElectronSqlite({ outFile: ELECTRON_SQLITE, version: electronVersion, arch, platform: context.electronPlatformName });
}
