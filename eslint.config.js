// Lint: TypeScript rules plus the layer rules (shared/ sees neither Node nor DOM nor electron; renderer/
// sees no Node and no electron; only main/app/ imports electron).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import reactHooks from 'eslint-plugin-react-hooks';
import { mainLayersPlugin } from './scripts/eslint/main-layers.js';

// Imports inside main/ that still run against the layer order (scripts/eslint/main-layers.js), each with why.
// Remove a line when its import is fixed; a new backwards import fails lint.
// None left: the importer's rule check, the last backwards import, is registered by the api instead
// (main/exchange/violation-check.ts). A new exception needs its reason here.
const MAIN_LAYER_EXCEPTIONS = {};

// Bare Node built-in names go under `paths` (exact module names); patterns would also match folder names
// such as a renderer's views/events.
const nodeBuiltinNames = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'zlib',
  'stream',
  'stream/promises',
  'worker_threads',
  'buffer',
  'events',
];

const restrict = (groups, message, names = []) => ({
  'no-restricted-imports': ['error', { paths: names.map((name) => ({ name, message })), patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    // Type-aware rules: each TypeScript file is checked with the tsconfig of its project.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dirname(fileURLToPath(import.meta.url)) } },
  },
  {
    rules: {
      // Off, with the reason. unbound-method: zustand selectors (`useStore((s) => s.load)`) and vitest's
      // `expect(obj.fn)` hand methods around that never use `this`.
      '@typescript-eslint/unbound-method': 'off',
      // The no-unsafe-* family: values from JSON.parse, SQLite rows and test fixtures are `any` by nature and
      // are checked by zod or the row types where it matters; the rule would ask for casts, not checks.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // require-await: fakes and handlers are async to match the shape of the api they stand in for.
      '@typescript-eslint/require-await': 'off',
      // React ignores what an event handler returns; a form's async onSubmit shows its own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  // JavaScript and declaration files outside the tsconfigs: no type-aware rules (after the overrides above).
  { files: ['**/*.{js,mjs,cjs}', 'scripts/**/*.d.mts'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    // useApiQuery (renderer/api/use-api-query.ts) takes deps as useEffect does; they are checked at every call.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useApiQuery$' }] },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict(
      ['node:*', 'electron', 'electron/*', 'react', 'react-dom', '**/main/**', '**/renderer/**'],
      'shared/ is pure TypeScript: no Node, no DOM, no electron, no main/ or renderer/ code.',
      nodeBuiltinNames,
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      ['node:*', 'electron', 'electron/*', '**/main/**', 'better-sqlite3'],
      'renderer/ runs in the browser sandbox: no Node, no electron, no main/ code; ask main through the api.',
      nodeBuiltinNames,
    ),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(['electron', 'electron/*', '**/renderer/**'], 'Only main/app/ imports electron; main/ never imports renderer/ code.'),
  },
  {
    files: ['main/**/*.ts'],
    plugins: { 'main-layers': mainLayersPlugin({ root: dirname(fileURLToPath(import.meta.url)), exceptions: MAIN_LAYER_EXCEPTIONS }) },
    rules: { 'main-layers/order': 'error' },
  },
  {
    // One way to prepare a statement: stmt(db, sql) (main/store/statements.ts), or ownStatement for rows
    // read across awaits. Not converted: the import job (a worker's), which wraps its connection's prepare to
    // count stored entries.
    files: ['main/**/*.ts'],
    ignores: ['main/store/**', 'main/exchange/import-job.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='prepare']", message: 'Prepare statements with stmt(db, sql) from main/store/statements.ts (ownStatement for rows read across awaits).' },
      ],
    },
  },
  {
    files: ['main/app/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(['**/renderer/**'], 'main/ never imports renderer/ code.'),
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
