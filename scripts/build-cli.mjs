// Bundles the `regie` command line into dist/cli/regie.mjs (with its SQL migrations next to it): starts in a
// tenth of the time tsx needs, which matters for scripts and for tests that run the command many times.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli');
// A fresh migrations folder: a renamed migration must not linger next to the bundle.
rmSync(join(out, 'migrations'), { recursive: true, force: true });
mkdirSync(join(out, 'migrations'), { recursive: true });

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
await build({ ...common, entryPoints: [join(root, 'main', 'cli', 'index.ts')], outfile: join(out, 'regie.mjs') });
// The plan-file decode worker (main/exchange/decode-pool.ts finds it next to regie.mjs).
await build({ ...common, entryPoints: [join(root, 'main', 'exchange', 'decode-worker.ts')], outfile: join(out, 'decode-worker.mjs') });
for (const f of readdirSync(join(root, 'main', 'store', 'migrations'))) {
  copyFileSync(join(root, 'main', 'store', 'migrations', f), join(out, 'migrations', f));
}
