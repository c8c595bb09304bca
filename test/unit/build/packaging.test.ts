// The packaging configuration, checked without building installers (that needs Electron downloads): it
// matches electron-builder's own schema, hardens the packaged program with Electron's fuses, builds the
// installers a gemeente's IT department needs, keeps secrets out, and every path it names exists or is made
// by `npm run build`.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
  directories: { buildResources: string; output: string };
  files: string[];
  asarUnpack: string[];
  extraMetadata: { main: string };
  fileAssociations: { ext: string; name: string }[];
  linux: { target: string[]; icon: string };
  win: { target: string[] };
  nsis: { perMachine: boolean; allowElevation: boolean; oneClick: boolean };
  msi: { perMachine: boolean; oneClick: boolean; upgradeCode: string };
  mac: { target: string[]; hardenedRuntime: boolean; notarize: boolean };
  electronFuses: Record<string, boolean>;
  npmRebuild: boolean;
  beforePack: string;
  asar: boolean;
};
const rawConfig = readFileSync('electron-builder.yml', 'utf8');

describe('electron-builder configuration', () => {
  it('matches electron-builder’s schema', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(schema, config);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app and installs per user on Windows, with the .regie association', () => {
    expect(config).toMatchObject({ appId: 'nl.regie.app', productName: 'Regie' });
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis', 'msi']));
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
    expect(config.mac.target).toContain('dmg');
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'regie' })]);
  });

  it('hardens the packaged program with Electron’s fuses', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an MSI for IT departments: per machine, silent, replacing older versions', () => {
    expect(config.msi).toMatchObject({ perMachine: true, oneClick: true });
    // One upgrade code for every version: Windows Installer then upgrades in place instead of installing twice.
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('signs and notarizes from the environment, with nothing secret in the repository', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    for (const key of ['cscLink', 'cscKeyPassword', 'appleId', 'appleIdPassword', 'password', 'certificatePassword', 'certificateFile']) {
      expect(rawConfig, key).not.toMatch(new RegExp(`^\\s*${key}\\s*:`, 'm'));
    }
  });

  it('loads better-sqlite3 built for Electron next to main.cjs, and never rebuilds node_modules in place', async () => {
    // An in-place rebuild would leave tests, host and command line with a module for Electron's ABI.
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toContain('dist/electron/native/*.node');
    expect(existsSync(config.beforePack)).toBe(true);
    const hook = (await import(pathToFileURL(resolve(config.beforePack)).href)) as { default: unknown };
    expect(typeof hook.default).toBe('function');
    const { ELECTRON_SQLITE } = await import('../../../scripts/electron-env.mjs');
    expect(relative(process.cwd(), ELECTRON_SQLITE).split(sep).join('/')).toBe('dist/electron/native/better_sqlite3.node');
    // main/app/start.ts looks for native/better_sqlite3.node next to the main bundle.
    expect(dirname(ELECTRON_SQLITE)).toBe(resolve(dirname(config.extraMetadata.main), 'native'));
  });

  it('names only paths that exist after the build', () => {
    expect(existsSync(config.directories.buildResources)).toBe(true);
    expect(existsSync(config.linux.icon)).toBe(true);
    expect(existsSync(join(config.directories.buildResources, 'icon.png'))).toBe(true);
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'ignore' });
    expect(existsSync(config.extraMetadata.main)).toBe(true);
    expect(existsSync('dist/electron/preload.cjs')).toBe(true);
    expect(existsSync('dist/electron/migrations/001_init.sql')).toBe(true);
    // The PDF fonts ship next to the main bundle (inside the asar, which dist/** covers), with their licence.
    for (const f of ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf', 'LiberationMono-Regular.ttf', 'LICENSE.txt']) expect(existsSync(`dist/electron/fonts/${f}`)).toBe(true);
    expect(config.files).toContain('dist/**');
    expect(existsSync('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toMatch(/electron-builder/);
  });
});
