// Signed statements of the exchange: identity cards, checkpoints over a feed, plan-file trailers.
import { canonicalJson } from '../log/canonical';
import { Signer, verifySignature } from '../log/identity';
import type { LocalIdentity } from '../log/log';
import type { CardBody, SignedCard, SignedCheckpoint } from './format';
import type { SignedCert } from './trust/attestations';

const bytesOf = (body: unknown) => Buffer.from(canonicalJson(body), 'utf8');

export function makeCard(me: LocalIdentity, succession?: SignedCard['succession'], cert?: SignedCert): SignedCard {
  const card: CardBody = { type: 'regie-card-v1', publicKey: me.publicKey, gemeente: me.gemeente, deviceLabel: me.deviceLabel, created: me.createdAt };
  return { card, ...(cert ? { cert } : {}), sig: new Signer(me.privateKey).sign(bytesOf(card)), ...(succession ? { succession } : {}) };
}

function successionBody(predecessor: string, successor: string, gemeente: string) {
  return { type: 'regie-succession-v1', predecessor, successor, gemeente };
}

/** Signed with the old key, once, when a restored copy takes a new key. */
export function signSuccession(oldPrivateKey: string, oldPublicKey: string, successor: string, gemeente: string): NonNullable<SignedCard['succession']> {
  return { predecessor: oldPublicKey, sig: new Signer(oldPrivateKey).sign(bytesOf(successionBody(oldPublicKey, successor, gemeente))) };
}

export function successionIsValid(card: SignedCard): boolean {
  const s = card.succession;
  return s !== undefined && verifySignature(s.predecessor, bytesOf(successionBody(s.predecessor, card.card.publicKey, card.card.gemeente)), s.sig);
}

export function cardIsSelfSigned(card: SignedCard): boolean {
  return verifySignature(card.card.publicKey, bytesOf(card.card), card.sig);
}

export function signCheckpoint(me: LocalIdentity, seq: number, head: string): SignedCheckpoint {
  const checkpoint = { type: 'regie-checkpoint-v1' as const, author: me.publicKey, seq, head };
  return { checkpoint, sig: new Signer(me.privateKey).sign(bytesOf(checkpoint)) };
}

export function checkpointIsValid(cp: SignedCheckpoint): boolean {
  return verifySignature(cp.checkpoint.author, bytesOf(cp.checkpoint), cp.sig);
}

export function trailerBytes(body: unknown): Buffer {
  return bytesOf(body);
}
