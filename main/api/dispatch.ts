// Dispatch for every transport: method name check, argument validation, the handler, and errors as {code, message}.
import type { Envelope } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { requireMethod, validateArgs } from '../../shared/api/validate';
import type { AppContext } from '../session/context';
import { handlers, type Handlers } from './handlers';
import { importsSettled, isBusy } from '../exchange/background-import';
import { HolidaysNotLoaded, loadHolidays } from '../../shared/settlement/holidays';

export type ErrorLogger = (err: unknown, method: string) => void;

const defaultLogger: ErrorLogger = (err, method) => {
  // Internal failures go to the log for support, never to the person using the app.
  console.error(`[regie] ${method} failed:`, err);
};

export async function dispatch(ctx: AppContext, name: string, raw: unknown, log: ErrorLogger = defaultLogger): Promise<Envelope<unknown>> {
  ctx.began();
  try {
    const method = requireMethod(name);
    const args = validateArgs(method, raw);
    const run = handlers[method] as (c: AppContext, a: unknown) => unknown;
    // The holiday calendar is loaded on first need, not at start (shared/settlement/holidays.ts): a call that
    // reached a settlement before it was loaded threw before computing anything with it, and runs again.
    const handler = async (c: AppContext, a: unknown) => {
      try {
        return await run(c, a);
      } catch (err) {
        if (!(err instanceof HolidaysNotLoaded)) throw err;
        await loadHolidays();
        return run(c, a);
      }
    };
    let value: unknown;
    try {
      value = await handler(ctx, args);
    } catch (err) {
      if ((err as { code?: unknown })?.code === 'SQLITE_READONLY') {
        // Nothing is written before the whole-file check of the app and the host passed (AppContext): the
        // call waits for it and runs again (its transaction was rolled back); a damaged store is refused then.
        await ctx.whenChecked();
      } else {
        // A large plan file being applied in the background holds the write lock: the change waits for it and
        // is made then, rather than refused (its own transaction was rolled back, so running it again is safe).
        if (!isBusy(err)) throw err;
        await importsSettled(ctx);
      }
      value = await handler(ctx, args);
    }
    ctx.afterCall();
    ctx.answered();
    return { ok: true, value };
  } catch (err) {
    ctx.answered();
    if (err instanceof ApiError) return { ok: false, error: err.toJSON() };
    log(err, name);
    return {
      ok: false,
      error: { code: 'internal', message: 'Er ging iets mis in Regie; er is niets gewijzigd. Probeer het opnieuw of neem contact op met uw beheerder.' },
    };
  }
}

export type { Handlers };
