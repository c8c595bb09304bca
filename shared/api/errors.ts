// Errors that cross the api boundary: a stable code plus a message meant for a person.

export const ERROR_CODES = [
  'invalid_argument', // the call's argument does not match the method's schema
  'unknown_method',
  'not_found',
  'not_initialised', // no identity yet: first run not completed
  'already_initialised',
  'store_unavailable', // the database could not be opened (corrupt, too new)
  'refused', // a domain rule or authority check refused the change
  'bad_file', // a plan file or card that is damaged, forged or not acceptable
  'already_imported', // the same (or an older, nothing-new) plan file was read before: nothing to do
  'unauthorised', // transport: missing or wrong token, foreign origin, unknown sender
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field, for showing next to that field. `key` is an i18n message key. */
export interface FieldIssue {
  path: string;
  key: string;
}

/** The message as a key of shared/i18n/error-messages and its raw values, so a screen can word it in its language. */
export interface ErrorText {
  key: string;
  params: Record<string, string | number>;
}

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  text?: ErrorText;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly text: ErrorText | undefined;

  constructor(code: ErrorCode, message: string, issues?: FieldIssue[], text?: ErrorText) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
    this.text = text;
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}), ...(this.text ? { text: this.text } : {}) };
  }
}

export function isApiErrorShape(value: unknown): value is ApiErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === 'string';
}

/** For exhaustive switches: fails to compile when a case is missing. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
