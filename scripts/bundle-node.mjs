// Bundles Node entry points of Regie as ES modules into one folder, with the exchange's worker script
// (main/exchange/workers.ts finds it next to the bundle), the SQL migrations (main/store/db.ts finds
// them there too) and the PDF fonts (main/reports/pdf.ts: fonts/ next to the bundle). Used for the command
// line (build-cli.mjs) and the benchmark (build-bench.mjs).
// Packages Regie loads only when first needed (date-holidays, age-encryption and its curves, chokidar; see
// the import() calls in main/ and shared/) go to chunk-*.mjs files next to the bundle, so a start does not
// parse them (issue 22: opening a copy). pdfkit stays external and is loaded the same way.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * zod's classic API exports every message locale (about 40 of them, 400 kB, more than half the bundled
 * code). Regie's messages are its own (shared/i18n), so only zod's default English is kept: every worker and
 * process then has that much less code to load at its start (issue 22: opening a copy, starting an import).
 */
export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}zod${sep}`) ? { path: join(dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`,
      resolveDir: dirname(args.path),
    }));
  },
};

/** entries: [source relative to the project, output file name]; out: the folder, emptied of old migrations first. */
export async function bundleNode(out, entries) {
  // A fresh migrations folder: a renamed migration must not linger next to the bundle.
  rmSync(join(out, 'migrations'), { recursive: true, force: true });
  mkdirSync(join(out, 'migrations'), { recursive: true });
  copyFonts(join(out, 'fonts'));
  // Chunks of an earlier build (their names carry a hash of their content).
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (/^chunk-.*\.mjs$/.test(f)) rmSync(join(out, f));
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: true,
    outdir: out,
    outExtension: { '.js': '.mjs' },
    // Next to the entry, not in a subfolder: modules find migrations and fonts next to themselves.
    chunkNames: 'chunk-[name]-[hash]',
    external: ['better-sqlite3', 'pdfkit'],
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: { js: "import { createRequire as __regieCreateRequire } from 'node:module'; const require = __regieCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    plugins: [zodEnglishOnly],
  };
  // Decoding plan files and applying large ones in the background (main/exchange/workers.ts).
  const workers = [['main/exchange/exchange-worker.ts', 'exchange-worker.mjs']];
  for (const [source, file] of [...entries, ...workers]) {
    await build({ ...common, entryPoints: [{ in: join(root, source), out: file.replace(/\.mjs$/, '') }] });
  }
  for (const f of readdirSync(join(root, 'main', 'store', 'migrations'))) {
    copyFileSync(join(root, 'main', 'store', 'migrations', f), join(out, 'migrations', f));
  }
}

/** The fonts every PDF embeds (with their licence), from main/reports/fonts into `dir`, emptied first. */
export function copyFonts(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(join(root, 'main', 'reports', 'fonts'))) copyFileSync(join(root, 'main', 'reports', 'fonts', f), join(dir, f));
}
