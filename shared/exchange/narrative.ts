// The story of an import preview: what a plan file does, grouped per gemeente and per event, with what
// matters most to the reader (conflicts, violations, refusals, changes that touch their own officers,
// events and requests) first. Pure data in, lines with codes and parameters out; shared/i18n/narrative-messages
// words them in Dutch or English, for the screen and for `regie import`.
import type { ImportPreview, PreviewFact, PreviewFactKind } from '../api/exchange';
import type { Violation } from '../rules/types';

/** A fact's own kind, except commitments and officers, which are told together per shift and per gemeente. */
export type LineCode =
  | Exclude<PreviewFactKind, 'commitment.new' | 'commitment.withdrawn' | 'officer.new' | 'officer.changed'>
  | 'commitments'
  | 'officers.new'
  | 'officers.changed'
  | 'conflict'
  | 'violation'
  | 'rejected'
  | 'held'
  | 'parked';

export interface NarrativeLine {
  code: LineCode;
  /** The gemeente whose change or problem it is. */
  by: string;
  /** Raw values: gemeente codes, local times ('2027-07-10T20:00'), counts, names. */
  params: Record<string, string | number>;
  /** Lists of names, joined per language ("a, b en c"). */
  lists: Record<string, string[]>;
  /** For 'violation': the rule violation itself (rendered by its code, in either language). */
  violation?: Violation;
  /** Something the reader must look at: it concerns their own officers, events, requests or agreements. */
  important: boolean;
}

export interface NarrativeEvent {
  /** The event's id; '' for lines without a known event. */
  id: string;
  name: string;
  start: string;
  end: string;
  lines: NarrativeLine[];
}

export interface NarrativeSection {
  gemeente: string;
  events: NarrativeEvent[];
  /** Agreements, officers and what has no event. */
  other: NarrativeLine[];
  /** Lines in this section: the number a heading may show, equal to what is listed. */
  count: number;
}

export interface Narrative {
  /** What matters most, in this order: conflicts, blocking violations, refusals, then own matters, warnings, held and parked. */
  attention: NarrativeLine[];
  sections: NarrativeSection[];
  /** Changes too many to describe one by one. */
  omitted: number;
  /** The file brings nothing this copy lacks. */
  nothingNew: boolean;
}

const line = (code: LineCode, by: string, params: NarrativeLine['params'] = {}, lists: NarrativeLine['lists'] = {}, important = false): NarrativeLine => ({
  code,
  by,
  params,
  lists,
  important,
});

function eventParams(f: PreviewFact): Record<string, string | number> {
  const p: Record<string, string | number> = {};
  if (f.event) {
    p.event = f.event.name;
    p.eventStart = f.event.start;
    p.eventEnd = f.event.end;
    p.host = f.event.host;
  }
  if (f.shift) {
    p.start = f.shift.start;
    p.end = f.shift.end;
    p.needed = f.shift.needed;
  }
  if (f.request) {
    p.provider = f.request.provider;
    p.count = f.request.count;
    p.requestHost = f.request.host;
  }
  if (f.ownCommitted !== undefined) p.own = f.ownCommitted;
  return p;
}

