// The packaging configuration, checked without building installers (that needs Electron downloads): it
// matches electron-builder's own schema, and every path it names exists or is made by `npm run build`.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
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
  win: { target: string };
  nsis: { perMachine: boolean; allowElevation: boolean; oneClick: boolean };
  mac: { target: string };
};

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
    expect(config.win.target).toBe('nsis');
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
    expect(config.mac.target).toBe('dmg');
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'regie' })]);
    expect(config.asarUnpack.join(' ')).toMatch(/better-sqlite3.*\.node/);
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
