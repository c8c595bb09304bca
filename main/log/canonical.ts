// Canonical JSON (RFC 8785 subset): sorted keys, no whitespace. Regie's entries hold only strings,
// integers, booleans, null, arrays and plain objects, so number formatting is JSON.stringify's.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`Only safe integers are allowed in entries, got ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    // Keys sorted by UTF-16 code units, as RFC 8785 requires; undefined members are omitted.
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  throw new TypeError(`Not representable in an entry: ${typeof value}`);
}

/**
 * Parses JSON without letting "__proto__" or "constructor" keys reach object prototypes: such keys are
 * refused outright, since no Regie structure uses them and they only appear in hostile files.
 */
export function parseJsonStrict(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      throw new SyntaxError(`forbidden key "${key}"`);
    }
    return value;
  });
}
