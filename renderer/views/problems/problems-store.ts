// Conflicts and rule violations of the merged plan, as main last reported them, indexed by the records they
// concern so a request or officer row can show its own. Views reload it after every change they make.
import { create } from 'zustand';
import type { Conflict } from '../../../shared/api/exchange';
import type { Violation } from '../../../shared/rules/types';
import { api, type ApiCallError } from '../../api/client';
import { asApiCallError } from '../../api/api-call-error';

export interface RecordProblems {
  conflicts: Conflict[];
  violations: Violation[];
}

interface ProblemsState {
  conflicts: Conflict[] | undefined;
  violations: Violation[] | undefined;
  byRecord: Map<string, RecordProblems>;
  error: ApiCallError | undefined;
  /** The state hash the lists were computed from. */
  hash: string | undefined;
  /** Loads the lists again. */
  load(): Promise<void>;
  /** Loads them again only if the plan changed since (the state hash is cheap; the rules over a region are not). */
  refresh(): Promise<void>;
}

const EMPTY: RecordProblems = { conflicts: [], violations: [] };

function index(conflicts: Conflict[], violations: Violation[]): Map<string, RecordProblems> {
  const out = new Map<string, RecordProblems>();
  const at = (id: string) => {
    let p = out.get(id);
    if (!p) out.set(id, (p = { conflicts: [], violations: [] }));
    return p;
  };
  for (const c of conflicts) for (const id of new Set([c.recordId, ...(c.records ?? [])])) at(id).conflicts.push(c);
  for (const v of violations) for (const id of v.records) at(id).violations.push(v);
  return out;
}

// Loads run one at a time (the rules over a region are not cheap). A load asked for while one runs may come
// after a change that load did not see, so one more load follows it, shared by everyone who asked meanwhile.
let running: Promise<void> | undefined;
let again: Promise<void> | undefined;

export const useProblemsStore = create<ProblemsState>((set, get) => ({
  conflicts: undefined,
  violations: undefined,
  byRecord: new Map(),
  error: undefined,
  hash: undefined,
  async refresh() {
    try {
      const { hash } = await api().call('state.hash', {});
      if (hash === get().hash && get().violations) return;
    } catch {
      // Fall through: load() reports the failure.
    }
    return get().load();
  },
  load() {
    if (running) {
      again ??= running.then(() => {
        again = undefined;
        return get().load();
      });
      return again;
    }
    running = (async () => {
      try {
        const [{ hash }, conflicts, violations] = await Promise.all([api().call('state.hash', {}), api().call('conflicts.list', {}), api().call('violations.list', {})]);
        set({ conflicts, violations, byRecord: index(conflicts, violations), error: undefined, hash });
      } catch (err) {
        set({ error: asApiCallError(err) });
      } finally {
        running = undefined;
      }
    })();
    return running;
  },
}));

export function problemsOf(byRecord: Map<string, RecordProblems>, ...ids: string[]): RecordProblems {
  if (ids.length === 1) return byRecord.get(ids[0]!) ?? EMPTY;
  const conflicts = new Set<Conflict>();
  const violations = new Set<Violation>();
  for (const id of ids) {
    const p = byRecord.get(id);
    p?.conflicts.forEach((c) => conflicts.add(c));
    p?.violations.forEach((v) => violations.add(v));
  }
  return { conflicts: [...conflicts], violations: [...violations] };
}

/** What needs attention: every conflict, blocking violations, and warnings nobody gave a reason for. */
export function isOpen(v: Violation): boolean {
  return v.severity === 'blocking' || !v.accepted;
}
