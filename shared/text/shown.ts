// Text taken from a file (a plan file's header, a device label on a card) as it may be shown: control
// characters, line breaks and direction overrides written as visible escapes, so such text can never break
// a line of output, fake a message of Regie's own, or reorder what is around it.

/** C0 and C1 controls, DEL, line and paragraph separators, bidi marks and overrides, BOM, lone surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/gu;

export function shown(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
