// The planning rules (DESIGN.md section 3) as pure functions over the merged plan: the renderer warns while
// the user works, main enforces on write and after every import.
import { RISK_CLASSES } from '../domain/event';
import { checkAvailability } from './availability';
import { checkCaps, checkRequestCap } from './cap';
import { buildContext, type PlanContext } from './context';
import { checkQualifications } from './qualifications';
import { checkRequestDraft, checkRequests } from './requests';
import { checkRest } from './rest';
import { checkRiskClass } from './risk';
import { checkShiftLength } from './shift-length';
import { epochOf } from './calendar';
import type { Assignment, PlanView, Violation } from './types';
import { compareViolations, toViolation, violationKey, type Finding } from './violation';
import { checkWorkingTime } from './working-time';
import { checkNightWork } from './night';
import { checkWeeklyRest } from './weekly-rest';
import { checkEventSpan } from './event-span';
import { providersOf, resolverOf } from './resolver';

export type { Assignment, PlanView, RuleCode, Severity, Violation } from './types';
export type { Finding } from './violation';
export { RULE_CODES } from './types';
export { ruleMessage } from '../i18n/rule-messages';
export { inForceOn, agreementProblem } from './agreements';
export { shiftLengthProblem } from './shift-length';
export { isNightShift, nightMinutes } from './night';
export { ROLE_DOMAINS } from './qualifications';
/** How far back and ahead of some work the rules look: 52 weeks (the count of long night shifts) and a day. */
export const RULE_LOOKBACK_DAYS = 52 * 7 + 1;
export const RULE_LOOKAHEAD_DAYS = 52 * 7 + 1;

const RULES: readonly ((ctx: PlanContext) => Finding[])[] = [
  checkShiftLength, // 1
  checkRest, // 2
  checkNightWork, // 1 (night length), 3
  checkWeeklyRest, // 4
  checkWorkingTime, // 5
  checkAvailability, // 6
  checkQualifications, // 7, 8
  checkRequests, // 9 (agreement), 10
  checkCaps, // 9 (caps)
  checkRiskClass, // 11
  checkEventSpan,
];

function sorted(findings: Finding[], ctx?: PlanContext): Violation[] {
  const providers = ctx ? providersOf(ctx) : undefined;
  return findings
    .map((f) => {
      const v = toViolation(f);
      const by = ctx && providers ? resolverOf(ctx, v, providers) : undefined;
      return by === undefined ? v : { ...v, resolvableBy: by };
    })
    .sort(compareViolations);
}

/**
 * Every violation in the merged plan, in rule order then by records. With `today` ('YYYY-MM-DD'), findings
 * that lie wholly before that date are left out (history cannot be fixed), while past work still counts
 * towards rest and working time of what follows.
 */
export function evaluatePlan(view: PlanView, options: { today?: string } = {}): Violation[] {
  const ctx = buildContext(view);
  let findings = RULES.flatMap((rule) => rule(ctx));
  if (options.today !== undefined) {
    const from = epochOf(`${options.today}T00:00`);
    findings = findings.filter((f) => f.last === '' || epochOf(f.last) > from);
  }
  return sorted(findings, ctx);
}

/**
 * The findings of every rule over the plan, unsorted and with the latest local time each concerns (`last`):
 * for callers that keep what they need of them (the settlement keeps the blocking codes per commitment).
 */
export function planFindings(view: PlanView): Finding[] {
  const ctx = buildContext(view);
  return RULES.flatMap((rule) => rule(ctx));
}

/**
 * The part of the plan a candidate can affect: its officer's work (rules 1-6), its event (rule 9), its
 * provider's hours under the same agreement in the same month (cap), and their requests. Evaluating only
 * this slice gives the same answer for the candidate, but fast enough to ask for every officer on a list.
 */
function sliceFor(view: PlanView, candidate: Assignment): PlanView {
  const requests = new Map(view.requests.map((r) => [r.id, r]));
  const shifts = new Map(view.shifts.map((s) => [s.id, s]));
  const eventOf = (a: Assignment): string | undefined => shifts.get(a.shiftId)?.eventId;
  const agreementOf = (a: Assignment): string | null => a.agreementId ?? requests.get(a.requestId)?.agreementId ?? null;
  // The event's other assignments matter only to rule 9 (how many are planned), so only without a risk class.
  const eventId = eventOf(candidate);
  const event = eventId === undefined ? undefined : view.events.find((e) => e.id === eventId);
  const riskMissing = event !== undefined && !(RISK_CLASSES as readonly unknown[]).includes(event.risk);
  const agreement = agreementOf(candidate);
  const month = candidate.start.slice(0, 7);
  const assignments = view.assignments.filter(
    (a) =>
      a.officerId === candidate.officerId ||
      (riskMissing && eventOf(a) === eventId) ||
      (agreement !== null && a.provider === candidate.provider && a.start.slice(0, 7) === month && agreementOf(a) === agreement),
  );
  const requestIds = new Set([candidate.requestId, ...assignments.map((a) => a.requestId)]);
  return { ...view, assignments, requests: view.requests.filter((r) => requestIds.has(r.id)) };
}

/**
 * Shift-wide staffing state, not caused by one officer: committing the first of a koppel makes the count
 * odd until the second follows, so it is shown on the shift (evaluatePlan), never asked a reason for here.
 */
const SHIFT_STATE_CODES: ReadonlySet<string> = new Set(['PAIRS_INCOMPLETE']);

/**
 * The violations that adding `candidate` to the plan would bring: those that name its commitment, those
 * that only appear with it (a short rest that makes an earlier one the second in 7 days), and the blocking
 * problems of its request (no agreement in force). Replaces an assignment with the same commitment id, so
 * an existing commitment can be re-checked.
 */
export function evaluateCandidate(view: PlanView, candidate: Assignment): Violation[] {
  const slice = sliceFor(view, candidate);
  const others = slice.assignments.filter((a) => a.commitmentId !== candidate.commitmentId);
  const before = new Set(evaluatePlan({ ...slice, assignments: others }).map(violationKey));
  return evaluatePlan({ ...slice, assignments: [...others, candidate] }).filter(
    (v) => !SHIFT_STATE_CODES.has(v.code) && (v.records.includes(candidate.commitmentId) || !before.has(violationKey(v)) || (v.severity === 'blocking' && v.records.includes(candidate.requestId))),
  );
}

export interface NewRequest {
  shiftId: string;
  provider: string;
  agreementId: string | null;
  count: number;
  host: string;
  /** Set when re-checking an existing request: its own commitments then do not count twice against the cap. */
  id?: string;
  approvedBy?: string | null;
}

/** Rules 7 and 8 for a request being written: agreement in force, the cap if fully committed, the mandate. */
export function evaluateRequest(view: PlanView, request: NewRequest): Violation[] {
  const ctx = buildContext(view);
  const draft = { ...request, id: request.id ?? null, approvedBy: request.approvedBy ?? null };
  return sorted([...checkRequestDraft(ctx, draft), ...checkRequestCap(ctx, draft)], ctx);
}
