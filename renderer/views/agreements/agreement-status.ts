// An agreement's state as coordinators speak of it: proposed (waiting for signatures), in force, terminated
// from a date, or past its end; and each party's signature on the current text.
import type { AgreementRecord } from '../../../shared/domain/agreement';

export type AgreementState = { kind: 'proposed'; waitingFor: string[] } | { kind: 'inForce'; terminateFrom: string | null } | { kind: 'terminated'; from: string } | { kind: 'expired' };

export function agreementState(a: AgreementRecord, today: string): AgreementState {
  if (a.terminatedFrom !== null && a.terminatedFrom <= today) return { kind: 'terminated', from: a.terminatedFrom };
  if (!a.signedByAll) return { kind: 'proposed', waitingFor: a.parties.filter((p) => signatureOf(a, p) !== 'current') };
  if (a.end < today) return { kind: 'expired' };
  return { kind: 'inForce', terminateFrom: a.terminatedFrom };
}

/** current: signed this text; older: signed an earlier version; none: not signed. */
export function signatureOf(a: AgreementRecord, party: string): 'current' | 'older' | 'none' {
  const s = a.signatures.find((x) => x.gemeente === party);
  return !s ? 'none' : s.contentHash === a.contentHash ? 'current' : 'older';
}
