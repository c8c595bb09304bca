// What `npm test` says about tests that did not run, from real runs of both runners with the project's own
// configs (vitest.config.ts, test/e2e/playwright.config.ts; only which files they pick up is changed): skipped
// and todo tests are counted apart from passed ones, skipped ones with their reason, and under CI a .only
// fails the run in both runners.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { playwrightNotes, playwrightSkipReasons, summaryLine, vitestSkipReasons } from '../../../scripts/test-summary.mjs';

// Inside the project (test-results/ is ignored by git) so the fixtures resolve vitest and @playwright/test.
const base = resolve('test-results');
mkdirSync(base, { recursive: true });
const dir = mkdtempSync(join(base, 'summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const url = (path: string) => pathToFileURL(resolve(path)).href;

function env(ci: boolean): NodeJS.ProcessEnv {
  const e = { ...process.env };
  delete e.CI;
  delete e.VITEST;
  delete e.VITEST_WORKER_ID;
  delete e.VITEST_POOL_ID;
  delete e.NODE_ENV;
  return ci ? { ...e, CI: 'true' } : e;
}

function vitest(name: string, source: string, ci: boolean) {
  const root = join(dir, name);
  mkdirSync(root);
  writeFileSync(join(root, 'case.fixture.test.ts'), source);
  writeFileSync(
    join(root, 'vitest.config.mjs'),
    `import project from ${JSON.stringify(url('vitest.config.ts'))};\n` +
      `export default { ...project, test: { ...project.test, root: ${JSON.stringify(root)}, include: ['*.fixture.test.ts'], globalSetup: [] } };\n`,
  );
  const json = join(root, 'report.json');
  const skips = join(root, 'skips.jsonl');
  const r = spawnSync(
    process.execPath,
    [
      resolve('node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      join(root, 'vitest.config.mjs'),
      '--reporter=json',
      `--reporter=${resolve('scripts/vitest-skip-reasons.mjs')}`,
      `--outputFile.json=${json}`,
    ],
    { encoding: 'utf8', env: { ...env(ci), REGIE_SKIP_REASONS: skips } },
  );
  return { status: r.status, output: r.stdout + r.stderr, report: existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as Record<string, number>) : undefined, skips };
}

function playwright(name: string, source: string, ci: boolean) {
  const root = join(dir, name);
  mkdirSync(root);
  writeFileSync(join(root, 'case.spec.ts'), source);
  writeFileSync(
    join(root, 'playwright.config.ts'),
    `import project from ${JSON.stringify(url('test/e2e/playwright.config.ts'))};\n` +
      `export default { ...project, testDir: ${JSON.stringify(root)}, testMatch: 'case.spec.ts', outputDir: ${JSON.stringify(join(root, 'out'))} };\n`,
  );
  const json = join(root, 'report.json');
  const r = spawnSync(process.execPath, [resolve('node_modules/@playwright/test/cli.js'), 'test', '-c', join(root, 'playwright.config.ts'), '--reporter=json'], {
    encoding: 'utf8',
    env: { ...env(ci), PLAYWRIGHT_JSON_OUTPUT_NAME: json },
  });
  return {
    status: r.status,
    output: r.stdout + r.stderr,
    report: existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as { stats: Record<string, number>; errors: { message: string }[] }) : undefined,
  };
}

describe('npm test summary', () => {
  // The .skip, .todo and .only below are inside fixture sources written to a temporary project and run there:
  // they test the summary's counting and the CI guard against .only; none of them skips or focuses this suite.
  it('counts vitest’s skipped and todo tests apart, with the reason a test gave', () => {
    const run = vitest(
      'vitest-skips',
      `import { it, expect } from 'vitest';
it('runs', () => expect(1).toBe(1));
it('says why', (ctx) => ctx.skip('geen pdftotext op deze machine'));
it.skip('skipped without a reason', () => {});
it.todo('later');
`,
      false,
    );
    expect(run.status, run.output).toBe(0);
    expect(run.report).toMatchObject({ numPassedTests: 1, numFailedTests: 0, numPendingTests: 2, numTodoTests: 1 });
    expect([...vitestSkipReasons(run.skips)]).toEqual([
      ['geen pdftotext op deze machine', 1],
      ['zonder opgegeven reden', 1],
    ]);
    expect(summaryLine(1, 0, 3)).toBe('1 passed, 0 failed, 3 skipped');
    expect(summaryLine(5, 0, 0)).toBe('5 passed, 0 failed');
  }, 120_000);

  it('fails a vitest run with .only under CI, and not outside it', () => {
    const source = `import { it, expect } from 'vitest';
it.only('focused', () => expect(1).toBe(1));
it('other', () => expect(1).toBe(1));
`;
    const local = vitest('vitest-only-local', source, false);
    expect(local.status, local.output).toBe(0);
    const ci = vitest('vitest-only-ci', source, true);
    expect(ci.status).not.toBe(0);
    // npm test counts this as "unit: runner failed outside tests" when no test failed.
    expect(JSON.stringify(ci.report) + ci.output).toMatch(/\.only/);
  }, 120_000);

  it('reads Playwright’s skip reasons, and fails a Playwright run with .only under CI', () => {
    const skipped = playwright(
      'pw-skips',
      `import { test, expect } from '@playwright/test';
test.skip(true, 'geen Electron-programma op deze machine');
test('a', () => expect(1).toBe(1));
test('b', () => expect(1).toBe(1));
`,
      true,
    );
    const measured = playwright(
      'pw-notes',
      `import { test } from '@playwright/test';
test('measures', () => { test.info().annotations.push({ type: 'start-up', description: 'Kalender zichtbaar na 1234 ms' }); });
`,
      false,
    );
    expect(playwrightNotes(measured.report, 'start-up')).toEqual(['Kalender zichtbaar na 1234 ms']);
    expect(skipped.status, skipped.output).toBe(0);
    expect(skipped.report!.stats).toMatchObject({ expected: 0, skipped: 2, unexpected: 0 });
    expect([...playwrightSkipReasons(skipped.report)]).toEqual([['geen Electron-programma op deze machine', 2]]);

    const focused = `import { test, expect } from '@playwright/test';
test.only('focused', () => expect(1).toBe(1));
test('other', () => expect(1).toBe(1));
`;
    const local = playwright('pw-only-local', focused, false);
    expect(local.status, local.output).toBe(0);
    const ci = playwright('pw-only-ci', focused, true);
    expect(ci.status).not.toBe(0);
    expect(JSON.stringify(ci.report?.errors ?? []) + ci.output).toMatch(/forbid-only|\.only/i);
  }, 180_000);
});
