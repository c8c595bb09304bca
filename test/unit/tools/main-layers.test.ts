// The layer order of main/ is enforced by lint: a deliberately backwards import fails, a forwards one passes,
// and an import listed as an exception in eslint.config.js passes.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
// @ts-expect-error: a plain JavaScript module of the lint set-up, without types
import { mainLayersPlugin } from '../../../scripts/eslint/main-layers.js';

// Only the layer rule, on text that is no file of a tsconfig: no type information needed (the type-aware rules
// would refuse a file the project service does not know).
const eslint = new ESLint({
  cwd: process.cwd(),
  ruleFilter: ({ ruleId }) => ruleId === 'main-layers/order',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
});

async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'main-layers/order').map((m) => m.message);
}

describe('main/ layer lint rule', () => {
  it('fails on a store file that imports the api (backwards)', async () => {
    const errors = await layerErrors("import { dispatch } from '../api/dispatch';\nexport const d = dispatch;\n", 'main/store/backwards.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/store \(layer 1\) may not import api \(layer 7\)/);
  });

  it('fails on peers importing each other and on a re-export, from a subfolder too', async () => {
    expect(await layerErrors("export { x } from '../postbus/runner';\n", 'main/reports/peer.ts')).toHaveLength(1);
    expect(await layerErrors("import type { AppContext } from '../../api/context';\nexport type C = AppContext;\n", 'main/domain/settle/new.ts')).toHaveLength(1);
  });

  it('passes a forwards import, shared/ and the listed exceptions', async () => {
    expect(
      await layerErrors(
        "import { openStore } from '../store/db';\nimport { z } from 'zod';\nimport { contract } from '../../shared/api/contract';\nexport const a = [openStore, z, contract];\n",
        'main/api/forwards.ts',
      ),
    ).toEqual([]);
    // The importer's rule check was the last backwards import: it is registered by the api now (no exception).
    expect(await layerErrors("import { listViolations } from '../domain/plan-view';\nexport const v = listViolations;\n", 'main/exchange/apply.ts')).toHaveLength(1);
  });

  it('lets through exactly an import listed as an exception', async () => {
    const backwards = "import { listViolations } from '../domain/plan-view';\nexport const v = listViolations;\n";
    const listed = new ESLint({
      cwd: process.cwd(),
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['main/**/*.ts'],
          plugins: { 'main-layers': mainLayersPlugin({ root: process.cwd(), exceptions: { 'main/exchange/apply.ts -> main/domain/plan-view': 'for this test' } }) },
          rules: { 'main-layers/order': 'error' },
        },
      ],
    });
    const errors = async (file: string) => ((await listed.lintText(backwards, { filePath: file }))[0]!.messages ?? []).map((m) => m.message);
    expect(await errors('main/exchange/apply.ts')).toEqual([]);
    // The same import from another exchange file is not an exception.
    expect(await errors('main/exchange/other.ts')).toHaveLength(1);
  });

  it('keeps the session below the features and the generators above the domain', async () => {
    expect(await layerErrors("import { listConflicts } from '../exchange/conflicts';\nexport const l = listConflicts;\n", 'main/session/new.ts')).toHaveLength(1);
    expect(await layerErrors("import { generateDemo } from '../generate/demo';\nexport const g = generateDemo;\n", 'main/domain/new.ts')).toHaveLength(1);
    expect(await layerErrors("import type { AppContext } from '../session/context';\nexport type C = AppContext;\n", 'main/exchange/new.ts')).toEqual([]);
  });
});
