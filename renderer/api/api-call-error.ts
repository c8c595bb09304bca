// The error every api call throws when main refuses: the server's code, Dutch message and field issues.
import { isApiErrorShape, type ErrorCode, type ErrorText, type FieldIssue } from '../../shared/api/errors';
import { errorText, isErrorKey } from '../../shared/i18n/error-messages';
import type { Locale } from '../../shared/i18n/messages';
import type { Envelope } from '../../shared/api/contract';

/** Codes the renderer adds itself, for failures that never reached a handler. */
export type ClientErrorCode = 'unreachable' | 'bad_response';

export class ApiCallError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly issues: FieldIssue[];
  /** The message as a key and values, when main sent them: worded in the screen's language. */
  readonly text: ErrorText | undefined;

  constructor(code: ErrorCode | ClientErrorCode, message: string, issues: FieldIssue[] = [], text?: ErrorText) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.issues = issues;
    this.text = text;
  }

  /** The message in the given language where main sent a key for it; otherwise main's own (Dutch) words. */
  say(locale: Locale): string {
    return this.text && isErrorKey(this.text.key) ? errorText(this.text.key, this.text.params, locale) : this.message;
  }
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  return v.ok === true ? 'value' in v : v.ok === false && isApiErrorShape(v.error);
}

/** The value of a successful envelope; anything else becomes an ApiCallError. */
export function unwrap<T>(envelope: unknown, method: string): T {
  if (!isEnvelope(envelope)) {
    throw new ApiCallError('bad_response', `Onverwacht antwoord van Regie op ${method}; er is niets gewijzigd.`);
  }
  if (envelope.ok) return envelope.value as T;
  const { code, message, issues, text } = envelope.error;
  const keyed = text && typeof text.key === 'string' && typeof text.params === 'object' && text.params !== null ? text : undefined;
  throw new ApiCallError(code, message, Array.isArray(issues) ? issues : [], keyed);
}

/** Any thrown value as an ApiCallError (an unexpected throw becomes code 'internal' with its message). */
export function asApiCallError(err: unknown): ApiCallError {
  if (err instanceof ApiCallError) return err;
  return new ApiCallError('internal', err instanceof Error ? err.message : String(err));
}
