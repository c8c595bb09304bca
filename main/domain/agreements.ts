// Afspraken: proposed by one party, signed by each party on the same version (content hash), in force only
// when all have signed that version; any party may terminate from a date. A changed proposal needs new signatures.
import { createHash } from 'node:crypto';
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { AgreementRecord, AgreementTerms } from '../../shared/domain/agreement';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { parseRecordId } from '../../shared/domain/ids';
import { derivedId } from './derived-id';
import { canonicalJson } from '../log/canonical';
import { commitLocal, type LocalIdentity } from '../log/log';
import { RECORD_TYPES } from '../log/records';
import { createOp, newRecordId, updateOp } from './records';
import { keyedError } from '../../shared/i18n/error-messages';

export function contentHash(terms: AgreementTerms): string {
  return createHash('sha256').update(canonicalJson(terms)).digest('hex');
}

/** One signature record per agreement and signer: re-signing a new version overwrites the old one. */
export function signatureId(signer: string, agreementId: string): string {
  return derivedId(signer, 'sg', agreementId);
}

interface AgreementRow {
  id: string;
  proposer: string;
  terms: string;
}
interface SignatureRow {
  signer: string;
  agreement_id: string;
  content_hash: string;
  signed_at: string;
  terminate_from: string | null;
}

function toRecord(row: AgreementRow, sigs: SignatureRow[]): AgreementRecord {
  const terms = JSON.parse(row.terms) as AgreementTerms;
  const hash = contentHash(terms);
  // Only parties' signatures count; a signature of a non-party is inert.
  const signatures = sigs
    .filter((s) => terms.parties.includes(s.signer))
    .map((s) => ({ gemeente: s.signer, contentHash: s.content_hash, signedAt: s.signed_at, terminateFrom: s.terminate_from }))
    .sort((a, b) => a.gemeente.localeCompare(b.gemeente));
  const terminations = signatures
    .map((s) => s.terminateFrom)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    ...terms,
    id: row.id,
    proposer: row.proposer,
    contentHash: hash,
    signatures,
    signedByAll: terms.parties.every((p) => signatures.some((s) => s.gemeente === p && s.contentHash === hash)),
    terminatedFrom: terminations[0] ?? null,
  };
}

export function listAgreements(db: Db): AgreementRecord[] {
  const rows = stmt(db, 'SELECT id, proposer, terms FROM agreements WHERE created = 1 ORDER BY id').all() as AgreementRow[];
  const sigs = stmt(db, 'SELECT signer, agreement_id, content_hash, signed_at, terminate_from FROM signatures WHERE created = 1').all() as SignatureRow[];
  return rows
    .map((r) =>
      toRecord(
        r,
        sigs.filter((s) => s.agreement_id === r.id),
      ),
    )
    .sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
}

export function getAgreement(db: Db, id: string): AgreementRecord {
  const row = stmt(db, 'SELECT id, proposer, terms FROM agreements WHERE id = ? AND created = 1').get(id) as AgreementRow | undefined;
  if (!row) throw keyedError('not_found', 'agreement.unknown', { id });
  const sigs = stmt(db, 'SELECT signer, agreement_id, content_hash, signed_at, terminate_from FROM signatures WHERE agreement_id = ? AND created = 1').all(id) as SignatureRow[];
  return toRecord(row, sigs);
}

function checkTerms(me: LocalIdentity, terms: AgreementTerms): void {
  if (!terms.parties.includes(me.gemeente)) throw keyedError('refused', 'agreement.own_party');
  if (terms.end < terms.start) throw keyedError('invalid_argument', 'agreement.end_before_start', {}, [{ path: 'end', key: 'event.end.before_start' }]);
  const strangers = Object.keys(terms.providers).filter((p) => !terms.parties.includes(p));
  if (strangers.length) throw keyedError('invalid_argument', 'agreement.strangers', { names: strangers.map(gemeenteName).join(', ') });
}

/** Proposing also signs for the proposer: proposing a text is agreeing to it. */
export function proposeAgreement(db: Db, me: LocalIdentity, terms: AgreementTerms): AgreementRecord {
  checkTerms(me, terms);
  const id = newRecordId(me.gemeente, 'ag');
  const sig = signatureId(me.gemeente, id);
  commitLocal(db, me, [
    createOp(RECORD_TYPES.agreement!, id, { terms }),
    createOp(RECORD_TYPES.signature!, sig, { agreement: id, contentHash: contentHash(terms), signedAt: new Date().toISOString(), terminateFrom: null }),
  ]);
  return getAgreement(db, id);
}

/** Changing the text changes its hash: every other party has to sign again. */
export function reviseAgreement(db: Db, me: LocalIdentity, id: string, terms: AgreementTerms): AgreementRecord {
  const current = getAgreement(db, id);
  if (parseRecordId(id)?.owner !== me.gemeente) throw keyedError('refused', 'agreement.not_proposer', { proposer: gemeenteName(current.proposer) });
  checkTerms(me, terms);
  const op = updateOp(db, RECORD_TYPES.agreement!, id, { terms });
  if (!op) return current;
  commitLocal(db, me, [op, signOp(db, me, id, contentHash(terms), null)]);
  return getAgreement(db, id);
}

function signOp(db: Db, me: LocalIdentity, agreementId: string, hash: string, terminateFrom: string | null) {
  const sig = signatureId(me.gemeente, agreementId);
  const existing = stmt(db, 'SELECT 1 FROM signatures WHERE id = ? AND created = 1').get(sig);
  const set = { agreement: agreementId, contentHash: hash, signedAt: new Date().toISOString(), terminateFrom };
  return existing ? (updateOp(db, RECORD_TYPES.signature!, sig, set) ?? createOp(RECORD_TYPES.signature!, sig, set)) : createOp(RECORD_TYPES.signature!, sig, set);
}

export function signAgreement(db: Db, me: LocalIdentity, id: string, expectedHash: string): AgreementRecord {
  const a = getAgreement(db, id);
  if (!a.parties.includes(me.gemeente)) throw keyedError('refused', 'agreement.not_party', { gemeente: gemeenteName(me.gemeente) });
  // The user signs what they read: if the text changed since, they must read it again.
  if (a.contentHash !== expectedHash) throw keyedError('refused', 'agreement.text_changed');
  const own = a.signatures.find((s) => s.gemeente === me.gemeente);
  commitLocal(db, me, [signOp(db, me, id, a.contentHash, own?.terminateFrom ?? null)]);
  return getAgreement(db, id);
}

export function terminateAgreement(db: Db, me: LocalIdentity, id: string, from: string): AgreementRecord {
  const a = getAgreement(db, id);
  if (!a.parties.includes(me.gemeente)) throw keyedError('refused', 'agreement.not_party', { gemeente: gemeenteName(me.gemeente) });
  const own = a.signatures.find((s) => s.gemeente === me.gemeente);
  commitLocal(db, me, [signOp(db, me, id, own?.contentHash ?? a.contentHash, from)]);
  return getAgreement(db, id);
}
