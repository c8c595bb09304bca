// One way to prepare statements in main/: lint refuses `db.prepare(` outside main/store/ and points to
// stmt(db, sql) (main/store/statements.ts).
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// Only this rule, on text that is no file of a tsconfig (see main-layers.test.ts).
const eslint = new ESLint({
  cwd: process.cwd(),
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-syntax',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

async function prepareErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const direct = "import type { Db } from '../store/db';\nexport const n = (db: Db) => db.prepare('SELECT 1').get();\n";
const cached = "import type { Db } from '../store/db';\nimport { stmt } from '../store/statements';\nexport const n = (db: Db) => stmt(db, 'SELECT 1').get();\n";

describe('statement lint rule', () => {
  it('fails on db.prepare in main/, however the chain is written', async () => {
    expect(await prepareErrors(direct, 'main/domain/new.ts')).toEqual([expect.stringMatching(/stmt\(db, sql\)/)]);
    expect(await prepareErrors(direct.replace('db.prepare(', 'db\n  .prepare('), 'main/postbus/new.ts')).toHaveLength(1);
  });

  it('passes stmt(db, sql), and prepare inside main/store/ where stmt lives', async () => {
    expect(await prepareErrors(cached, 'main/domain/new.ts')).toEqual([]);
    expect(await prepareErrors(direct, 'main/store/new.ts')).toEqual([]);
  });
});
