// The gemeente keys' statements of a plan file, applied within the import's transaction: stored, the
// trusted devices and revocations brought in line, and entries past a new cut-off undone.
import type { Db } from '../../store/db';
import { stmt } from '../../store/statements';

import type { Attestation } from './attestations';
import { addAttestations, syncTrust } from './store';
import { rollbackRevoked, type Undone } from './rollback';

export function applyAttestationsInImport(db: Db, attestations: Attestation[], at: string): Undone[] {
  if (attestations.length === 0 || addAttestations(db, attestations, at) === 0) return [];
  return applyTrustChange(db, at);
}

/** After statements were added: trust, revocations, undo, and the held entries of newly trusted devices. */
export function applyTrustChange(db: Db, at: string): Undone[] {
  const fresh = syncTrust(db, undefined, new Date(at));
  const undone = rollbackRevoked(db);
  if (fresh.length) {
    const release = stmt(db, "UPDATE pending_entries SET reason = 'gap' WHERE author = ?");
    for (const device of fresh) release.run(device);
  }
  return undone;
}
