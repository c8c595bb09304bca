// Words for the gemeente identity's messages (Dutch, as main's messages are).
import type { RevocationReason } from '../../../shared/api/identity';

export const REASON_WORDS: Record<RevocationReason, string> = { verloren: 'verloren', gestolen: 'gestolen', vervangen: 'vervangen' };
