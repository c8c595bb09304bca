// Who can resolve a violation: the host gemeente for what is about its event, shift or request (change the
// shift, approve or redirect the request), otherwise the provider of the commitment (withdraw it).
import type { PlanContext } from './context';
import type { RuleCode, Violation } from './types';

const HOST_CODES: ReadonlySet<RuleCode> = new Set<RuleCode>(['NO_AGREEMENT_IN_FORCE', 'MANDATE_EXCEEDED', 'RISK_CLASS_MISSING', 'PAIRS_INCOMPLETE', 'SHIFT_OUTSIDE_EVENT']);

/** `providers`: commitment id -> provider, built once per evaluation (providersOf). */
export function resolverOf(ctx: PlanContext, v: Violation, providers: ReadonlyMap<string, string>): string | undefined {
  const host = (): string | undefined => {
    for (const id of v.records) {
      const found = ctx.requests.get(id)?.host ?? ctx.shifts.get(id)?.host ?? ctx.events.get(id)?.host;
      if (found) return found;
    }
    return undefined;
  };
  if (HOST_CODES.has(v.code)) return host();
  for (const id of v.records) {
    const provider = providers.get(id);
    if (provider) return provider;
  }
  for (const id of v.records) {
    const employer = ctx.officers.get(id)?.employer;
    if (employer) return employer;
  }
  return host();
}

export function providersOf(ctx: PlanContext): Map<string, string> {
  return new Map(ctx.active.map((a) => [a.commitmentId, a.provider]));
}
