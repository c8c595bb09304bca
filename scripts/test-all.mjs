// `npm test`: type-check, lint, unit tests (vitest) and browser and desktop tests (Playwright), then a summary
// whose last line is "N passed, N failed" summed over both runners, with ", N skipped" after it when tests
// did not run (skipped or todo). A skipped test is never counted as passed: above the last line each runner's
// skipped and todo tests are listed, the skipped ones grouped by the reason the test gave, for example
// "skipped: 4 (geen Electron-programma op deze machine)". Type-check, lint and
// the Prettier format check count as one check each.
// Under CI a test or file marked .only fails the run (vitest.config.ts, test/e2e/playwright.config.ts).
// The checks (type-check, lint, format) and the renderer build each use one core: they run side by side, as
// many at a time as the machine has cores, and each one's output is printed whole, in the usual order
// (scripts/side-by-side.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { notRun, playwrightNotes, playwrightSkipReasons, summaryLine, vitestSkipReasons } from './test-summary.mjs';
import { runSideBySide } from './side-by-side.mjs';

const out = mkdtempSync(join(tmpdir(), 'regie-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

const require = createRequire(import.meta.url);

/**
 * A tool's own script, run with this Node: no npx or npm .cmd shims, which Node does not start without a
 * shell on Windows.
 */
function tool(pkg, name) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin[name]);
}

function run(label, pkg, name, args, env = {}) {
  console.log(`\n=== ${label}: ${name} ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [tool(pkg, name), ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

// Longest first (lint is type-aware), so that the last to end is a short one; printed in this order.
const checks = [
  { label: 'lint', pkg: 'eslint', name: 'eslint', args: ['.'] },
  { label: 'typecheck (test)', pkg: 'typescript', name: 'tsc', args: ['-p', 'test/tsconfig.json'] },
  { label: 'typecheck (main)', pkg: 'typescript', name: 'tsc', args: ['-p', 'main/tsconfig.json'] },
  { label: 'typecheck (renderer)', pkg: 'typescript', name: 'tsc', args: ['-p', 'renderer/tsconfig.json'] },
  { label: 'typecheck (shared)', pkg: 'typescript', name: 'tsc', args: ['-p', 'shared/tsconfig.json'] },
  { label: 'format', pkg: 'prettier', name: 'prettier', args: ['--check', '--log-level=warn', '{main,shared,renderer,test,scripts}/**/*.{ts,tsx,js,mjs,css}', '*.{js,ts}'] },
  // The same as `npm run build:renderer`, for the browser tests; not a check of its own.
  { label: 'build renderer', pkg: 'vite', name: 'vite', args: ['build', '--config', 'renderer/vite.config.ts'] },
];
const codes = await runSideBySide(
  checks.map(({ label, pkg, name, args }) => ({ title: `${label}: ${name} ${args.join(' ')}`, file: process.execPath, args: [tool(pkg, name), ...args] })),
  { width: Number(process.env.REGIE_TEST_JOBS) || availableParallelism() },
);
for (const [i, { label }] of checks.entries()) {
  if (label === 'build renderer') continue;
  const ok = codes[i] === 0;
  if (ok) passed++;
  else failed++;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}
const buildCode = codes[checks.findIndex((c) => c.label === 'build renderer')];

const vitestJson = join(out, 'vitest.json');
const vitestSkips = join(out, 'vitest-skips.jsonl');
const vitestCode = run('unit (vitest)', 'vitest', 'vitest', ['run', '--reporter=default', '--reporter=json', '--reporter=./scripts/vitest-skip-reasons.mjs', `--outputFile.json=${vitestJson}`], {
  REGIE_SKIP_REASONS: vitestSkips,
});
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  // A file whose set-up failed (a beforeAll that threw, an import that failed) did not run its tests: they
  // count as failed, not as skipped, and a file with no test to count counts as one failure.
  let suiteFailed = 0;
  for (const file of r.testResults ?? []) {
    if (file.status !== 'failed') continue;
    const notRunHere = (file.assertionResults ?? []).filter((a) => a.status === 'pending' || a.status === 'skipped').length;
    const failedHere = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    suiteFailed += notRunHere > 0 || failedHere > 0 ? notRunHere : 1;
  }
  const unitSkipped = r.numPendingTests - Math.min(r.numPendingTests, suiteFailed);
  const unitFailed = r.numFailedTests + suiteFailed;
  passed += r.numPassedTests;
  failed += unitFailed;
  skipped += unitSkipped + r.numTodoTests;
  lines.push(`unit: ${r.numPassedTests} passed, ${unitFailed} failed${suiteFailed ? ` (${suiteFailed} in files whose set-up failed)` : ''}${notRun(unitSkipped, r.numTodoTests)}`);
  if (unitSkipped) for (const [reason, n] of vitestSkipReasons(vitestSkips)) lines.push(`skipped: ${n} (${reason})`);
  if (r.numTodoTests) lines.push(`todo: ${r.numTodoTests}`);
  if (vitestCode !== 0 && unitFailed === 0) {
    failed++;
    lines.push('unit: runner failed outside tests');
  }
} else {
  failed++;
  lines.push('unit: runner produced no report');
}

const pwJson = join(out, 'playwright.json');
if (buildCode !== 0) {
  failed++;
  lines.push('build renderer: FAILED');
} else {
  const pwCode = run('browser (playwright)', '@playwright/test', 'playwright', ['test', '-c', 'test/e2e/playwright.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const report = JSON.parse(readFileSync(pwJson, 'utf8'));
    const s = report.stats;
    const ok = s.expected + s.flaky;
    passed += ok;
    failed += s.unexpected;
    skipped += s.skipped;
    lines.push(`browser: ${ok} passed, ${s.unexpected} failed${s.flaky ? ` (${s.flaky} flaky)` : ''}${notRun(s.skipped, 0)}`);
    for (const [reason, n] of playwrightSkipReasons(report)) lines.push(`skipped: ${n} (${reason})`);
    for (const note of playwrightNotes(report, 'start-up')) lines.push(note);
    if (pwCode !== 0 && s.unexpected === 0) {
      failed++;
      lines.push('browser: runner failed outside tests');
    }
  } else {
    failed++;
    lines.push('browser: runner produced no report');
  }
}

console.log('\n=== summary');
if (skipped) lines.push(`not run: ${skipped} (skipped or todo; see above why)`);
for (const l of lines) console.log(l);
console.log(summaryLine(passed, failed, skipped));
process.exit(failed === 0 ? 0 : 1);
