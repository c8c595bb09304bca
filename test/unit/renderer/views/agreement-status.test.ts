// Afspraken: the state a coordinator reads beside an agreement, and whose signature is missing or old.
import { describe, expect, it } from 'vitest';
import type { AgreementRecord } from '../../../../shared/domain/agreement';
import { agreementState, signatureOf } from '../../../../renderer/views/agreements/agreement-status';

const HAARLEM = 'GM0392';
const ZANDVOORT = 'GM0473';
const TODAY = '2027-05-01';

function agreement(over: Partial<AgreementRecord>): AgreementRecord {
  return {
    parties: [HAARLEM, ZANDVOORT],
    contentHash: 'hash-v2',
    signatures: [],
    signedByAll: false,
    terminatedFrom: null,
    start: '2027-01-01',
    end: '2027-12-31',
    ...over,
  } as AgreementRecord;
}
const signed = (gemeente: string, contentHash = 'hash-v2') => ({ gemeente, contentHash, signedAt: '2027-01-02T10:00:00Z', terminateFrom: null });

describe('agreement state', () => {
  it('is proposed while a party has not signed this text, naming who is still to sign', () => {
    const a = agreement({ signatures: [signed(HAARLEM), signed(ZANDVOORT, 'hash-v1')] });
    expect(agreementState(a, TODAY)).toEqual({ kind: 'proposed', waitingFor: [ZANDVOORT] });
  });

  it('is in force once everyone signed, with the termination date still ahead if one was set', () => {
    const a = agreement({ signatures: [signed(HAARLEM), signed(ZANDVOORT)], signedByAll: true });
    expect(agreementState(a, TODAY)).toEqual({ kind: 'inForce', terminateFrom: null });
    expect(agreementState({ ...a, terminatedFrom: '2027-09-01' }, TODAY)).toEqual({ kind: 'inForce', terminateFrom: '2027-09-01' });
  });

  it('is terminated from the termination date on, even if not everyone signed', () => {
    const a = agreement({ terminatedFrom: '2027-05-01' });
    expect(agreementState(a, TODAY)).toEqual({ kind: 'terminated', from: '2027-05-01' });
  });

  it('is expired after its end date', () => {
    const a = agreement({ signatures: [signed(HAARLEM), signed(ZANDVOORT)], signedByAll: true, end: '2027-04-30' });
    expect(agreementState(a, TODAY)).toEqual({ kind: 'expired' });
  });

  it("tells a party's signature on this text from one on an earlier version and from none", () => {
    const a = agreement({ signatures: [signed(HAARLEM), signed(ZANDVOORT, 'hash-v1')] });
    expect(signatureOf(a, HAARLEM)).toBe('current');
    expect(signatureOf(a, ZANDVOORT)).toBe('older');
    expect(signatureOf(a, 'GM0397')).toBe('none');
  });
});
