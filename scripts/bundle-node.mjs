// Bundles Node entry points of Regie as ES modules into one folder, with the plan-file decode worker
// (main/exchange/decode-pool.ts finds it next to the bundle), the SQL migrations (main/store/db.ts finds
// them there too) and the PDF fonts (main/reports/pdf.ts: fonts/ next to the bundle). Used for the command
// line (build-cli.mjs) and the benchmark (build-bench.mjs).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** entries: [source relative to the project, output file name]; out: the folder, emptied of old migrations first. */
export async function bundleNode(out, entries) {
  // A fresh migrations folder: a renamed migration must not linger next to the bundle.
  rmSync(join(out, 'migrations'), { recursive: true, force: true });
  mkdirSync(join(out, 'migrations'), { recursive: true });
  copyFonts(join(out, 'fonts'));
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'pdfkit'],
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: { js: "import { createRequire as __regieCreateRequire } from 'node:module'; const require = __regieCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  };
  const workers = [
    ['main/exchange/decode-worker.ts', 'decode-worker.mjs'],
    // Large plan files applied in the background (main/exchange/background-import.ts finds it next to the bundle).
    ['main/exchange/import-worker.ts', 'import-worker.mjs'],
  ];
  for (const [source, file] of [...entries, ...workers]) {
    await build({ ...common, entryPoints: [join(root, source)], outfile: join(out, file) });
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
