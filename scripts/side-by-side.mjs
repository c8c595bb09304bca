// Runs commands side by side, a few at a time, each one's output kept and printed whole in the order given
// (scripts/test-all.mjs runs the type-checks, lint, the format check and the renderer build this way).
import { spawn } from 'node:child_process';

/** Runs `file` with `args` in the background: resolves with the status and the output (stdout and stderr). */
export function runKept(file, args) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (err) => resolve({ code: 1, output: `${err.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(output).toString() }));
  });
}

/**
 * Runs the jobs ({ title, file, args }) at most `width` at a time, starting them in the order of `priority`
 * (indexes, longest first, so the last one to end is a short one). Each job's title, time and output are
 * written whole, in the order of `jobs`, as soon as it and those before it have ended. Resolves with the
 * statuses in the order of `jobs`.
 */
export async function runSideBySide(jobs, { priority = jobs.map((_, i) => i), width = 1, write = (text) => process.stdout.write(text) } = {}) {
  const results = [];
  const waiting = [...priority];
  const ended = jobs.map(() => {
    let done;
    const promise = new Promise((resolve) => (done = resolve));
    return { promise, done };
  });
  const worker = async () => {
    for (let i = waiting.shift(); i !== undefined; i = waiting.shift()) {
      const started = Date.now();
      const { code, output } = await runKept(jobs[i].file, jobs[i].args);
      results[i] = { code, output, seconds: (Date.now() - started) / 1000 };
      ended[i].done();
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(width, jobs.length)) }, worker);
  for (const [i, job] of jobs.entries()) {
    await ended[i].promise;
    write(`\n=== ${job.title} (${results[i].seconds.toFixed(1)} s)\n${results[i].output}`);
  }
  await Promise.all(workers);
  return results.map((r) => r.code);
}
