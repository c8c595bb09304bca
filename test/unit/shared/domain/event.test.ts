import { describe, expect, it } from 'vitest';
import { eventFieldsSchema } from '../../../../shared/domain/event';
import { domainMessage } from '../../../../shared/i18n/messages';

function problems(input: unknown): Record<string, string> {
  const r = eventFieldsSchema.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), domainMessage(i.message)]));
}

const valid = { name: 'Bloemendaal Beach Party', place: 'Strand Bloemendaal', start: '2027-07-10T14:00', end: '2027-07-11T01:00', risk: 'B' };

describe('event fields', () => {
  it('accepts a valid event and fills the defaults', () => {
    const r = eventFieldsSchema.parse(valid);
    expect(r.status).toBe('concept');
    expect(r.visitors).toBeNull();
  });

  it('names every wrong field at once, in Dutch', () => {
    expect(problems({ ...valid, name: '  ', end: '2027-07-10T13:00', risk: 'D' })).toEqual({
      name: 'Geef het evenement een naam.',
      end: 'Het einde moet na het begin liggen.',
      risk: 'Kies risicoklasse A, B of C.',
    });
  });

  it('refuses an end equal to the start and an invalid date', () => {
    expect(problems({ ...valid, end: valid.start })).toEqual({ end: 'Het einde moet na het begin liggen.' });
    expect(problems({ ...valid, start: '2027-02-30T10:00' })).toEqual({ start: 'Vul een geldige datum en tijd in (dd-mm-jjjj uu:mm).' });
  });

  it('refuses unknown fields', () => {
    expect(eventFieldsSchema.safeParse({ ...valid, host: 'GM0392' }).success).toBe(false);
  });
});
