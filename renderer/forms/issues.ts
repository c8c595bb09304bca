// Field issues (from our own zod check or from main's refusal) sorted onto a form's fields by path.
import type { z } from 'zod';
import type { FieldIssue } from '../../shared/api/errors';
import { fieldIssues } from '../../shared/api/validate';

/** Message keys per field (translated at render time, so a language switch re-translates them). */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface SortedIssues<F extends string> {
  fields: FieldErrors<F>;
  /** Issues that belong to no field of this form; shown above it. */
  other: string[];
}

export function sortIssues<F extends string>(issues: readonly FieldIssue[], fields: readonly F[], prefix = ''): SortedIssues<F> {
  const sorted: SortedIssues<F> = { fields: {}, other: [] };
  for (const issue of issues) {
    const path = prefix && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
    const field = fields.find((f) => f === path.split('.')[0]);
    // The first problem per field is the one to fix first; more would crowd the field.
    if (field) sorted.fields[field] ??= issue.key;
    else sorted.other.push(issue.key);
  }
  return sorted;
}

export function zodErrors<F extends string>(error: z.ZodError, fields: readonly F[]): SortedIssues<F> {
  return sortIssues(fieldIssues(error), fields);
}

export function hasErrors<F extends string>(sorted: SortedIssues<F>): boolean {
  return sorted.other.length > 0 || Object.keys(sorted.fields).length > 0;
}

/** Moves focus to the first field (in reading order) that has an error. */
export function focusFirstInvalid<F extends string>(order: readonly F[], errors: FieldErrors<F>, elementId: (field: F) => string): void {
  const first = order.find((f) => errors[f] !== undefined);
  if (first) document.getElementById(elementId(first))?.focus();
}