/** One fact as a line; commitments and officers are gathered by the caller. */
function factLine(f: PreviewFact, own: string): NarrativeLine | undefined {
  const p = eventParams(f);
  const mine = (f.ownCommitted ?? 0) > 0;
  switch (f.kind) {
    case 'event.new':
      return line('event.new', f.by, p);
    case 'event.changed':
      return line('event.changed', f.by, p, { aspects: f.aspects ?? [] });
    case 'event.cancelled':
      return line('event.cancelled', f.by, p, {}, mine);
    case 'shift.new':
      return line('shift.new', f.by, p);
    case 'shift.changed':
      return line('shift.changed', f.by, p, { aspects: f.aspects ?? [] }, mine && (f.aspects ?? []).includes('time'));
    case 'shift.cancelled':
      return line('shift.cancelled', f.by, p, {}, mine);
    case 'request.new':
      return line('request.new', f.by, p, {}, f.request?.provider === own);
    case 'request.changed':
      return line('request.changed', f.by, p, { aspects: f.aspects ?? [] }, f.request?.provider === own);
    case 'request.withdrawn':
      return line('request.withdrawn', f.by, p, {}, f.request?.provider === own);
    case 'request.approved':
      return line('request.approved', f.by, { ...p, approvedBy: f.reason ?? '' }, {}, f.request?.provider === own);
    case 'request.declined':
      return line('request.declined', f.by, { ...p, reason: f.reason ?? '' }, {}, f.request?.host === own);
    case 'agreement.new':
    case 'agreement.changed':
    case 'agreement.signed':
    case 'agreement.terminated':
      return line(f.kind, f.by, { title: f.agreement?.title ?? '', ...(f.date ? { date: f.date } : {}) }, { parties: f.agreement?.parties ?? [] }, f.agreement?.parties.includes(own) ?? false);
    default:
      return undefined;
  }
}

const byStart = (a: { start: string }, b: { start: string }) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);

/** What the narrative reads of a preview (an ImportPreview has it all). */
export type NarrativeInput = Pick<ImportPreview, 'facts' | 'factsOmitted' | 'conflicts' | 'violations' | 'rejected' | 'held' | 'parked' | 'entries'> & {
  sender: { gemeente: string };
};

/**
 * The lines of an applied file that concern the reader's own officers, events, requests and agreements: what
 * Meldingen keeps after the import (conflicts and violations are listed there from the plan itself).
 */
export function ownMatters(facts: PreviewFact[], own: string, sender: string): NarrativeLine[] {
  const input: NarrativeInput = { facts, conflicts: [], violations: [], rejected: [], held: [], parked: [], entries: { inFile: 0, new: 0, alreadyKnown: 0 }, sender: { gemeente: sender } };
  return buildNarrative(input, own).attention;
}

