// The exchange as the api offers it: cards and trust, export, verify, preview and import of plan files.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { readSuccession, type LocalIdentity } from '../log/log';
import { fingerprint } from '../log/identity';
import { parseJsonStrict } from '../log/canonical';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { shown } from '../../shared/text/shown';
import type { CardInfo, ImportPreview, PartnerDevice, VerifyResult } from '../../shared/api/exchange';
import { cardSchema, PlanFileError, type SignedCard } from './format';
import { cardIsSelfSigned, makeCard } from './signing';
import { getAuthor, listAuthors, recordCard } from './partners';
import { readRegularFile } from './regular-file';
import { drainPending, newTally } from './apply';
import { importPlanFile, verifyPlanFile } from './import/importer';
import { writePlanFile, type ExportOptions } from './write';
import { isSelfConsistent } from './trust/attestations';
import { addAttestations, ownCert, readRoots, setRoot, syncTrust, trustView } from './trust/store';
import { keyedError } from '../../shared/i18n/error-messages';

const MAX_CARD_BYTES = 16 * 1024;

export function ownCard(db: Db, me: LocalIdentity): { fileName: string; content: string } {
  // Letters such as ö stay (file systems take them); only what cannot be in a file name becomes '-'.
  const safe = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '');
  return { fileName: `regie-kaart-${safe(gemeenteName(me.gemeente))}-${safe(me.deviceLabel)}.json`, content: JSON.stringify(makeCard(me, readSuccession(db), ownCert(db, me)), null, 2) + '\n' };
}

export function parseCard(content: string): SignedCard {
  if (content.length > MAX_CARD_BYTES) throw new PlanFileError('Dit is geen identiteitskaart van Regie (te groot).');
  let json: unknown;
  try {
    json = parseJsonStrict(content);
  } catch {
    throw new PlanFileError('Dit is geen identiteitskaart van Regie (geen geldige JSON).');
  }
  const parsed = cardSchema.safeParse(json);
  if (!parsed.success) throw new PlanFileError('Dit is geen identiteitskaart van Regie (onbekende vorm).');
  if (!cardIsSelfSigned(parsed.data)) throw new PlanFileError('De handtekening op deze identiteitskaart klopt niet: de kaart is gewijzigd of vervalst.');
  const cert = parsed.data.cert;
  if (cert) {
    if (!isSelfConsistent(cert)) throw new PlanFileError('Het certificaat op deze identiteitskaart is niet ondertekend door de gemeentesleutel die het noemt: de kaart is gewijzigd of vervalst.');
    if (cert.attestation.device !== parsed.data.card.publicKey) throw new PlanFileError('Het certificaat op deze identiteitskaart hoort bij een ander apparaat.');
    if (cert.attestation.gemeente !== parsed.data.card.gemeente) {
      throw new PlanFileError(
        `Het certificaat op deze identiteitskaart is voor ${gemeenteName(cert.attestation.gemeente)} (${cert.attestation.gemeente}), de kaart zegt ${gemeenteName(parsed.data.card.gemeente)}: een apparaat gecertificeerd voor een andere gemeente.`,
      );
    }
  }
  return parsed.data;
}

/**
 * The gemeente key a card's certificate names, when the card is to be trusted as its gemeente's. A card
 * certified by another key than the one this copy trusts for that gemeente (a laptop set up on its own, before
 * its gemeente shared one key) is trusted as a single device, as before gemeente keys.
 */
function gemeenteIssuer(db: Db, card: SignedCard): string | undefined {
  const issuer = card.cert?.attestation.issuer;
  if (!issuer) return undefined;
  const chain = trustView(db).chains.get(card.card.gemeente);
  return !chain || chain.some((c) => c.key === issuer) ? issuer : undefined;
}

export function cardInfo(db: Db, card: SignedCard): CardInfo {
  const known = getAuthor(db, card.card.publicKey);
  const issuer = gemeenteIssuer(db, card);
  if (issuer) {
    // A gemeente's card: the fingerprint to compare by phone is the gemeente key's, once for all its laptops.
    const chain = trustView(db).chains.get(card.card.gemeente);
    return {
      publicKey: card.card.publicKey,
      gemeente: card.card.gemeente,
      gemeenteName: gemeenteName(card.card.gemeente),
      deviceLabel: shown(card.card.deviceLabel),
      fingerprint: fingerprint(issuer),
      created: card.card.created,
      known: known !== undefined,
      trusted: (chain?.some((c) => c.key === issuer) ?? false) && known?.trusted === true,
      gemeenteKey: issuer,
      deviceFingerprint: fingerprint(card.card.publicKey),
    };
  }
  return {
    publicKey: card.card.publicKey,
    gemeente: card.card.gemeente,
    gemeenteName: gemeenteName(card.card.gemeente),
    deviceLabel: shown(card.card.deviceLabel),
    fingerprint: fingerprint(card.card.publicKey),
    created: card.card.created,
    known: known !== undefined,
    trusted: known?.trusted ?? false,
  };
}

