// Stage "authenticate the sender": who sent the file, and did it sign exactly this content? Runs before any
// entry is decoded, in constant memory. Trust is this copy's: checkSender.
import type { Db } from '../../store/db';
import { fingerprint } from '../../log/identity';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { shown } from '../../../shared/text/shown';
import { PlanFileError, type PlanHeader, type SignedCard } from '../format';
import { cardIsSelfSigned, successionIsValid } from '../signing';
import { getAuthor, keyMovesMessage } from '../partners';
import { checkContentEnd, parseAttestationLine, parseCardLine, parseHeader, readContent, type SenderCheck } from '../read';
import type { Attestation } from '../trust/attestations';
import { certifiedSender } from '../trust/sender';
import type { PlanSource } from './open';

export interface Sender {
  /** sha256 of the content before the trailer, as the sender signed it: identifies the file. */
  fileId: string;
  header: PlanHeader;
  cards: SignedCard[];
  /** Statements of gemeente keys the file brings (certificates, revocations, rotations). */
  attestations: Attestation[];
  /** How many entry lines the file has. */
  entryLines: number;
}

/**
 * The header and the cards are read, the sender is checked (`checkSender`: trusted, directly or as a trusted
 * device's successor) as soon as the cards are over, and the rest is only unpacked and hashed, not decoded,
 * for the trailer's signature. So a file from an unknown sender costs its header and cards, and a forged one
 * one unpacking and hashing, before a single entry is decoded.
 */
export async function authenticateSender(source: Pick<PlanSource, 'path' | 'size'>, checkSender: SenderCheck | undefined): Promise<Sender> {
  let header: PlanHeader | undefined;
  const cards: SignedCard[] = [];
  const attestations: Attestation[] = [];
  let senderChecked = false;
  let entryLines = 0;
  const senderKnown = (h: PlanHeader) => {
    senderChecked = true;
    checkSender?.(h, cards, attestations);
  };
  const content = await readContent(source.path, source.size, (line, lineNo, kind) => {
    if (kind === 'entry') entryLines++;
    if (lineNo === 1) header = parseHeader(line);
    else if (!senderChecked) {
      if (kind === 'card') parseCardLine(line, lineNo, cards);
      else if (kind === 'attestation') parseAttestationLine(line, lineNo, attestations);
      else senderKnown(header!);
    }
  });
  const checked = checkContentEnd(header, content, (h) => {
    if (!senderChecked) senderKnown(h);
  });
  return { fileId: content.digest, header: checked, cards, attestations, entryLines };
}

function who(gemeente: string, device: string | undefined, key: string): string {
  return `${gemeenteName(gemeente)} (${device === undefined ? `apparaat ${fingerprint(key).slice(0, 11)}` : shown(device)})`;
}

export interface SenderCheckResult {
  cards: Map<string, SignedCard>;
  successors: Map<string, SignedCard>;
  trustedAuthor: (key: string) => ReturnType<typeof getAuthor>;
  senderName: string;
  /** Statements of gemeente keys the file brings (and its cards' certificates), checked: stored when applied. */
  attestations: Attestation[];
}

/**
 * What needs only the header and the cards: every card self-signed, the successors of trusted devices, and a
 * sender this copy trusts, of the gemeente the header names. Runs before any entry of the file is decoded
 * (authenticateSender), and again inside the import's transaction. Throws PlanFileError to refuse.
 */
export function checkSender(db: Db, header: PlanHeader, fileCards: SignedCard[], fileAttestations: Attestation[] = []): SenderCheckResult {
  const cards = new Map<string, SignedCard>();
  for (const card of fileCards) {
    if (!cardIsSelfSigned(card)) throw new PlanFileError(`De identiteitskaart van ${who(card.card.gemeente, card.card.deviceLabel, card.card.publicKey)} in het bestand is vervalst.`);
    cards.set(card.card.publicKey, card);
  }

  // A successor of a trusted device of the same gemeente (a restored laptop with a new key) is trusted too.
  const successors = new Map<string, SignedCard>();
  for (const card of cards.values()) {
    const predecessor = card.succession ? getAuthor(db, card.succession.predecessor) : undefined;
    const known = getAuthor(db, card.card.publicKey);
    if (predecessor?.trusted && predecessor.gemeente === card.card.gemeente && successionIsValid(card) && !known?.trusted) {
      // The key said earlier (on a card of its own) that it belongs to another gemeente: a succession does
      // not move it, and a key that claims two gemeenten is not trusted.
      if (known && known.gemeente !== card.card.gemeente) throw new PlanFileError(keyMovesMessage(known.gemeente, card.card.gemeente));
      successors.set(card.card.publicKey, card);
    }
  }
  // Devices certified by a gemeente key this copy trusts are trusted with no call of their own (issue 15).
  const certified = certifiedSender(db, header, [...cards.values()], fileAttestations);
  const trustedAuthor = (key: string) => {
    const known = getAuthor(db, key);
    if (known?.trusted) return known;
    const card = successors.get(key);
    return card ? { publicKey: key, gemeente: card.card.gemeente, deviceLabel: card.card.deviceLabel, trusted: true, isSelf: false, card: null } : (certified.author(key) ?? known);
  };
  const sender = trustedAuthor(header.from.publicKey);
  const senderName = who(header.from.gemeente, sender?.deviceLabel ?? header.from.deviceLabel, header.from.publicKey);
  if (!sender || !sender.trusted) {
    throw new PlanFileError(
      `Dit bestand is ondertekend door een apparaat dat u nog niet vertrouwt: ${senderName}, vingerafdruk ${fingerprint(header.from.publicKey)}. ` +
        'Lees eerst de identiteitskaart van dit apparaat in en vergelijk de vingerafdruk telefonisch met de afzender.',
    );
  }
  if (sender.gemeente !== header.from.gemeente) {
    throw new PlanFileError(`Het bestand zegt van ${gemeenteName(header.from.gemeente)} te komen, maar is ondertekend door een apparaat van ${gemeenteName(sender.gemeente)}.`);
  }
  certified.refuseBad();
  return { cards, successors, trustedAuthor, senderName, attestations: certified.attestations };
}
