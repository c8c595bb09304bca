// Checks a read plan file against this copy before anything changes: sender trust, cards, every feed's
// chain and checkpoint, clocks, forks, replays. Decides per feed what may be applied, parked or held.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { StoredEntry } from '../log/entry';
import { fingerprint } from '../log/identity';
import { MAX_FUTURE_MS, parseHlc } from '../log/hlc';
import type { LocalIdentity } from '../log/log';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { shown } from '../../shared/text/shown';
import { keyedError } from '../../shared/i18n/error-messages';
import { PlanFileError, type PlanHeader, type SignedCard, type SignedCheckpoint } from './format';
import type { ParsedPlan } from './read';
import { cardIsSelfSigned, checkpointIsValid, successionIsValid } from './signing';
import { getAuthor, keyMovesMessage } from './partners';
import type { Attestation } from '../identity/attestations';
import { certifiedSender } from '../identity/sender';

export type Disposition = 'attach' | 'gap' | 'trust' | 'duplicate' | 'frozen';

export interface Segment {
  author: string;
  gemeente: string;
  deviceLabel: string;
  /** Entries this copy does not have yet, in chain order. */
  entries: StoredEntry[];
  duplicates: number;
  checkpoint: SignedCheckpoint;
  disposition: Disposition;
  /** For 'gap': the seqs that must arrive first. */
  missing?: { from: number; to: number };
}

export interface Analysis {
  plan: ParsedPlan;
  /** Cards of new devices certified by a trusted predecessor: trusted when the file is applied. */
  successors: SignedCard[];
  segments: Segment[];
  cards: Map<string, SignedCard>;
  senderName: string;
  /** Statements of gemeente keys the file brings (and its cards' certificates), checked: stored when applied. */
  attestations: Attestation[];
}

function who(gemeente: string, device: string | undefined, key: string): string {
  return `${gemeenteName(gemeente)} (${device === undefined ? `apparaat ${fingerprint(key).slice(0, 11)}` : shown(device)})`;
}

/** A wall-clock time of a stamp in words; a stamp beyond any real date is called what it is. */
function describeWall(wall: number, hlc: string): string {
  const date = new Date(wall);
  return Number.isNaN(date.getTime())
    ? `een onmogelijke datum (klokstempel ${hlc}, voorbij het jaar 275.000)`
    : date.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' });
}

/** Two different entries with one author and seq: keep both as proof and stop accepting that feed. */
function recordFork(db: Db, author: string, seq: number, ours: string, theirs: StoredEntry, reason: string): void {
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO forks (author, seq, ours, theirs, theirs_bytes, detected_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      author,
      seq,
      ours,
      theirs.id,
      theirs.bytes,
      new Date().toISOString(),
    );
    db.prepare('UPDATE feeds SET frozen = ? WHERE author = ? AND frozen IS NULL').run(reason, author);
  })();
}

export interface AnalyseOptions {
  now?: number;
  /** verify: an already imported or old file is still a valid file; import refuses it as a replay. */
  allowReplay?: boolean;
  /**
   * verify changes nothing, so it does not record a fork it finds (it reports it; importing the file records
   * it). Its entries are read without their bytes, which only a recorded fork would need.
   */
  recordForks?: boolean;
}

interface SenderCheckResult {
  cards: Map<string, SignedCard>;
  successors: Map<string, SignedCard>;
  trustedAuthor: (key: string) => ReturnType<typeof getAuthor>;
  senderName: string;
  attestations: Attestation[];
}

