// Canonical JSON (RFC 8785 subset): sorted keys, no whitespace. Regie's entries hold only strings,
// integers, booleans, null, arrays and plain objects, so number formatting is JSON.stringify's.

const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether a string is well-formed Unicode (no lone UTF-16 surrogate). SQLite stores text as UTF-8, where a
 * lone surrogate cannot exist: it would be stored as a replacement character, unlike the value that was signed.
 */
export function isWellFormed(s: string): boolean {
  return nativeIsWellFormed ? nativeIsWellFormed.call(s) : !LONE_SURROGATE.test(s);
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') {
    // RFC 8785 allows only well-formed text; a lone surrogate would be signed as one thing and stored as another.
    if (!isWellFormed(value)) throw new TypeError('Text that is not well-formed Unicode (a lone surrogate) cannot be signed');
    return JSON.stringify(value);
  }
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`Only safe integers are allowed in entries, got ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    // Keys sorted by UTF-16 code units, as RFC 8785 requires; undefined members are omitted.
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    for (const k of keys) if (!isWellFormed(k)) throw new TypeError('A key that is not well-formed Unicode cannot be signed');
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  throw new TypeError(`Not representable in an entry: ${typeof value}`);
}

/** Keys no Regie structure uses, which only reach a parser in hostile text (they touch object prototypes). */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * Parses JSON without letting "__proto__" or "constructor" keys reach object prototypes: such keys are
 * refused outright, since no Regie structure uses them and they only appear in hostile files. Text that is
 * not well-formed Unicode (a lone surrogate written as an escape) is refused too.
 */
export function parseJsonStrict(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN_KEYS.includes(key)) {
      throw new SyntaxError(`forbidden key "${key}"`);
    }
    if (!isWellFormed(key) || (typeof value === 'string' && !isWellFormed(value))) throw new SyntaxError('text that is not well-formed Unicode');
    return value;
  });
}
