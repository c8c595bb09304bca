// Runs the real `regie` command (the bundle built by the global setup) as a separate process.
import { spawnSync } from 'node:child_process';

export function regieProcess(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['dist/cli/regie.mjs', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
