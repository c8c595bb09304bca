// The fast entry check and the entry schema accept exactly the same values; the fast canonical check and
// JSON.stringify refuse exactly the same texts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalProblem, decodeEntry, entrySchema, looksLikeEntry, plainKeyCount } from '../../../../main/log/entry';
import { canonicalJson, isWellFormed } from '../../../../main/log/canonical';

const valid = {
  author: 'lQlEvUg8ryw_Nw1eMSD01VGZechDZ-DJEZ1Aq6_uFoo',
  gemeente: 'GM0473',
  hlc: '0001795741348112:0000',
  ops: [{ id: 'GM0473.ev.aaaaaaaaaaaaaaaa', set: { name: 'x' }, t: 'event.create' }],
  prev: null,
  seq: 1,
  v: 1,
};

const anyValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant('GM0397'), fc.constant('a'.repeat(64)), fc.constant([]), fc.constant({}));

describe('the fast entry check', () => {
  it('accepts a valid entry', () => {
    expect(looksLikeEntry(valid)).toBe(true);
    expect(entrySchema.safeParse(valid).success).toBe(true);
  });

  it('agrees with the schema on every mutation of a valid entry', () => {
    const keys = Object.keys(valid);
    fc.assert(
      fc.property(fc.constantFrom(...keys, 'extra'), anyValue, fc.boolean(), (key, value, drop) => {
        const e: Record<string, unknown> = { ...valid };
        if (drop && key !== 'extra') delete e[key];
        else e[key] = value;
        expect(looksLikeEntry(e)).toBe(entrySchema.safeParse(e).success);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.constantFrom('t', 'id', 'set'), anyValue, (key, value) => {
        const op: Record<string, unknown> = { ...valid.ops[0], [key]: value };
        const e = { ...valid, ops: [op] };
        expect(looksLikeEntry(e)).toBe(entrySchema.safeParse(e).success);
      }),
      { numRuns: 1000 },
    );
  });
});

/** The canonical check as it was, and as RFC 8785 with JSON.stringify's number form puts it: the oracle. */
function canonicalByStringify(text: string): string | undefined {
  const raw = JSON.parse(text) as unknown;
  if (JSON.stringify(raw) !== text) return 'entry is not in canonical form';
  const walk = (v: unknown): string | undefined => {
    if (typeof v === 'string') return isWellFormed(v) ? undefined : 'entry holds text that is not well-formed Unicode (a lone surrogate)';
    if (typeof v === 'number') return Number.isSafeInteger(v) ? undefined : 'entry is not in canonical form';
    if (typeof v !== 'object' || v === null) return undefined;
    if (Array.isArray(v)) return v.map(walk).find((w) => w !== undefined);
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length; i++) {
      if (i > 0 && !(keys[i - 1]! < keys[i]!)) return 'entry is not in canonical form';
      if (!isWellFormed(keys[i]!)) return 'entry holds text that is not well-formed Unicode (a lone surrogate)';
      const why = walk((v as Record<string, unknown>)[keys[i]!]);
      if (why) return why;
    }
    return undefined;
  };
  return walk(raw);
}

function verdict(text: string): string | undefined {
  return canonicalProblem(Buffer.from(text, 'utf8'), text, JSON.parse(text));
}

