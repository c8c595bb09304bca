// Small wording helpers of the Uitwisselen screen: kinds of change and moments in Dutch time.
import type { Translate, UiKey } from '../../i18n/t';

const KINDS = ['event', 'shift', 'request', 'response', 'commitment', 'agreement', 'signature', 'officer', 'absence', 'statement', 'cosign'] as const;

/** "diensten" for shift changes; unknown kinds (from a newer Regie) count as "overige". */
export function kindLabel(kind: string, t: Translate): string {
  const known = (KINDS as readonly string[]).includes(kind) ? kind : 'other';
  return t(`ex.kind.${known}` as UiKey & `ex.kind.${string}`);
}

/** An instant (ISO, UTC) as the wall-clock time in the Netherlands: "vr 27 nov 2026 10:12". */
export { formatInstant } from '../../../shared/i18n/error-messages';
