// Bundles the `regie` command line into dist/cli/regie.mjs (with the decode worker and the SQL migrations
// next to it): starts in a tenth of the time tsx needs, which matters for scripts and for tests that run the
// command many times.
import { join } from 'node:path';
import { bundleNode, root } from './bundle-node.mjs';

await bundleNode(join(root, 'dist', 'cli'), [['main/cli/index.ts', 'regie.mjs']]);