/**
 * What needs only the header and the cards: every card self-signed, the successors of trusted devices, and a
 * sender this copy trusts, of the gemeente the header names. Runs before any entry of the file is decoded
 * (read.ts), and again when the file is analysed. Throws PlanFileError to refuse.
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

export function analysePlan(db: Db, _me: LocalIdentity, plan: ParsedPlan, options: AnalyseOptions = {}): Analysis {
  const now = options.now ?? Date.now();
  const { header } = plan;
  const { cards, successors, trustedAuthor, senderName, attestations } = checkSender(db, header, plan.cards, plan.attestations);

  const previous = stmt(db, "SELECT at FROM plan_files WHERE file_id = ? AND direction = 'in'").get(plan.fileId) as { at: string } | undefined;
  if (previous && !options.allowReplay) {
    throw keyedError('already_imported', 'import.already', { sender: senderName, at: previous.at });
  }

  // Group entries per author; within a file each feed must run in order without holes.
  const groups = new Map<string, StoredEntry[]>();
  const maxWall = now + MAX_FUTURE_MS;
  for (const e of plan.entries) {
    const list = groups.get(e.entry.author) ?? [];
    const last = list.at(-1);
    if (last && (e.entry.seq !== last.entry.seq + 1 || e.entry.prev !== last.id)) {
      const name = who(e.entry.gemeente, getAuthor(db, e.entry.author)?.deviceLabel ?? cards.get(e.entry.author)?.card.deviceLabel, e.entry.author);
      throw new PlanFileError(
        e.entry.seq <= last.entry.seq
          ? `De wijzigingen van ${name} staan in de verkeerde volgorde (nr. ${e.entry.seq} na nr. ${last.entry.seq}).`
          : `De keten van ${name} is onderbroken: na wijziging nr. ${last.entry.seq} volgt nr. ${e.entry.seq}${e.entry.seq === last.entry.seq + 1 ? ' die niet op de vorige aansluit' : ''}.`,
      );
    }
    const wall = parseHlc(e.entry.hlc)!.wall;
    if (wall > maxWall) {
      throw new PlanFileError(
        `Wijziging nr. ${e.entry.seq} van ${gemeenteName(e.entry.gemeente)} is gedateerd op ${describeWall(wall, e.entry.hlc)}, meer dan 24 uur na de klok van deze computer. Controleer de datum en tijd van beide computers.`,
      );
    }
    list.push(e);
    groups.set(e.entry.author, list);
  }

  // One lookup per feed (a file may carry thousands of feeds: a search per feed would grow with their square).
  const checkpoints = new Map<string, SignedCheckpoint>();
  for (const c of plan.checkpoints) {
    const key = `${c.checkpoint.author} ${c.checkpoint.seq}`;
    if (!checkpoints.has(key)) checkpoints.set(key, c);
  }
  const segments: Segment[] = [];
  for (const [author, list] of groups) {
    const first = list[0]!;
    const last = list.at(-1)!;
    const known = trustedAuthor(author);
    const card = cards.get(author);
    const gemeente = known?.gemeente ?? card?.card.gemeente ?? first.entry.gemeente;
    const label = known?.deviceLabel ?? card?.card.deviceLabel;
    const deviceLabel = label === undefined ? `apparaat ${fingerprint(author).slice(0, 11)}` : shown(label);
    const name = `${gemeenteName(gemeente)} (${deviceLabel})`;
    const cp = checkpoints.get(`${author} ${last.entry.seq}`);
    if (!cp || cp.checkpoint.head !== last.id || !checkpointIsValid(cp)) {
      throw new PlanFileError(`De wijzigingen van ${name} zijn niet door dat apparaat zelf ondertekend (controlepunt ontbreekt of klopt niet): mogelijk vervalst.`);
    }
    const wrongGemeente = list.find((e) => e.entry.gemeente !== gemeente);
    if (wrongGemeente) {
      throw new PlanFileError(`Wijziging nr. ${wrongGemeente.entry.seq} zegt van ${gemeenteName(wrongGemeente.entry.gemeente)} te zijn, maar is gemaakt op een apparaat van ${gemeenteName(gemeente)}.`);
    }

    const feed = stmt(db, 'SELECT seq, head, frozen FROM feeds WHERE author = ?').get(author) as { seq: number; head: string; frozen: string | null } | undefined;
    const head = feed?.seq ?? 0;
    let duplicates = 0;
    const fresh: StoredEntry[] = [];
    // What this copy holds of the file's seq range, in two range reads instead of one lookup per entry.
    const held = new Map<number, string>();
    const range = [author, first.entry.seq, last.entry.seq] as const;
    for (const r of stmt(db, 'SELECT seq, id FROM entries WHERE author = ? AND seq BETWEEN ? AND ?').all(...range) as { seq: number; id: string }[]) {
      if (r.seq <= head) held.set(r.seq, r.id);
    }
    for (const r of stmt(db, 'SELECT seq, id FROM pending_entries WHERE author = ? AND seq BETWEEN ? AND ?').all(...range) as { seq: number; id: string }[]) {
      if (r.seq > head) held.set(r.seq, r.id);
    }
    for (const e of list) {
      const storedId = held.get(e.entry.seq);
      if (storedId === e.id) {
        duplicates++;
        if (e.entry.seq > head) fresh.push(e); // pending copy: may still need applying
        continue;
      }
      if (storedId !== undefined) {
        const reason = `vork: twee verschillende wijzigingen nr. ${e.entry.seq}`;
        if (options.recordForks !== false) recordFork(db, author, e.entry.seq, storedId, e, reason);
        throw new PlanFileError(
          `${name} heeft twee verschillende wijzigingen met nummer ${e.entry.seq} ondertekend (een vork, bijvoorbeeld na het terugzetten van een back-up). ` +
            'Wijzigingen van dit apparaat worden niet meer verwerkt tot dit is uitgezocht; neem contact op met de afzender.',
        );
      }
      fresh.push(e);
    }
    let disposition: Disposition;
    let missing: Segment['missing'];
    const nextFresh = fresh[0];
    if (feed?.frozen) disposition = 'frozen';
    else if (!nextFresh) disposition = 'duplicate';
    else if (!known?.trusted) disposition = 'trust';
    else if (nextFresh.entry.seq === head + 1) {
      if (nextFresh.entry.prev !== (feed?.head ?? null)) {
        if (options.recordForks !== false) recordFork(db, author, head, feed?.head ?? '', nextFresh, `vork: nr. ${nextFresh.entry.seq} bouwt op een andere geschiedenis`);
        throw new PlanFileError(`Wijziging nr. ${nextFresh.entry.seq} van ${name} bouwt voort op een andere geschiedenis dan deze kopie kent (een vork). Neem contact op met de afzender.`);
      }
      disposition = 'attach';
    } else {
      disposition = 'gap';
      missing = { from: head + 1, to: nextFresh.entry.seq - 1 };
    }
    segments.push({ author, gemeente, deviceLabel, entries: fresh, duplicates, checkpoint: cp, disposition, ...(missing ? { missing } : {}) });
  }

  const nothingNew = segments.every((s) => s.disposition === 'duplicate');
  if (nothingNew && !options.allowReplay) {
    const newer = stmt(db, "SELECT created FROM plan_files WHERE sender = ? AND direction = 'in' AND created > ? LIMIT 1").get(header.from.publicKey, header.created) as
      | { created: string }
      | undefined;
    if (newer) {
      throw keyedError('already_imported', 'import.old', { sender: senderName, created: header.created });
    }
  }
  return { plan, segments, cards, successors: [...successors.values()], senderName, attestations };
}