describe('the canonical check', () => {
  const entryText = canonicalJson(valid);

  it('counts the keys of a plain text, and sends anything else to the slow check', () => {
    expect(plainKeyCount(Buffer.from(entryText))).toBe(11);
    for (const text of ['{"a": 1}', '{"a":"x\\"y"}', '{"a":1.5}', '{"a":1e3}', '{"a":-0}', '{"1":1}', ' {}', '{"a":"\\u0041"}']) {
      expect(plainKeyCount(Buffer.from(text)), text).toBe(-1);
    }
    expect(plainKeyCount(Buffer.from('{"a":[-12,0,true,false,null,"é ü"],"b":{}}'))).toBe(2);
  });

  it('says what JSON.stringify says, on texts written to trip it', () => {
    const texts = [
      entryText,
      '{"a":1,"a":1}',
      '{"a":1,"b":{"c":1,"c":2}}',
      '{"b":1,"a":2}',
      '{"b":1,"1":2}',
      '{"1":2,"b":1}',
      '{"10":1,"9":2}',
      '{"9":1,"10":2}',
      '{"a":-0}',
      '{"a":0}',
      '{"a":-5}',
      '{"a":1.0}',
      '{"a":1e2}',
      '{"a":1E2}',
      '{"a":12345678901234567890}',
      '{"a":9007199254740991}',
      '{"a":9007199254740993}',
      '{"a":"\\/"}',
      '{"a":"\\u0041"}',
      '{"a":"\\u001f"}',
      '{"a":"\\u001F"}',
      '{"a":"\\n"}',
      '{"a":"\\u000a"}',
      '{"a":"\\ud800"}',
      '{"a":"\\udc00x"}',
      '{"a":"\\ud83d\\ude00"}',
      '{"a":"😀"}',
      '{"a":"\u2028"}',
      '{"\\ud800":1}',
      '{"a":[1 ,2]}',
      '{"a":\t1}',
      '{"":1,"a":""}',
      '{"a":"\\"","b":"\\\\"}',
      '[{"b":1,"a":1}]',
    ];
    for (const text of texts) expect(verdict(text), text).toBe(canonicalByStringify(text));
  });

  it('says what JSON.stringify says, on any value written canonically, as JSON.stringify writes it, or re-spaced', () => {
    const key = fc.oneof(fc.constantFrom('a', 'b', 'c', '1', '10', '9', 'é', '\ud800', '😀', ''), fc.string({ maxLength: 4 }));
    const leaf = fc.oneof(
      fc.integer(),
      fc.constantFrom(-0, 1.5, 2 ** 53, 1e21),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('\ud800', 'x\udc00', '"\\', '\u0007', '😀'),
    );
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
    })).v;
    const spell = (v: unknown, how: number): string => {
      if (how === 0) {
        try {
          return canonicalJson(v);
        } catch {
          return JSON.stringify(v);
        }
      }
      const text = JSON.stringify(v);
      if (how === 1) return text;
      if (how === 2) return text.replace(/,/, ', ');
      // A key written twice, or a plain character written as an escape.
      const changed = how === 3 ? text.replace(/^\{("[^"\\]*":[^,{}[\]]+)/, '{$1,$1') : text.replace(/"([a-z])/, (_m, c: string) => `"\\u00${c.charCodeAt(0).toString(16)}`);
      try {
        JSON.parse(changed);
        return changed;
      } catch {
        return text;
      }
    };
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), (v, how) => {
        const text = spell(v, how);
        expect(verdict(text), text).toBe(canonicalByStringify(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds every forbidden key the pattern finds: a plain text with one is not plain', () => {
    const forbidden = /"(?:__proto__|constructor|prototype)":/;
    const key = fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto_', 'constructors', 'a', 'prototypE');
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.constantFrom('__proto__', 'x', 'constructor'), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        const text = JSON.stringify(v);
        if (forbidden.test(text)) expect(plainKeyCount(Buffer.from(text)), text).toBe(-1);
      }),
      { numRuns: 3000 },
    );
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const plain = entryText.replace('"prev":null,', `"prev":null,"${name}":1,`);
      const escaped = entryText.replace('"ops":[', `"${name}":1,"ops":["\\u0041",`);
      for (const text of [plain, escaped]) expect(() => decodeEntry(Buffer.from(text))).toThrow(`forbidden key "${name}"`);
    }
    // As a value it is only text.
    expect(plainKeyCount(Buffer.from('{"a":"__proto__","b":["constructor"]}'))).toBe(2);
  });

  it('refuses an entry written with a key twice, as it did', () => {
    const twice = entryText.replace('"prev":null,', '"prev":null,"prev":null,');
    expect(() => decodeEntry(Buffer.from(twice))).toThrow('entry is not in canonical form');
    expect(decodeEntry(Buffer.from(entryText)).entry).toEqual(valid);
  });
});
