// Plan files handed to Regie by the operating system (double-click, "Openen met", a second start): found in
// argv and passed to the page once it can listen. The page then asks the user before importing anything.
import { isAbsolute, resolve } from 'node:path';
import { PLAN_FILE_EXTENSION } from '../../shared/api/desktop';

/** The last argument that names a .regie file, made absolute against the starting program's folder. */
export function planFileFromArgv(argv: readonly string[], workingDirectory: string): string | undefined {
  const suffix = `.${PLAN_FILE_EXTENSION}`;
  const arg = [...argv].reverse().find((a) => !a.startsWith('-') && a.toLowerCase().endsWith(suffix));
  if (arg === undefined) return undefined;
  return isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
}

/** Holds files until the page has loaded, then delivers each one once. */
export class FileForwarder {
  private pending: string[] = [];
  private deliver: ((path: string) => void) | undefined;

  /** The page is ready (or gone, with undefined): deliver what waited, and from now on straight away. */
  connect(deliver: ((path: string) => void) | undefined): void {
    this.deliver = deliver;
    if (!deliver) return;
    for (const path of this.pending.splice(0)) deliver(path);
  }

  open(path: string): void {
    if (this.deliver) this.deliver(path);
    else this.pending.push(path);
  }
}
