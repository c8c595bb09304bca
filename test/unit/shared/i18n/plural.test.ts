// @vitest-environment jsdom
// The one plural helper every UI string with a count goes through: "1 dienst" / "3 diensten", "1 problem".
import { describe, expect, it } from 'vitest';
import { fillMessage, plural } from '../../../../shared/i18n/plural';
import { translator } from '../../../../renderer/i18n/t';

describe('plural forms', () => {
  it('follow each language’s plural rules, with the number formatted for the language', () => {
    expect(plural('nl', 1, { one: 'dienst', other: 'diensten' })).toBe('1 dienst');
    expect(plural('nl', 0, { one: 'dienst', other: 'diensten' })).toBe('0 diensten');
    expect(plural('nl', 1500, { one: 'dienst', other: 'diensten' })).toBe('1.500 diensten');
    expect(plural('en', 1, { one: 'problem', other: 'problems' })).toBe('1 problem');
    expect(plural('en', 2, { one: 'problem', other: 'problems' })).toBe('2 problems');
  });

  it('fill {name} and {count|one|other} in a message, and leave unknown parameters visible', () => {
    expect(fillMessage('Diensten ({count|dienst|diensten})', { count: 1 }, 'nl')).toBe('Diensten (1 dienst)');
    expect(fillMessage('{count|melding vraagt|meldingen vragen} aandacht.', { count: 3 }, 'nl')).toBe('3 meldingen vragen aandacht.');
    expect(fillMessage('{name}: {count|change|changes}', { name: 'Zandvoort', count: 1 }, 'en')).toBe('Zandvoort: 1 change');
    expect(fillMessage('{hours|hour|hours}', { hours: '1,5' }, 'en')).toBe('1,5 hours');
    expect(fillMessage('{missing} and {count}', { count: 2 }, 'nl')).toBe('{missing} and 2');
  });

  it('are what the screens say: no "1 diensten" or "1 problems" in either language', () => {
    const nl = translator('nl');
    const en = translator('en');
    expect(nl('ev.shiftsCount', { count: 1 })).toBe('1 dienst');
    expect(en('ev.shiftsCount', { count: 1 })).toBe('1 shift');
    expect(nl('problems.openCount', { count: 1 })).toBe('1 melding vraagt aandacht.');
    expect(en('officers.problemCount', { count: 1 })).toBe('1 problem');
    expect(en('officers.problemCount', { count: 4 })).toBe('4 problems');
    expect(nl('cal.count', { count: 1 })).toBe('1 evenement in deze periode (na filters)');
  });
});
