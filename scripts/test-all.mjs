// `npm test`: type-check, lint, unit tests (vitest) and browser tests (Playwright), then one summary line
// "N passed, N failed" summed over both runners. Type-check and lint count as one check each.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'regie-test-'));
let passed = 0;
let failed = 0;
const lines = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function check(label, cmd, args) {
  const ok = run(label, 'npx', [cmd, ...args]) === 0;
  if (ok) passed++;
  else failed++;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}

check('typecheck (shared)', 'tsc', ['-p', 'shared/tsconfig.json']);
check('typecheck (renderer)', 'tsc', ['-p', 'renderer/tsconfig.json']);
check('typecheck (main)', 'tsc', ['-p', 'main/tsconfig.json']);
check('typecheck (test)', 'tsc', ['-p', 'test/tsconfig.json']);
check('lint', 'eslint', ['.']);

const vitestJson = join(out, 'vitest.json');
const vitestCode = run('unit (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  lines.push(`unit: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  if (vitestCode !== 0 && r.numFailedTests === 0) { failed++; lines.push('unit: runner failed outside tests'); }
} else { failed++; lines.push('unit: runner produced no report'); }

const pwJson = join(out, 'playwright.json');
const buildCode = run('build renderer', 'npm', ['run', '-s', 'build:renderer']);
if (buildCode !== 0) { failed++; lines.push('build renderer: FAILED'); }
else {
  const pwCode = run('browser (playwright)', 'npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
    const ok = s.expected + s.flaky;
    passed += ok;
    failed += s.unexpected;
    lines.push(`browser: ${ok} passed, ${s.unexpected} failed${s.flaky ? ` (${s.flaky} flaky)` : ''}${s.skipped ? `, ${s.skipped} skipped` : ''}`);
    if (pwCode !== 0 && s.unexpected === 0) { failed++; lines.push('browser: runner failed outside tests'); }
  } else { failed++; lines.push('browser: runner produced no report'); }
}

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
