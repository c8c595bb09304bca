// Validates a method's argument against the contract; used by every transport and by the renderer's forms.
import type { z } from 'zod';
import { ApiError, type FieldIssue } from './errors';
import { contract, isMethodName, type MethodArgs, type MethodName } from './contract';
import { domainMessage } from '../i18n/messages';

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    key: issue.code === 'unrecognized_keys' ? 'field.invalid' : issue.message,
  }));
}

export function describeIssues(issues: FieldIssue[]): string {
  return issues
    .map((i) => {
      const text = domainMessage(i.key);
      return i.path ? `${i.path}: ${text}` : text;
    })
    .join(' ');
}

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The path of the first text (value or key) that is not well-formed Unicode, or undefined. Such text (a lone
 * surrogate, "\ud800" in JSON) cannot be signed and stored as the same value, so no method accepts it.
 */
export function malformedText(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (LONE_SURROGATE.test(k)) return [...path, k];
    const found = malformedText(v, [...path, k]);
    if (found) return found;
  }
  return undefined;
}

export function validateArgs<K extends MethodName>(name: K, raw: unknown): MethodArgs<K> {
  const malformed = malformedText(raw);
  if (malformed) {
    const issues = [{ path: malformed.join('.'), key: 'field.invalid' }];
    throw new ApiError('invalid_argument', `Ongeldige invoer voor ${name}: ${malformed.join('.') || 'de invoer'} bevat een ongeldig teken (een losse surrogaat). Er is niets gewijzigd.`, issues);
  }
  const parsed = contract[name].input.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error);
    throw new ApiError('invalid_argument', `Ongeldige invoer voor ${name}. ${describeIssues(issues)}`, issues);
  }
  return parsed.data as MethodArgs<K>;
}

export function requireMethod(name: string): MethodName {
  if (!isMethodName(name)) {
    throw new ApiError('unknown_method', `Onbekende functie "${name.slice(0, 80)}". Zie "regie methods" voor de lijst.`);
  }
  return name;
}
