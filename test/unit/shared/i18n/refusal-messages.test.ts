// Main's refusals travel as a key with values: the Dutch text is main's message, and the screen words the
// same key in English. Every key has both, with the values filled in.
import { describe, expect, it } from 'vitest';
import { errorText, keyedError } from '../../../../shared/i18n/error-messages';
import { refusalNl, rulesParam, type RefusalKey } from '../../../../shared/i18n/refusal-messages';

const PARAMS = {
  id: 'GM0473.ev.x',
  name: 'Anna',
  host: 'Zandvoort',
  provider: 'Heemstede',
  owner: 'Heemstede',
  what: 'officer',
  count: 1,
  committed: 1,
  gemeente: 'Heemstede',
  code: 'GM9999',
  max: 366,
  problem: 'p',
  path: '/tmp/x',
  reason: 'r',
  dir: 'd',
  example: '/mnt/x',
  known: 'A',
  card: 'B',
  names: 'C',
  proposer: 'Zandvoort',
  me: 'Bloemendaal',
  a: 'Heemstede',
  b: 'Zandvoort',
  from: '2027-07-01',
  to: '2027-09-30',
  number: 'VV-1',
  rules: '[]',
};

describe('refusals from main', () => {
  it('have a Dutch and an English text for every key, with the values in it', () => {
    for (const key of Object.keys(refusalNl) as RefusalKey[]) {
      const nl = errorText(key, PARAMS, 'nl');
      const en = errorText(key, PARAMS, 'en');
      expect(nl.length, key).toBeGreaterThan(10);
      expect(en, key).not.toBe(nl);
      expect(en, key).not.toMatch(/\b(niet|alleen|gemeentecode|bestaat|dienst|verzoek|handhaver|afspraak)\b/);
      expect(nl, key).not.toContain('undefined');
      expect(en, key).not.toContain('undefined');
    }
  });

  it('send the Dutch message, the key and the values', () => {
    const e = keyedError('refused', 'record.not_own', { what: 'officer', owner: 'Heemstede' });
    expect(e.message).toBe('Deze handhaver is van Heemstede; alleen die gemeente kan dit wijzigen.');
    expect(e.toJSON().text).toEqual({ key: 'record.not_own', params: { what: 'officer', owner: 'Heemstede' } });
    expect(errorText('record.not_own', e.text!.params, 'en')).toBe('This officer belongs to Heemstede; only that gemeente can change it.');
  });

  it('word counts and rule findings in the reader’s language', () => {
    expect(errorText('commit.too_many', { count: 3, committed: 2 }, 'nl')).toBe('Er zijn 3 handhavers gevraagd; 2 zijn al toegezegd.');
    expect(errorText('commit.too_many', { count: 3, committed: 1 }, 'en')).toBe('3 officers were asked for; 1 is already committed.');
    const rules = rulesParam([{ code: 'ATW_SHIFT_TOO_LONG', params: { officer: 'Anna de Vries', start: '2027-07-10T08:00', end: '2027-07-10T21:00', minutes: 780, count: 1 } }]);
    const nl = errorText('rules.commit', { name: 'Anna de Vries', rules }, 'nl');
    const en = errorText('rules.commit', { name: 'Anna de Vries', rules }, 'en');
    expect(nl).toMatch(/^Anna de Vries toezeggen kan niet: De dienst van Anna de Vries op .* duurt 13 u; een dienst duurt maximaal 12 uur\./);
    expect(en).toMatch(/^Committing Anna de Vries is not possible: Anna de Vries's shift on .* lasts 13 h; a shift lasts at most 12 hours\./);
  });
});
