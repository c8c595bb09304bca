// Building, ordering and comparing violations: every rule module returns Findings through `finding`.
import { ruleMessage, type RuleParams } from '../i18n/rule-messages';
import { RULE_CODES, type RuleCode, type Severity, type Violation } from './types';

/** A violation plus the latest local time it concerns, so `evaluatePlan({ today })` can leave out the past. */
export interface Finding extends Violation {
  last: string;
}

export function finding(input: { code: RuleCode; severity: Severity; records: string[]; params: RuleParams; last: string; accepted?: boolean }): Finding {
  const params = { ...input.params };
  const f: Finding = {
    code: input.code,
    severity: input.severity,
    records: [...new Set(input.records)],
    params,
    message: ruleMessage(input.code, params, 'nl'),
    last: input.last,
  };
  // Only a warning can be accepted with a reason; a blocking violation stays blocking.
  if (input.severity === 'warning') f.accepted = input.accepted ?? false;
  return f;
}

export function toViolation(f: Finding): Violation {
  const { last: _last, ...violation } = f;
  return violation;
}

const codeOrder = new Map<string, number>(RULE_CODES.map((c, i) => [c, i]));

/** Rule order (RULE_CODES), then the records, then severity: the same plan always lists the same way. */
export function compareViolations(a: Violation, b: Violation): number {
  const byCode = (codeOrder.get(a.code) ?? 0) - (codeOrder.get(b.code) ?? 0);
  if (byCode !== 0) return byCode;
  const n = Math.min(a.records.length, b.records.length);
  for (let i = 0; i < n; i++) {
    const x = a.records[i] ?? '';
    const y = b.records[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  if (a.records.length !== b.records.length) return a.records.length - b.records.length;
  return a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1;
}

/** Identity of a violation for comparing two evaluations (before and after a candidate). */
export function violationKey(v: Violation): string {
  return `${v.code}|${v.severity}|${v.records.join(',')}`;
}
