// The gemeente keys' part of checking a plan file before its entries are read: the statements it brings
// must hold, devices certified by a trusted gemeente key count as trusted, and a revoked device's file is
// refused.
import type { Db } from '../../store/db';
import { fingerprint } from '../../log/identity';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { shown } from '../../../shared/text/shown';
import { keyedError } from '../../../shared/i18n/error-messages';
import { PlanFileError, type PlanHeader, type SignedCard } from '../format';
import type { AuthorRow } from '../partners';
import type { Attestation } from './attestations';
import { checkFileAttestations } from './store';
import { REASON_WORDS } from './words';

export interface CertifiedSender {
  /** A device certified by a gemeente key this copy trusts, as a trusted author; undefined otherwise. */
  author: (key: string) => AuthorRow | undefined;
  /** The file's statements that hold, with the certificates on its cards. */
  attestations: Attestation[];
  /** Throws PlanFileError for a statement of the file that does not hold (after the sender was found trusted). */
  refuseBad: () => void;
}

export function certifiedSender(db: Db, header: PlanHeader, cards: SignedCard[], fileAttestations: Attestation[]): CertifiedSender {
  const attestations = [...fileAttestations];
  for (const card of cards) {
    if (!card.cert) continue;
    const c = card.cert.attestation;
    if (c.device !== card.card.publicKey || c.gemeente !== card.card.gemeente) {
      throw new PlanFileError(`Het certificaat op de kaart van ${gemeenteName(card.card.gemeente)} (${shown(card.card.deviceLabel)}) hoort bij een ander apparaat of een andere gemeente.`);
    }
    attestations.push(card.cert);
  }
  const { view, accepted, refuseBad } = checkFileAttestations(db, attestations, header.from.gemeente);
  const revoked = view.revoked.get(header.from.publicKey);
  if (revoked) {
    throw keyedError('bad_file', 'identity.revoked_sender', {
      sender: `${gemeenteName(header.from.gemeente)} (${shown(header.from.deviceLabel)})`,
      fingerprint: fingerprint(header.from.publicKey),
      gemeente: gemeenteName(revoked.gemeente),
      reason: REASON_WORDS[revoked.reason],
    });
  }
  return {
    attestations: accepted,
    refuseBad,
    author: (key) => {
      const cert = view.certs.get(key);
      if (!cert || !view.chains.has(cert.gemeente)) return undefined;
      return { publicKey: key, gemeente: cert.gemeente, deviceLabel: cert.label, trusted: true, isSelf: false, card: null };
    },
  };
}
