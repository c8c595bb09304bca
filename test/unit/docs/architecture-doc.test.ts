// docs/ARCHITECTURE.md stays true to the code: every file or folder it names in backticks exists, every
// function, class or constant it names occurs in the source, every api method it names is in the contract
// and every `regie` command it names is one the command line knows. Renaming or moving something the map
// shows fails here until the map follows.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { METHOD_NAMES } from '../../../shared/api/contract';
import { COMMANDS } from '../../../main/cli/commands';

const DOC = 'docs/ARCHITECTURE.md';
const doc = readFileSync(DOC, 'utf8');
const named = [...new Set([...doc.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim()))];

const topLevel = new Set(readdirSync('.'));
const tracked = execFileSync('git', ['ls-files', 'main', 'shared', 'renderer', 'scripts', 'eslint.config.js'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f));
const source = tracked.map((f) => readFileSync(f, 'utf8')).join('\n');
const methods = new Set<string>(METHOD_NAMES);
const commands = new Set([...Object.keys(COMMANDS), 'call', 'methods']);

const isPath = (t: string) => !t.includes(' ') && t.includes('/') && topLevel.has(t.replace(/^\//, '').split('/')[0]!);
const isIdentifier = (t: string) => /^[A-Za-z_$][\w$]*$/.test(t);
const occurs = (word: string) => new RegExp(`(^|[^\\w$])${word.replace(/\$/g, '\\$')}([^\\w$]|$)`, 'm').test(source);

describe('docs/ARCHITECTURE.md', () => {
  it('names only files and folders that exist', () => {
    const paths = named.filter(isPath);
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !existsSync(p.replace(/^\//, '')))).toEqual([]);
  });

  it('names only functions, classes and constants that occur in the source', () => {
    const words = named.flatMap((t) => {
      if (isPath(t) || methods.has(t) || t.startsWith('regie')) return [];
      const call = /^([A-Za-z_$][\w$.]*)\(/.exec(t);
      const dotted = call ? call[1]! : t;
      return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(dotted) ? dotted.split('.').filter(isIdentifier) : [];
    });
    expect(words).toEqual(expect.arrayContaining(['commitLocal', 'importPlanFile', 'runImport', 'escalationByRules', 'onStoreOpened']));
    expect(words.filter((w) => !occurs(w))).toEqual([]);
  });

  it('names only api methods of the contract and commands of regie', () => {
    const quoted = named.flatMap((t) => [...t.matchAll(/'([a-z]+\.[A-Za-z]+)'/g)].map((m) => m[1]!));
    const bare = named.filter((t) => /^[a-z]+\.[a-z][A-Za-z]+$/.test(t) && !t.endsWith('.js') && !t.endsWith('.ts'));
    const posted = named.flatMap((t) => /^POST \/api\/(.+)$/.exec(t)?.[1] ?? []);
    const apiNames = [...quoted, ...bare, ...posted];
    expect(apiNames).toEqual(expect.arrayContaining(['shifts.create', 'requests.overview']));
    expect(apiNames.filter((m) => !methods.has(m))).toEqual([]);
    const cli = named.flatMap((t) => /^regie ([a-z-]+)/.exec(t)?.[1] ?? []);
    expect(cli.length).toBeGreaterThan(1);
    expect(cli.filter((c) => !commands.has(c))).toEqual([]);
  });
});
