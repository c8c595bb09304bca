// The propose form's model: the default twelve months, euros as typed, what is wrong with each field, and a
// counter-proposal that fills the form with the other party's terms and sends them back unchanged.
import { describe, expect, it } from 'vitest';
import { defaultPeriod, defaultValues, parseEuros, validate, valuesFromTerms, type ProposeValues } from '../../../../renderer/views/agreements/propose-model';

const filled = (): ProposeValues => ({ ...defaultValues('GM0473', '2027-05-14'), parties: ['GM0473', 'GM0397'] });

describe('propose model', () => {
  it('proposes the next twelve months from the first of next month, across a year end too', () => {
    expect(defaultPeriod('2027-05-14')).toEqual({ start: '2027-06-01', end: '2028-05-31' });
    expect(defaultPeriod('2027-12-31')).toEqual({ start: '2028-01-01', end: '2028-12-31' });
    expect(defaultValues('GM0473', '2027-12-31').title).toBe('Convenant handhaving evenementen 2028');
    expect(defaultValues('GM0473', '2027-05-14').title).toBe('Convenant handhaving evenementen 2027-2028');
  });

  it('reads euros with a comma or a point and refuses anything else', () => {
    expect(parseEuros('68')).toBe(6800);
    expect(parseEuros('68,5')).toBe(6850);
    expect(parseEuros(' 68.05 ')).toBe(6805);
    for (const bad of ['', '68,505', '-1', 'zestig', '12345']) expect(parseEuros(bad)).toBeUndefined();
  });

  it('names every wrong field, per provider for the tariffs', () => {
    const v = filled();
    const result = validate({
      ...v,
      title: ' ',
      end: '2027-01-01',
      cap: '1,5',
      maxOfficers: '',
      maxHours: 'veel',
      escalateTo: '',
      providers: { GM0473: { ...v.providers.GM0473!, hourly: 'x', night: '301' } },
    });
    expect(result).toEqual({
      ok: false,
      errors: { title: 'title', end: 'endBeforeStart', 'hourly-GM0473': 'hourly', 'night-GM0473': 'percent', cap: 'cap', maxOfficers: 'maxOfficers', maxHours: 'maxHours', escalateTo: 'escalateTo' },
    });
    expect(validate({ ...v, parties: ['GM0473'] })).toEqual({ ok: false, errors: { parties: 'parties' } });
  });

  it('turns valid values into terms: parties sorted, default tariff for a provider not filled in, no hour limit when empty', () => {
    const result = validate(filled());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.terms.parties).toEqual(['GM0397', 'GM0473']);
    expect(result.terms.providers.GM0397).toEqual({ model: 'tariff', hourlyCents: 6800, surcharges: { evening: 20, night: 40, weekend: 70, holiday: 100 } });
    expect(result.terms.mandate).toEqual({ maxOfficers: 4, maxHours: null, escalateTo: 'teamleider handhaving' });
    expect(result.terms.capHoursPerMonth).toBe(120);
  });

  it('fills a counter-proposal with the received terms, which validate back to the same terms', () => {
    const v = filled();
    const first = validate({ ...v, maxHours: '16', providers: { GM0473: { ...v.providers.GM0473!, hourly: '71,25' }, GM0397: { ...v.providers.GM0473!, model: 'gesloten_beurs' } } });
    if (!first.ok) throw new Error('expected valid terms');
    const back = valuesFromTerms(first.terms);
    expect(back.providers.GM0473!.hourly).toBe('71,25');
    expect(back.maxHours).toBe('16');
    expect(validate(back)).toEqual(first);
  });
});
