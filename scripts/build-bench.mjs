// Bundles the benchmark (test/bench/run.ts) into dist/bench/, with the decode worker and the migrations next
// to it, as the command line is bundled: `npm run bench` then measures the code as Regie ships it, without
// a TypeScript loader in the process (which would add its own memory and start-up time to every figure).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'bench');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'migrations'), { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pdfkit'],
  banner: { js: "import { createRequire as __regieCreateRequire } from 'node:module'; const require = __regieCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};
await build({ ...common, entryPoints: [join(root, 'test', 'bench', 'run.ts')], outfile: join(out, 'run.mjs') });
await build({ ...common, entryPoints: [join(root, 'main', 'exchange', 'decode-worker.ts')], outfile: join(out, 'decode-worker.mjs') });
for (const f of readdirSync(join(root, 'main', 'store', 'migrations'))) {
  copyFileSync(join(root, 'main', 'store', 'migrations', f), join(out, 'migrations', f));
}
