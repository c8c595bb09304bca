import { build } from 'esbuild';
const stubs = process.argv.slice(3);
const stub = { name: 'stub', setup(b) { b.onResolve({ filter: new RegExp(`^(${stubs.join('|')})$`) }, (a) => ({ path: a.path, namespace: 'stub' })); b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default class X {}; export const Decrypter = X, Encrypter = X, watch = () => {}; export const ed25519 = {};', loader: 'js' })); } };
await build({ bundle: true, platform: 'node', format: 'esm', target: 'node20', external: ['better-sqlite3', 'pdfkit'], entryPoints: ['main/host/cli.ts'], outfile: process.argv[2], plugins: stubs.length ? [stub] : [], logLevel: 'error',
  banner: { js: "import { createRequire as __regieCreateRequire } from 'node:module'; const require = __regieCreateRequire(import.meta.url);" } });
