// How a method of the api contract is declared (contract.ts and the groups it gathers: identity, postbus,
// reports, settle). The argument's schema is made on first use, not when the module loads: the contract
// has about a hundred of them, and building them all cost every start (the app, the host, each command of
// the command line, the window) about 20 ms before its first answer (issue 22: opening a copy).
import type { z } from 'zod';

/**
 * A method whose argument names a file on this computer says so here (`takesPath`: it reads or writes that
 * file). Such a method is for the CLI and, with a path the user chose in a dialog, the desktop window; the
 * loopback host refuses it to the browser page, which hands files over by upload and download instead.
 */
export type PathUse = 'read' | 'write';

/** Phantom marker for a method's result type; carries no runtime value. */
export function returns<T>(): T {
  return undefined as T;
}

export interface Method<I extends z.ZodType, O> {
  /** The argument's schema (made on first use). */
  readonly input: I;
  /** The result's type only (see returns). */
  output: O;
  summary: string;
  takesPath?: PathUse;
}

/** A method: `schema` makes its argument's schema when it is first asked for. */
export function method<I extends z.ZodType, O>(schema: () => I, output: O, summary: string, options: { takesPath?: PathUse } = {}): Method<I, O> {
  let made: I | undefined;
  return {
    get input() {
      return (made ??= schema());
    },
    output,
    summary,
    ...options,
  };
}
