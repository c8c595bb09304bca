// Setting up this copy: what the first screen asks (new, ready, or a store that cannot be opened), and the
// first laptop of a gemeente taking its identity and gemeente key.
import type { Identity, SetupStatus } from '../../shared/api/contract';
import { findGemeente } from '../../shared/domain/gemeenten';
import { keyedError } from '../../shared/i18n/error-messages';
import { createIdentity, identityFingerprint, type LocalIdentity } from '../log/log';
import type { AppContext } from '../session/context';
import { foundGemeente } from '../exchange/trust/store';

/** This device's identity as the api shows it. */
export function toIdentity(me: LocalIdentity): Identity {
  return {
    gemeente: me.gemeente,
    gemeenteName: findGemeente(me.gemeente)?.name ?? me.gemeente,
    deviceLabel: me.deviceLabel,
    publicKey: me.publicKey,
    fingerprint: identityFingerprint(me),
    createdAt: me.createdAt,
  };
}

export function setupStatus(ctx: AppContext): SetupStatus {
  const problem = ctx.storeProblem;
  if (problem) {
    return { state: 'unavailable', reason: problem.reason, message: problem.message, file: problem.file, canMoveAside: problem.reason !== 'too_new', demo: ctx.demo };
  }
  const me = ctx.identity();
  return me ? { state: 'ready', identity: toIdentity(me), demo: ctx.demo } : { state: 'new' };
}

/** setup.init: this copy becomes a device of the gemeente, the first laptop of a gemeente gets its key. */
export function initCopy(ctx: AppContext, gemeente: string, deviceLabel: string): Identity {
  if (!findGemeente(gemeente)) {
    throw keyedError('invalid_argument', 'gemeente.unknown', { code: gemeente }, [{ path: 'gemeente', key: 'gemeente.unknown' }]);
  }
  if (ctx.identity()) throw keyedError('already_initialised', 'setup.already');
  const me = createIdentity(ctx.db(), gemeente, deviceLabel);
  // The first laptop of a gemeente: its gemeente key, which certifies this device (issue 15).
  foundGemeente(ctx.db(), me);
  return toIdentity(me);
}
