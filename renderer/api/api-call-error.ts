// The error every api call throws when main refuses: the server's code, Dutch message and field issues.
import { isApiErrorShape, type ErrorCode, type FieldIssue } from '../../shared/api/errors';
import type { Envelope } from '../../shared/api/contract';

/** Codes the renderer adds itself, for failures that never reached a handler. */
export type ClientErrorCode = 'unreachable' | 'bad_response';

export class ApiCallError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode | ClientErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.issues = issues;
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
  const { code, message, issues } = envelope.error;
  throw new ApiCallError(code, message, Array.isArray(issues) ? issues : []);
}

/** Any thrown value as an ApiCallError (an unexpected throw becomes code 'internal' with its message). */
export function asApiCallError(err: unknown): ApiCallError {
  if (err instanceof ApiCallError) return err;
  return new ApiCallError('internal', err instanceof Error ? err.message : String(err));
}
