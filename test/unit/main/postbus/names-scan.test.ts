// The postbus's names and the watcher's decisions: which files wait, which are refused, which are read.
import { describe, expect, it } from 'vitest';
import { addressedBy, conflictOriginal, isTempName, outgoingName, stamp } from '../../../../main/postbus/names';
import { decide, type DecideContext, type Observed } from '../../../../main/postbus/scan';
import type { InRow } from '../../../../main/postbus/store';

const JULY = new Date('2027-07-03T12:12:30Z'); // 14:12 in the Netherlands (summer time)

describe('names a person browsing the folder understands', () => {
  it('says who wrote for whom and when, in Dutch local time', () => {
    expect(stamp(JULY)).toBe('2027-07-03T1412');
    expect(outgoingName('GM0473', ['GM0397'], JULY)).toBe('van-Zandvoort-aan-Heemstede-2027-07-03T1412.regie');
    expect(outgoingName('GM0473', 'all', JULY)).toBe('van-Zandvoort-aan-alle-partners-2027-07-03T1412.regie');
    const taken = new Set(['van-Zandvoort-aan-Heemstede-2027-07-03T1412.regie']);
    expect(outgoingName('GM0473', ['GM0397'], JULY, (n) => taken.has(n))).toBe('van-Zandvoort-aan-Heemstede-2027-07-03T1412-2.regie');
  });

  it('recognises sync engines’ conflict copies and temporary files', () => {
    const name = 'van-Zandvoort-aan-Heemstede-2027-07-03T1412.regie';
    expect(conflictOriginal(name)).toBeUndefined();
    expect(conflictOriginal('van-Zandvoort-aan-Heemstede-2027-07-03T1412 (1).regie')).toBe(name);
    expect(conflictOriginal('van-Zandvoort-aan-Heemstede-2027-07-03T1412-LAPTOP-7.regie')).toBe(name);
    expect(conflictOriginal('van-Zandvoort-aan-Heemstede-2027-07-03T1412.sync-conflict-20270703-141200-ABCDEFG.regie')).toBe(name);
    expect(conflictOriginal('planning (Conflicted copy 2027-07-03).regie')).toBe('planning.regie');
    expect(conflictOriginal('van-Zandvoort-aan-Heemstede-2027-07-03T1412-2.regie')).toBeUndefined();
    for (const t of ['.regie-bezig-ab-12.tmp', '~$plan.regie', '.syncthing.plan.regie.tmp', 'plan.regie.partial', 'plan.regie.crdownload']) expect(isTempName(t)).toBe(true);
    expect(isTempName('van-Zandvoort-aan-Heemstede-2027-07-03T1412.regie')).toBe(false);
  });

  it('reads from a name whether a file is addressed to this gemeente', () => {
    expect(addressedBy('van-Zandvoort-aan-Heemstede-2027-07-03T1412.regie', 'GM0397')).toBe('me');
    expect(addressedBy('van-Zandvoort-aan-Heemstede-2027-07-03T1412.regie', 'GM0377')).toBe('others');
    expect(addressedBy('van-Zandvoort-aan-alle-partners-2027-07-03T1412.regie', 'GM0377')).toBe('me');
    expect(addressedBy('van-Zandvoort-aan-Bloemendaal-Heemstede-2027-07-03T1412 (1).regie', 'GM0397')).toBe('me');
    expect(addressedBy('iets-anders.regie', 'GM0397')).toBe('unknown');
  });
});

describe('the watcher’s decisions', () => {
  const now = JULY.getTime();
  const c: DecideContext = { now, settleMs: 3_000, giveUpMs: 3_600_000, gemeente: 'GM0397', ownNames: new Set(['van-Heemstede-aan-Zandvoort-2027-07-03T1400.regie']), trustEpoch: 2 };
  const file = (name: string, over: Partial<Observed> = {}): Observed => ({ name, kind: 'file', size: 5000, mtimeMs: now - 60_000, ...over });
  const row = (o: Observed, over: Partial<InRow> = {}): InRow => ({
    name: o.name,
    size: o.size,
    mtime: o.mtimeMs,
    firstSeen: new Date(now - 10_000).toISOString(),
    state: 'changing',
    reason: null,
    fileId: null,
    gemeente: null,
    staged: null,
    summary: null,
    trustEpoch: 2,
    at: new Date(now - 10_000).toISOString(),
    ...over,
  });
  const incoming = 'van-Zandvoort-aan-Heemstede-2027-07-03T1412.regie';

  it('reads a complete file, and leaves one being written alone', () => {
    expect(decide(file(incoming), undefined, c)).toEqual({ action: 'read' });
    expect(decide(file(incoming, { mtimeMs: now - 500 }), undefined, c)).toEqual({ action: 'wait', stale: false });
    // Unchanged between two looks more than the settle time apart: complete, even with a clock that runs ahead.
    const ahead = file(incoming, { mtimeMs: now + 120_000 });
    expect(decide(ahead, row(ahead), c)).toEqual({ action: 'read' });
    // Still changing after an hour: reported once as never completing.
    const growing = file(incoming, { mtimeMs: now - 100 });
    expect(decide(growing, row(growing, { size: 10, firstSeen: new Date(now - 3_700_000).toISOString() }), c)).toEqual({ action: 'wait', stale: true });
  });

  it('decides a file once for its size and time; a change or a newly trusted device makes it worth another look', () => {
    const f = file(incoming);
    expect(decide(f, row(f, { state: 'applied' }), c)).toEqual({ action: 'keep' });
    expect(decide(f, row(f, { state: 'refused', trustEpoch: 2 }), c)).toEqual({ action: 'keep' });
    expect(decide(f, row(f, { state: 'refused', trustEpoch: 1 }), c)).toEqual({ action: 'read' });
    expect(decide(f, row(f, { state: 'refused', size: 100 }), c)).toEqual({ action: 'read' });
  });

  it('refuses links, pipes and folders, ignores empty files, and leaves files for others alone', () => {
    expect(decide(file(incoming, { kind: 'symlink' }), undefined, c)).toMatchObject({ action: 'refuse', reason: expect.stringMatching(/snelkoppeling/) });
    expect(decide(file(incoming, { kind: 'other' }), undefined, c)).toMatchObject({ action: 'refuse', reason: expect.stringMatching(/pijp/) });
    expect(decide(file('.regie', { kind: 'directory' }), undefined, c)).toMatchObject({ action: 'refuse', reason: expect.stringMatching(/map/) });
    expect(decide(file(incoming, { size: 0 }), undefined, c)).toMatchObject({ action: 'ignore', reason: expect.stringMatching(/leeg/) });
    // Another gemeente's file (by its name) is theirs: not opened, not recorded, not reported.
    expect(decide(file('van-Zandvoort-aan-Bloemendaal-2027-07-03T1412.regie'), undefined, c)).toEqual({ action: 'skip' });
  });

  it('knows its own files and their conflict copies, and skips what is not a plan file', () => {
    expect(decide(file('van-Heemstede-aan-Zandvoort-2027-07-03T1400.regie'), undefined, c)).toEqual({ action: 'own' });
    expect(decide(file('van-Heemstede-aan-Zandvoort-2027-07-03T1400 (1).regie'), undefined, c)).toEqual({ action: 'own-copy' });
    expect(decide(file('notulen.docx'), undefined, c)).toEqual({ action: 'skip' });
    expect(decide(file('.regie-bezig-1234abcd-ff.tmp'), undefined, c)).toEqual({ action: 'skip' });
  });
});
