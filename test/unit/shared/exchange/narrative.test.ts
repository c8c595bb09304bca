// The narrative builder on its own: facts in, grouped lines out, and their words in both languages.
import { describe, expect, it } from 'vitest';
import type { ImportPreview, PreviewFact } from '../../../../shared/api/exchange';
import { buildNarrative } from '../../../../shared/exchange/narrative';
import { narrativeLine, narrativeText, sectionTitle } from '../../../../shared/i18n/narrative-messages';
import { plural } from '../../../../shared/i18n/plural';

const Z = 'GM0473';
const H = 'GM0397';
const B = 'GM0377';
const event = { id: 'ev-GM0473-1', name: 'Strandfestival', host: Z, start: '2027-07-10T18:00', end: '2027-07-11T03:00' };
const shift = { id: 'sh-GM0473-1', start: '2027-07-10T20:00', end: '2027-07-11T02:00', needed: 2 };
const request = { id: 'rq-GM0473-1', host: Z, provider: H, count: 2 };

function preview(facts: PreviewFact[], extra: Partial<ImportPreview> = {}): ImportPreview {
  return {
    fileId: 'f',
    sender: { gemeente: H, gemeenteName: 'Heemstede', device: 'Laptop' },
    created: '2027-07-01T10:00:00.000Z',
    to: [Z],
    entries: { inFile: facts.length, new: facts.length, alreadyKnown: 0 },
    perGemeente: [],
    changes: [],
    rejected: [],
    parked: [],
    held: [],
    conflicts: [],
    violations: [],
    stateHashBefore: 'a',
    stateHashAfter: 'b',
    applied: false,
    facts,
    ...extra,
  };
}

const commitment = (kind: 'commitment.new' | 'commitment.withdrawn', name: string): PreviewFact => ({ kind, by: H, recordId: `cm-${name}`, event, shift, request, officer: { name, employer: H } });

describe('buildNarrative', () => {
  it('joins a withdrawn and a new commitment on one shift into one sentence, first for the host', () => {
    const story = buildNarrative(preview([commitment('commitment.withdrawn', 'Mehmet Kaya'), commitment('commitment.new', 'Sanne de Wit')]), Z);
    expect(story.attention).toHaveLength(1);
    expect(narrativeLine(story.attention[0]!, Z)).toBe('Mehmet Kaya komt niet meer op Strandfestival za 10 jul 20:00–02:00; Sanne de Wit komt.');
    expect(narrativeLine(story.attention[0]!, Z, 'en')).toBe('Mehmet Kaya is no longer coming to Strandfestival Sat 10 Jul 20:00–02:00; Sanne de Wit is coming.');
    expect(story.sections).toHaveLength(1);
    expect(story.sections[0]!.events.map((e) => e.name)).toEqual(['Strandfestival']);
    expect(narrativeLine(story.sections[0]!.events[0]!.lines[0]!, Z, 'nl', true)).toBe('Mehmet Kaya komt niet meer op de dienst van za 10 jul 20:00–02:00; Sanne de Wit komt.');
    // Another gemeente reading the same file is told, but not asked to look first.
    expect(buildNarrative(preview([commitment('commitment.new', 'Sanne de Wit')]), B).attention).toEqual([]);
  });

  it('says a cancelled shift takes away the reader’s commitments, with the right plural', () => {
    const fact = (own: number): PreviewFact => ({ kind: 'shift.cancelled', by: B, recordId: 'sh-GM0377-1', event: { ...event, host: B }, shift, ownCommitted: own });
    const two = buildNarrative(preview([fact(2)]), Z);
    expect(narrativeLine(two.attention[0]!, Z)).toBe('Bloemendaal annuleerde de dienst za 10 jul 20:00–02:00 van Strandfestival, waarop u 2 handhavers had toegezegd.');
    const one = buildNarrative(preview([fact(1)]), Z);
    expect(narrativeLine(one.attention[0]!, Z, 'en')).toBe('Bloemendaal cancelled the shift Sat 10 Jul 20:00–02:00 of Strandfestival, for which you had committed 1 officer.');
    // Without own officers on it, it is news, not an alarm.
    expect(buildNarrative(preview([fact(0)]), Z).attention).toEqual([]);
  });

  it('counts per gemeente exactly the lines it lists, and never names a raw field', () => {
    const facts: PreviewFact[] = [
      { kind: 'event.new', by: Z, recordId: event.id, event },
      { kind: 'shift.new', by: Z, recordId: shift.id, event, shift },
      { kind: 'shift.changed', by: Z, recordId: 'sh-GM0473-2', event, shift: { ...shift, id: 'sh-GM0473-2' }, aspects: ['time', 'needed'] },
      { kind: 'officer.new', by: H, recordId: 'of-1', officer: { name: 'Sanne de Wit', employer: H } },
      { kind: 'officer.new', by: H, recordId: 'of-2', officer: { name: 'Ali Öztürk', employer: H } },
      { kind: 'other', by: H, recordId: 'ab-1', type: 'absence' },
    ];
    const story = buildNarrative(preview(facts), Z);
    for (const s of story.sections) expect(s.count).toBe(s.events.reduce((n, e) => n + e.lines.length, 0) + s.other.length);
    // The sender (Heemstede) first, then what it relays.
    expect(story.sections.map((s) => sectionTitle(s))).toEqual(['Heemstede · 2 wijzigingen', 'Zandvoort · 3 wijzigingen']);
    const text = narrativeText(preview(facts), Z);
    expect(text).toContain('2 nieuwe handhavers: Ali Öztürk en Sanne de Wit.');
    expect(text).toContain('Zandvoort wijzigde de dienst van za 10 jul 20:00–02:00 (tijden en aantal nodig).');
    expect(text).toContain('1 andere wijziging (afwezigheid).');
    expect(text).not.toMatch(/\b(start|needed|withdrawn|absence|fields|velden)\b/);
  });

  it('puts conflicts, broken rules and refusals before everything else', () => {
    const story = buildNarrative(
      preview([{ kind: 'request.new', by: Z, recordId: request.id, event, shift, request }], {
        rejected: [{ gemeente: B, gemeenteName: 'Bloemendaal', seq: 7, reason: 'Bloemendaal mag een dienst van Zandvoort niet wijzigen' }],
        held: [{ gemeente: B, gemeenteName: 'Bloemendaal', device: 'Laptop 2', publicKey: 'k', count: 3 }],
      }),
      H,
    );
    expect(story.attention.map((l) => l.code)).toEqual(['rejected', 'request.new', 'held']);
    expect(narrativeLine(story.attention[2]!, H)).toBe('3 wijzigingen van Bloemendaal (Laptop 2) wachten op vertrouwen: lees de identiteitskaart van dat apparaat in om ze te verwerken.');
    expect(narrativeLine(story.attention[1]!, H)).toBe('Zandvoort vraagt u om 2 handhavers voor Strandfestival za 10 jul 20:00–02:00.');
  });
});

describe('plural', () => {
  it('follows each language’s plural rules', () => {
    expect(plural('nl', 1, { one: 'dienst', other: 'diensten' })).toBe('1 dienst');
    expect(plural('nl', 0, { one: 'dienst', other: 'diensten' })).toBe('0 diensten');
    expect(plural('nl', 1234, { one: 'dienst', other: 'diensten' })).toBe('1.234 diensten');
    expect(plural('en', 1, { one: 'problem', other: 'problems' })).toBe('1 problem');
    expect(plural('en', 2, { one: 'problem', other: 'problems' })).toBe('2 problems');
  });
});
