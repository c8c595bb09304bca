// The counting behind `npm test`'s summary (scripts/test-all.mjs), apart so a test can feed it real reports.
import { existsSync, readFileSync } from 'node:fs';

export const NO_REASON = 'zonder opgegeven reden';

export function notRun(skip, todo) {
  return `${skip ? `, ${skip} skipped` : ''}${todo ? `, ${todo} todo` : ''}`;
}

function countBy(reasons) {
  const counts = new Map();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return counts;
}

/** Why vitest skipped tests: scripts/vitest-skip-reasons.mjs wrote one JSON line per skipped or todo test. */
export function vitestSkipReasons(file) {
  if (!existsSync(file)) return new Map();
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  return countBy(rows.filter((r) => !r.todo).map((r) => r.note ?? NO_REASON));
}

/** Playwright's JSON report: every skipped test, with the description of its "skip" annotation. */
export function playwrightSkipReasons(report) {
  const reasons = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        const note = [...(t.annotations ?? []), ...(t.results ?? []).flatMap((r) => r.annotations ?? [])].find((a) => a.type === 'skip' && a.description);
        reasons.push(note?.description ?? NO_REASON);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return countBy(reasons);
}

/** Figures tests measured and reported as annotations of the given type (the desktop start-up time). */
export function playwrightNotes(report, type) {
  const notes = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        for (const a of [...(t.annotations ?? []), ...(t.results ?? []).flatMap((r) => r.annotations ?? [])]) {
          if (a.type === type && a.description && !notes.includes(a.description)) notes.push(a.description);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return notes;
}

/** The last line of `npm test`: "N passed, N failed", with ", N skipped" when tests did not run. */
export function summaryLine(passed, failed, skipped) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}
