// Bundles the benchmark (test/bench/run.ts) into dist/bench/, as the command line is bundled: `npm run bench`
// then measures the code as Regie ships it, without a TypeScript loader in the process (which would add its
// own memory and start-up time to every figure).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleNode, root } from './bundle-node.mjs';

const out = join(root, 'dist', 'bench');
rmSync(out, { recursive: true, force: true });
// The host too, for open_region_ms (a host process started on a region-scale copy).
await bundleNode(out, [
  ['test/bench/run.ts', 'run.mjs'],
  ['main/host/cli.ts', 'host.mjs'],
]);
