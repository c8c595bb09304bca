// When an agreement (convenant) is in force for an inzet between a host and a provider, and why not.
import type { AgreementRecord } from '../domain/agreement';
import { gemeenteName } from '../domain/gemeenten';

/** Signed by every party on its current version, within its period, and not (yet) terminated. */
export function inForceOn(agreement: AgreementRecord, date: string): boolean {
  return agreement.signedByAll && agreement.start <= date && date <= agreement.end && (agreement.terminatedFrom === null || date < agreement.terminatedFrom);
}

export type AgreementProblem =
  | { reason: 'none' | 'unknown' }
  | { reason: 'not_party' | 'no_terms'; title: string }
  | { reason: 'unsigned'; title: string; missing: string }
  | { reason: 'not_started' | 'ended' | 'terminated'; title: string; date: string };

/** The parties whose signature on the current version is missing, by name. */
export function missingSigners(agreement: AgreementRecord): string[] {
  return agreement.parties.filter((p) => !agreement.signatures.some((s) => s.gemeente === p && s.contentHash === agreement.contentHash)).map(gemeenteName);
}

/**
 * Why `agreement` does not cover lending by `provider` to `host` on every one of `dates`, or null when it
 * does: both are parties, the provider has terms, and it is in force on each date.
 */
export function agreementProblem(agreement: AgreementRecord | undefined | null, host: string, provider: string, dates: readonly string[]): AgreementProblem | null {
  if (agreement === null) return { reason: 'none' };
  if (agreement === undefined) return { reason: 'unknown' };
  const title = agreement.title;
  if (!agreement.parties.includes(host) || !agreement.parties.includes(provider)) return { reason: 'not_party', title };
  if (!agreement.providers[provider]) return { reason: 'no_terms', title };
  if (!agreement.signedByAll) return { reason: 'unsigned', title, missing: missingSigners(agreement).join(', ') };
  for (const date of dates) {
    if (date < agreement.start) return { reason: 'not_started', title, date: agreement.start };
    if (date > agreement.end) return { reason: 'ended', title, date: agreement.end };
    if (agreement.terminatedFrom !== null && date >= agreement.terminatedFrom) return { reason: 'terminated', title, date: agreement.terminatedFrom };
  }
  return null;
}

/** Whether any agreement in the plan covers lending by provider to host on all the dates. */
export function anyAgreementCovers(agreements: Iterable<AgreementRecord>, host: string, provider: string, dates: readonly string[]): boolean {
  if (host === provider) return false;
  for (const a of agreements) if (agreementProblem(a, host, provider, dates) === null) return true;
  return false;
}
