import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../../main/log/open';
import { commitLocal, createIdentity, identityFingerprint } from '../../../../main/log/log';
import { decodeEntry } from '../../../../main/log/entry';
import { canonicalJson, parseJsonStrict } from '../../../../main/log/canonical';
import { sha256Hex } from '../../../../main/log/identity';
import { tempDir } from '../../helpers';

const fields = { name: 'Dutch Grand Prix', place: 'Circuit', start: '2027-08-27T08:00', end: '2027-08-29T20:00', risk: 'C', visitors: 105000, status: 'concept' };

describe('the local log', () => {
  it('makes a device key whose fingerprint is six groups of five digits', () => {
    const db = openDatabase(join(tempDir(), 'regie.db'));
    const me = createIdentity(db, 'GM0473', 'Laptop');
    expect(identityFingerprint(me)).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(createIdentity(openDatabase(join(tempDir(), 'regie.db')), 'GM0473', 'Laptop').publicKey).not.toBe(me.publicKey);
  });

  it('chains each action as one canonical entry with a rising clock', () => {
    const db = openDatabase(join(tempDir(), 'regie.db'));
    const me = createIdentity(db, 'GM0473', 'Laptop');
    const a = commitLocal(db, me, [{ t: 'event.create', id: 'GM0473.ev.aaaaaaaaaaaaaaaa', set: fields }], 1_800_000_000_000);
    const b = commitLocal(db, me, [{ t: 'event.update', id: 'GM0473.ev.aaaaaaaaaaaaaaaa', set: { risk: 'B' }, base: {} }], 1_800_000_000_000);
    const rows = db.prepare('SELECT id, seq, prev, hlc, bytes FROM entries ORDER BY seq').all() as { id: string; seq: number; prev: string | null; hlc: string; bytes: Buffer }[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
    expect(rows[0]!.prev).toBeNull();
    expect(rows[1]!.prev).toBe(a.entryId);
    expect(rows[1]!.hlc > rows[0]!.hlc).toBe(true);
    for (const r of rows) {
      expect(sha256Hex(r.bytes)).toBe(r.id);
      expect(decodeEntry(r.bytes).id).toBe(r.id);
    }
    expect(b.effects[0]).toMatchObject({ kind: 'changed', changes: [{ field: 'risk', from: 'C', to: 'B' }] });
  });

  it('refuses to write an op for a record of another gemeente, and writes nothing', () => {
    const db = openDatabase(join(tempDir(), 'regie.db'));
    const me = createIdentity(db, 'GM0473', 'Laptop');
    expect(() => commitLocal(db, me, [{ t: 'event.create', id: 'GM0397.ev.aaaaaaaaaaaaaaaa', set: fields }])).toThrow(/GM0473 mag event/);
    expect(db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
  });
});

describe('canonical JSON', () => {
  it('sorts keys and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: 'é' } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":"é","z":1}}');
  });
  it('refuses fractions, which would not survive re-encoding everywhere', () => {
    expect(() => canonicalJson({ a: 0.1 })).toThrow();
  });
  it('refuses prototype-polluting keys when parsing', () => {
    expect(() => parseJsonStrict('{"__proto__":{"x":1}}')).toThrow(/forbidden key/);
    expect(() => parseJsonStrict('{"a":{"constructor":{}}}')).toThrow(/forbidden key/);
  });
  it('rejects entry bytes that are valid JSON but not canonical', () => {
    const db = openDatabase(join(tempDir(), 'regie.db'));
    const me = createIdentity(db, 'GM0473', 'Laptop');
    commitLocal(db, me, [{ t: 'event.create', id: 'GM0473.ev.aaaaaaaaaaaaaaaa', set: fields }]);
    const { bytes } = db.prepare('SELECT bytes FROM entries').get() as { bytes: Buffer };
    const spaced = Buffer.from(JSON.stringify(JSON.parse(bytes.toString()), null, 1));
    expect(() => decodeEntry(spaced)).toThrow(/canonical/);
  });
});