export function buildNarrative(preview: NarrativeInput, own: string): Narrative {
  const facts = preview.facts ?? [];
  const sections = new Map<string, { events: Map<string, NarrativeEvent>; other: NarrativeLine[] }>();
  const section = (g: string) => {
    let s = sections.get(g);
    if (!s) {
      s = { events: new Map(), other: [] };
      sections.set(g, s);
    }
    return s;
  };
  const eventGroup = (g: string, f: PreviewFact): NarrativeEvent => {
    const s = section(g);
    const id = f.event?.id ?? '';
    let e = s.events.get(id);
    if (!e) {
      e = { id, name: f.event?.name ?? '', start: f.event?.start ?? '', end: f.event?.end ?? '', lines: [] };
      s.events.set(id, e);
    }
    return e;
  };

  // Commitments per provider and shift: "A komt niet meer; B komt" is one line.
  const crews = new Map<string, { fact: PreviewFact; come: string[]; gone: string[] }>();
  const officers = new Map<string, { created: string[]; changed: string[] }>();
  const others = new Map<string, Map<string, number>>();
  const important: NarrativeLine[] = [];
  for (const f of facts) {
    if (f.kind === 'commitment.new' || f.kind === 'commitment.withdrawn') {
      const key = `${f.by}|${f.shift?.id ?? f.request?.id ?? f.recordId}`;
      const crew = crews.get(key) ?? { fact: f, come: [], gone: [] };
      (f.kind === 'commitment.new' ? crew.come : crew.gone).push(f.officer?.name ?? '');
      crews.set(key, crew);
      continue;
    }
    if (f.kind === 'officer.new' || f.kind === 'officer.changed') {
      const o = officers.get(f.by) ?? { created: [], changed: [] };
      (f.kind === 'officer.new' ? o.created : o.changed).push(f.officer?.name ?? '');
      officers.set(f.by, o);
      continue;
    }
    const l = factLine(f, own);
    if (!l) {
      const kinds = others.get(f.by) ?? new Map<string, number>();
      kinds.set(f.type ?? 'other', (kinds.get(f.type ?? 'other') ?? 0) + 1);
      others.set(f.by, kinds);
      continue;
    }
    if (f.event || f.shift) eventGroup(f.by, f).lines.push(l);
    else section(f.by).other.push(l);
    if (l.important) important.push(l);
  }
  for (const { fact, come, gone } of crews.values()) {
    const sort = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'nl'));
    const mine = fact.request?.host === own;
    const l = line('commitments', fact.by, eventParams(fact), { come: sort(come), gone: sort(gone) }, mine);
    eventGroup(fact.by, fact).lines.push(l);
    if (l.important) important.push(l);
  }
  for (const [g, o] of officers) {
    const sort = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'nl'));
    if (o.created.length) section(g).other.push(line('officers.new', g, { count: o.created.length }, { names: sort(o.created) }));
    if (o.changed.length) section(g).other.push(line('officers.changed', g, { count: o.changed.length }, { names: sort(o.changed) }));
  }
  for (const [g, kinds] of others) {
    const total = [...kinds.values()].reduce((n, c) => n + c, 0);
    section(g).other.push(line('other', g, { count: total }, { types: [...kinds.keys()].sort() }));
  }

  const out: NarrativeSection[] = [...sections.entries()]
    .map(([gemeente, s]) => {
      const events = [...s.events.values()].sort(byStart);
      for (const e of events) e.lines.sort((a, b) => byStart({ start: String(a.params.start ?? '') }, { start: String(b.params.start ?? '') }));
      return { gemeente, events, other: s.other, count: events.reduce((n, e) => n + e.lines.length, 0) + s.other.length };
    })
    // The sender's own changes first, then the gemeenten it relays, by code for a stable order.
    .sort((a, b) => (a.gemeente === preview.sender.gemeente ? -1 : b.gemeente === preview.sender.gemeente ? 1 : a.gemeente.localeCompare(b.gemeente)));

  // A lapsed commitment's conflict says what the cancellation line already says: the line is kept (with names
  // and times); the conflict itself waits in Meldingen for whoever resolves it.
  const told = (c: NarrativeInput['conflicts'][number]) =>
    c.kind === 'commitment_lapsed' &&
    facts.some((f) =>
      c.field === 'request' ? f.kind === 'request.withdrawn' && f.recordId === c.recordId : f.kind === (c.field === 'shift' ? 'shift.cancelled' : 'event.cancelled') && (f.ownCommitted ?? 0) > 0,
    );
  const conflicts = preview.conflicts
    .filter((c) => !told(c))
    .map((c) =>
      line(
        'conflict',
        c.owner,
        { kind: c.kind, field: c.field, message: c.message, count: c.kind === 'commitment_lapsed' ? (c.records?.length ?? 0) : c.values.length, resolvableBy: c.resolvableBy },
        {},
        true,
      ),
    );
  const violation = (v: Violation) => ({ ...line('violation', '', { severity: v.severity }, {}, true), violation: v });
  const blocking = preview.violations.filter((v) => v.severity === 'blocking').map(violation);
  const warnings = preview.violations.filter((v) => v.severity !== 'blocking').map(violation);
  const rejected = preview.rejected.map((r) => line('rejected', r.gemeente, { seq: r.seq, reason: r.reason }, {}, true));
  const held = preview.held.map((h) => line('held', h.gemeente, { count: h.count, device: h.device }, {}, true));
  const parked = preview.parked.map((k) => line('parked', k.gemeente, { from: k.from, to: k.to, missingFrom: k.missingFrom, missingTo: k.missingTo, device: k.device }, {}, true));

  return {
    attention: [...conflicts, ...blocking, ...rejected, ...important, ...warnings, ...held, ...parked],
    sections: out,
    omitted: preview.factsOmitted ?? 0,
    nothingNew: preview.entries.new === 0 && preview.held.length === 0 && preview.parked.length === 0,
  };
}