/**
 * Trusts a partner's device. The caller passes the fingerprint the user confirmed; it must match the card,
 * so a card swapped between showing and confirming is not trusted. Entries held for it are applied.
 */
export function trustCard(db: Db, me: LocalIdentity, content: string, confirmed: string): CardInfo & { released: number } {
  const card = parseCard(content);
  if (card.card.publicKey === me.publicKey) throw keyedError('refused', 'card.own');
  const norm = (s: string) => s.replace(/\s+/g, '');
  const issuer = gemeenteIssuer(db, card);
  if (norm(confirmed) !== norm(fingerprint(issuer ?? card.card.publicKey))) {
    throw keyedError('refused', 'card.fingerprint');
  }
  const existing = getAuthor(db, card.card.publicKey);
  if (existing && existing.gemeente !== card.card.gemeente) {
    throw keyedError('refused', 'card.other_gemeente', { known: gemeenteName(existing.gemeente), card: gemeenteName(card.card.gemeente) });
  }
  let released = 0;
  db.transaction(() => {
    if (card.cert && issuer) {
      // Trust in the gemeente: its key becomes this copy's root for it (the one compared by phone).
      if (!readRoots(db).has(card.card.gemeente)) setRoot(db, card.card.gemeente, issuer);
      addAttestations(db, [card.cert], new Date().toISOString());
      syncTrust(db);
    }
    recordCard(db, card, true);
    stmt(db, "UPDATE pending_entries SET reason = 'gap' WHERE author = ?").run(card.card.publicKey);
    const tally = newTally();
    drainPending(db, tally, new Date().toISOString());
    released = tally.applied;
  })();
  return { ...cardInfo(db, card), released };
}

export function listPartners(db: Db): PartnerDevice[] {
  const lastIn = stmt(db, "SELECT max(at) AS at FROM plan_files WHERE direction = 'in' AND gemeente = ?");
  const lastOut = stmt(db, "SELECT max(at) AS at FROM plan_files WHERE direction = 'out' AND recipients LIKE '%\"' || ? || '\"%'");
  return listAuthors(db).map((a) => {
    const feed = stmt(db, 'SELECT seq, frozen FROM feeds WHERE author = ?').get(a.publicKey) as { seq: number; frozen: string | null } | undefined;
    const waiting = (stmt(db, 'SELECT count(*) AS n FROM pending_entries WHERE author = ?').get(a.publicKey) as { n: number }).n;
    return {
      publicKey: a.publicKey,
      gemeente: a.gemeente,
      gemeenteName: gemeenteName(a.gemeente),
      deviceLabel: shown(a.deviceLabel),
      fingerprint: fingerprint(a.publicKey),
      trusted: a.trusted,
      self: a.isSelf,
      entries: feed?.seq ?? 0,
      waiting,
      frozen: feed?.frozen ?? null,
      lastReceived: a.isSelf ? null : (lastIn.get(a.gemeente) as { at: string | null }).at,
      lastSent: a.isSelf ? null : (lastOut.get(a.gemeente) as { at: string | null }).at,
    };
  });
}

/**
 * A plan file at least this large, taken in, leaves the page cache full of pages the screens seldom need
 * again (up to 64 MB): handed back after it, so a laptop that just took in a region's plan does not keep it
 * in memory. A smaller one, a week's changes, touched few pages, and they are the ones the next screens and
 * the first settlement after it read: kept (handing them back made that settlement read them again from the
 * file, about a fifth of its time).
 */
export const RELEASE_CACHE_BYTES = 1024 * 1024;

/**
 * Writes a plan file (write.ts). An export reads each page of the log once, in order: a 4 MB cache serves it
 * as well as a large one, the process does not grow by 64 MB for a full export, and the cache is handed back
 * after it, whatever its size. (Kept after a week's export instead, the benchmark's next import, the week's,
 * took 105-124 ms instead of 70-92: it then allocated its pages anew.)
 */
export async function exportPlan(db: Db, me: LocalIdentity, path: string, options: ExportOptions) {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -4096');
  try {
    return await writePlanFile(db, me, resolve(path), options);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma('shrink_memory');
  }
}

/** Previews (commit false) or imports a plan file: the stages in ./import/importer.ts. */
export async function previewImport(db: Db, me: LocalIdentity, path: string, commit: boolean): Promise<ImportPreview> {
  try {
    return await importPlanFile(db, me, resolve(path), commit);
  } finally {
    if (fileBytes(path) >= RELEASE_CACHE_BYTES) db.pragma('shrink_memory');
  }
}

/** A file's size, or 0 when it cannot be read (the import says why). */
function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export function verifyPlan(db: Db, me: LocalIdentity, path: string): Promise<VerifyResult> {
  return verifyPlanFile(db, me, resolve(path));
}

export async function readCardFile(path: string): Promise<string> {
  return (await readRegularFile(resolve(path), MAX_CARD_BYTES, 'De kaart')).toString('utf8');
}
