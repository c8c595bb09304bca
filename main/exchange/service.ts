// The exchange as the api offers it: cards and trust, export, verify, preview and import of plan files.
import { resolve } from 'node:path';
import type { Db } from '../store/db';
import { readSuccession, type LocalIdentity } from '../log/log';
import { fingerprint } from '../log/identity';
import { parseJsonStrict } from '../log/canonical';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { shown } from '../../shared/text/shown';
import type { CardInfo, ImportPreview, PartnerDevice, VerifyResult } from '../../shared/api/exchange';
import { cardSchema, PlanFileError, type SignedCard } from './format';
import { cardIsSelfSigned, makeCard } from './signing';
import { getAuthor, listAuthors, recordCard } from './partners';
import { openPlanFile } from './sealed';
import { readRegularFile } from './regular-file';
import { analysePlan, checkSender } from './analyse';
import { drainPending, newTally, runImport } from './apply';
import { writePlanFile, type ExportOptions } from './write';
import { keyedError } from '../../shared/i18n/error-messages';
import { plural } from '../../shared/i18n/plural';

const MAX_CARD_BYTES = 16 * 1024;

export function ownCard(db: Db, me: LocalIdentity): { fileName: string; content: string } {
  // Letters such as ö stay (file systems take them); only what cannot be in a file name becomes '-'.
  const safe = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return { fileName: `regie-kaart-${safe(gemeenteName(me.gemeente))}-${safe(me.deviceLabel)}.json`, content: JSON.stringify(makeCard(me, readSuccession(db)), null, 2) + '\n' };
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
  return parsed.data;
}

export function cardInfo(db: Db, card: SignedCard): CardInfo {
  const known = getAuthor(db, card.card.publicKey);
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
  if (norm(confirmed) !== norm(fingerprint(card.card.publicKey))) {
    throw keyedError('refused', 'card.fingerprint');
  }
  const existing = getAuthor(db, card.card.publicKey);
  if (existing && existing.gemeente !== card.card.gemeente) {
    throw keyedError('refused', 'card.other_gemeente', { known: gemeenteName(existing.gemeente), card: gemeenteName(card.card.gemeente) });
  }
  let released = 0;
  db.transaction(() => {
    recordCard(db, card, true);
    db.prepare("UPDATE pending_entries SET reason = 'gap' WHERE author = ?").run(card.card.publicKey);
    const tally = newTally();
    drainPending(db, tally, new Date().toISOString());
    released = tally.applied;
  })();
  return { ...cardInfo(db, card), released };
}

export function listPartners(db: Db): PartnerDevice[] {
  const lastIn = db.prepare("SELECT max(at) AS at FROM plan_files WHERE direction = 'in' AND gemeente = ?");
  const lastOut = db.prepare("SELECT max(at) AS at FROM plan_files WHERE direction = 'out' AND recipients LIKE '%\"' || ? || '\"%'");
  return listAuthors(db).map((a) => {
    const feed = db.prepare('SELECT seq, frozen FROM feeds WHERE author = ?').get(a.publicKey) as { seq: number; frozen: string | null } | undefined;
    const waiting = (db.prepare('SELECT count(*) AS n FROM pending_entries WHERE author = ?').get(a.publicKey) as { n: number }).n;
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
 * After reading or writing a whole plan, the page cache holds up to 64 MB of pages that the screens seldom
 * need again: handed back, so a laptop that just exchanged a region's plan does not keep it in memory.
 */
function releaseCache(db: Db): void {
  db.pragma('shrink_memory');
}

export async function exportPlan(db: Db, me: LocalIdentity, path: string, options: ExportOptions) {
  // An export reads each page of the log once, in order: a small cache serves it as well as a large one,
  // and the process does not grow by 64 MB for a full export.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -4096');
  try {
    return await writePlanFile(db, me, resolve(path), options);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    releaseCache(db);
  }
}

export async function previewImport(db: Db, me: LocalIdentity, path: string, commit: boolean): Promise<ImportPreview> {
  const plan = await openPlanFile(resolve(path), me, { checkSender: (header, cards) => void checkSender(db, header, cards) });
  // From here on everything is synchronous: no await between analysis and the transaction.
  const analysis = analysePlan(db, me, plan);
  try {
    return runImport(db, me, analysis, commit);
  } finally {
    releaseCache(db);
  }
}

export async function verifyPlan(db: Db, me: LocalIdentity, path: string): Promise<VerifyResult> {
  const plan = await openPlanFile(resolve(path), me, { keepBytes: false, checkSender: (header, cards) => void checkSender(db, header, cards) });
  const analysis = analysePlan(db, me, plan, { allowReplay: true, recordForks: false });
  // Authority depends only on the op and its author (record ids carry their owner): no rehearsal needed.
  const problems: string[] = [];
  for (const s of analysis.segments) {
    if (s.disposition === 'trust') problems.push(`${plural('nl', s.entries.length, { one: 'wijziging', other: 'wijzigingen' })} van ${gemeenteName(s.gemeente)} (${s.deviceLabel}), een apparaat dat u niet vertrouwt.`);
    for (const e of s.entries) {
      const problem = e.problem;
      if (problem) problems.push(`Wijziging nr. ${e.entry.seq} van ${gemeenteName(e.entry.gemeente)} is niet toegestaan: ${problem}.`);
    }
  }
  return {
    valid: problems.length === 0,
    sender: { gemeente: plan.header.from.gemeente, gemeenteName: gemeenteName(plan.header.from.gemeente), device: shown(plan.header.from.deviceLabel) },
    created: plan.header.created,
    entries: plan.entries.length,
    feeds: analysis.segments.length,
    problems,
  };
}

export async function readCardFile(path: string): Promise<string> {
  return (await readRegularFile(resolve(path), MAX_CARD_BYTES, 'De kaart')).toString('utf8');
}

