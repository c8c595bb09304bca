// The layer order of main/ is enforced by lint: a deliberately backwards import fails, a forwards one passes,
// and an import listed as an exception in eslint.config.js passes.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'main-layers/order').map((m) => m.message);
}

describe('main/ layer lint rule', () => {
  it('fails on a store file that imports the api (backwards)', async () => {
    const errors = await layerErrors("import { dispatch } from '../api/dispatch';\nexport const d = dispatch;\n", 'main/store/backwards.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/store \(layer 1\) may not import api \(layer 6\)/);
  });

  it('fails on peers importing each other and on a re-export, from a subfolder too', async () => {
    expect(await layerErrors("export { x } from '../postbus/runner';\n", 'main/reports/peer.ts')).toHaveLength(1);
    expect(await layerErrors("import type { AppContext } from '../../api/context';\nexport type C = AppContext;\n", 'main/domain/settle/new.ts')).toHaveLength(1);
  });

  it('passes a forwards import, shared/ and the listed exceptions', async () => {
    expect(await layerErrors("import { openDatabase } from '../store/db';\nimport { z } from 'zod';\nimport { contract } from '../../shared/api/contract';\nexport const a = [openDatabase, z, contract];\n", 'main/api/forwards.ts')).toEqual([]);
    expect(await layerErrors("import { ensureStateDigest } from '../log/state-hash';\nexport const e = ensureStateDigest;\n", 'main/store/db.ts')).toEqual([]);
  });
});
