// Meldingen: the links under a problem to where it matters (request, own officer, event, agreement), named.
import { describe, expect, it } from 'vitest';
import { recordLinks, type RecordNames } from '../../../../renderer/views/problems/record-links';

const OWN = 'GM0392';
const id = (owner: string, tag: string, rest = 'a1b2c3d4e5f6') => `${owner}.${tag}.${rest}`;
const ownOfficer = id(OWN, 'of');
const partnerOfficer = id('GM0473', 'of');
const event = id('GM0473', 'ev');
const shift = id('GM0473', 'sh');
const agreement = id(OWN, 'ag');
const request = id(OWN, 'rq');

const names: RecordNames = {
  officers: new Map([[ownOfficer, 'Jansen']]),
  events: new Map([[event, 'Circuitdag Zandvoort']]),
  shiftEvents: new Map([[shift, event]]),
  agreements: new Map([[agreement, 'Inzet Kennemerland 2027']]),
};

describe('links under a problem', () => {
  it('names each record it concerns and links to its page', () => {
    expect(recordLinks([request, ownOfficer, agreement], names, OWN)).toEqual([
      { kind: 'request', href: `#/verzoeken/${encodeURIComponent(request)}` },
      { kind: 'officer', href: `#/handhavers/${encodeURIComponent(ownOfficer)}`, name: 'Jansen' },
      { kind: 'agreement', href: `#/afspraken/${encodeURIComponent(agreement)}`, name: 'Inzet Kennemerland 2027' },
    ]);
  });

  it('links a shift to its event, once, when the event is named too', () => {
    const links = recordLinks([shift, event], names, OWN);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ kind: 'event', name: 'Circuitdag Zandvoort' });
    expect(links[0]!.href).toContain(encodeURIComponent(event));
  });

  it("gives no link to a partner's officer: their details are theirs", () => {
    expect(recordLinks([partnerOfficer], names, OWN)).toEqual([]);
  });

  it('shows the id where the name is not known (yet)', () => {
    const unknown = id(OWN, 'of', 'ffffffffffff');
    expect(recordLinks([unknown], names, OWN)).toEqual([{ kind: 'officer', href: `#/handhavers/${encodeURIComponent(unknown)}`, name: unknown }]);
  });

  it('skips a shift whose event is not known and anything that is not a record id', () => {
    expect(recordLinks([id('GM0473', 'sh', '000000000000'), 'kapot'], names, OWN)).toEqual([]);
  });
});
