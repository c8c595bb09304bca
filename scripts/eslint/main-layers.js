// The layer order inside main/, declared once, and the lint rule that holds it (in the spirit of VS Code's
// `code-layering`): a file in main/ may import only from its own folder and from folders in lower layers.
// Folders in one layer are peers and do not import each other. Used by eslint.config.js.
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * Lowest first. main/paths.ts is the base everyone may use. store: SQLite files and tables; log: signed
 * entries and the records they make; session: the open store, this device's identity and profile, and the
 * handler table's type; exchange: plan files and partners; domain: the planning rules' reads and writes;
 * generate (demo and benchmark data), reports, postbus, identity (the gemeente key and its devices): features
 * over the domain; api: the one handler
 * table and dispatch; host, cli: transports; app: Electron.
 */
export const MAIN_LAYERS = [['paths.ts'], ['store'], ['log'], ['session'], ['exchange'], ['domain'], ['generate', 'reports', 'postbus', 'identity'], ['api'], ['host', 'cli'], ['app']];

const rankOf = new Map(MAIN_LAYERS.flatMap((layer, rank) => layer.map((folder) => [folder, rank])));

/** The folder of main/ a file lies in ('store', 'paths.ts', …), or undefined outside main/. */
function mainFolder(root, file) {
  const rel = relative(resolve(root, 'main'), file);
  if (rel.startsWith('..') || rel === '') return undefined;
  return rel.split(sep)[0].replace(/\.(ts|js)$/, (ext) => (rel.includes(sep) ? ext : '.ts'));
}

/**
 * @param {{ root: string, exceptions: Record<string, string> }} options exceptions: 'main/from.ts -> main/to'
 *   keys (the imported module without extension) with the reason as value.
 */
export function mainLayersPlugin({ root, exceptions }) {
  return {
    rules: {
      order: {
        meta: { type: 'problem', schema: [], messages: { backwards: '{{from}} (layer {{fromRank}}) may not import {{to}} (layer {{toRank}}): main/ layers are {{order}}.' } },
        create(context) {
          const file = context.filename;
          const from = mainFolder(root, file);
          if (from === undefined || !rankOf.has(from)) return {};
          const check = (node, source) => {
            if (typeof source !== 'string' || !source.startsWith('.')) return;
            const target = resolve(dirname(file), source);
            const to = mainFolder(root, target);
            if (to === undefined || to === from || !rankOf.has(to)) return;
            if (rankOf.get(to) < rankOf.get(from)) return;
            const key = `${relative(root, file).split(sep).join('/')} -> ${relative(root, target).split(sep).join('/')}`;
            if (Object.hasOwn(exceptions, key)) return;
            context.report({
              node,
              messageId: 'backwards',
              data: { from, to, fromRank: rankOf.get(from), toRank: rankOf.get(to), order: MAIN_LAYERS.map((l) => l.join(' | ')).join(' < ') },
            });
          };
          return {
            ImportDeclaration: (node) => check(node, node.source.value),
            ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
            ExportAllDeclaration: (node) => check(node, node.source.value),
            ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
          };
        },
      },
    },
  };
}
