// Bundles the Electron main process and the preload into dist/electron/ (CommonJS, which is what Electron's
// sandboxed preload requires) and copies the SQL migrations and the PDF fonts next to the main bundle.
// dist/electron/native/ (better-sqlite3 built for Electron by scripts/electron-env.mjs) is kept: building it
// again takes minutes.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyFonts, zodEnglishOnly } from './bundle-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'electron');

mkdirSync(out, { recursive: true });
for (const entry of readdirSync(out)) {
  if (entry !== 'native') rmSync(join(out, entry), { recursive: true, force: true });
}

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  plugins: [zodEnglishOnly],
};

await build({
  ...common,
  entryPoints: ['main/app/main.ts'],
  outfile: join(out, 'main.cjs'),
  platform: 'node',
  target: 'node22', // the Node inside Electron 45
  // better-sqlite3 is a native module loaded from node_modules (unpacked from the asar in packaged builds).
  external: ['electron', 'better-sqlite3', 'pdfkit'],
  // Modules find files next to themselves via import.meta.url, which CommonJS does not have.
  banner: { js: "const __import_meta_url = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url' },
});

// The exchange's worker threads of the main process (main/exchange/workers.ts): decoding plan files, and
// applying large ones (main/exchange/background-import.ts).
await build({
  ...common,
  entryPoints: ['main/exchange/exchange-worker.ts'],
  outfile: join(out, 'exchange-worker.cjs'),
  platform: 'node',
  target: 'node22',
  external: ['electron', 'better-sqlite3', 'pdfkit'],
  banner: { js: "const __import_meta_url = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url' },
});

/** The contract's method names, read from the real contract at build time. */
async function methodNames() {
  const result = await build({ entryPoints: [join(root, 'shared', 'api', 'contract.ts')], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
  const source = Buffer.from(result.outputFiles[0].text).toString('base64');
  const names = (await import(`data:text/javascript;base64,${source}`)).METHOD_NAMES;
  if (!Array.isArray(names) || names.length === 0) throw new Error('build-electron: METHOD_NAMES not found in shared/api/contract.ts');
  return names;
}

// The preload needs only the method names, not zod and the schemas: less code in the privileged preload.
// Importing anything else from the contract at run time then fails this build instead of passing silently.
const contractNamesOnly = (names) => ({
  name: 'contract-names-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]shared[\\/]api[\\/]contract\.ts$/ }, () => ({ contents: `export const METHOD_NAMES = ${JSON.stringify(names)};`, loader: 'js' }));
  },
});

await build({
  ...common,
  entryPoints: ['main/app/preload.ts'],
  plugins: [contractNamesOnly(await methodNames())],
  outfile: join(out, 'preload.cjs'),
  // A sandboxed preload has no Node: building for the browser makes any Node import fail here, not at run time.
  platform: 'browser',
  target: 'chrome140',
  external: ['electron'],
});

const migrations = join(root, 'main', 'store', 'migrations');
mkdirSync(join(out, 'migrations'), { recursive: true });
for (const file of readdirSync(migrations).filter((f) => f.endsWith('.sql'))) {
  copyFileSync(join(migrations, file), join(out, 'migrations', file));
}

// The fonts every PDF embeds (main/reports/pdf.ts finds fonts/ next to main.cjs); packaged inside the asar.
copyFonts(join(out, 'fonts'));

console.log('Regie: dist/electron/main.cjs, preload.cjs, exchange-worker.cjs, migrations/ en fonts/ gebouwd.');
