// A vitest reporter for `npm test` (scripts/test-all.mjs): writes why each test did not run, one JSON line
// per skipped or todo test, to the file in REGIE_SKIP_REASONS. Vitest's JSON report has the count, not the reason.
import { appendFileSync } from 'node:fs';

export default class SkipReasons {
  onTestCaseResult(testCase) {
    const file = process.env.REGIE_SKIP_REASONS;
    const result = testCase.result();
    if (!file || result.state !== 'skipped') return;
    const mode = testCase.options.mode;
    appendFileSync(file, `${JSON.stringify({ name: testCase.fullName, todo: mode === 'todo', note: result.note ?? null })}\n`);
  }
}
