// Partners: the devices of other gemeenten whose entries this copy accepts, recorded from identity cards
// after the user compared the fingerprint, and what each partner gemeente is known to have.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { canonicalJson } from '../log/canonical';
import { fingerprint } from '../log/identity';
import { gemeenteName } from '../../shared/domain/gemeenten';
import { shown } from '../../shared/text/shown';
import type { SignedCard } from './format';
import { ApiError } from '../../shared/api/errors';

export interface AuthorRow {
  publicKey: string;
  gemeente: string;
  deviceLabel: string;
  trusted: boolean;
  isSelf: boolean;
  card: string | null;
}

export function listAuthors(db: Db): AuthorRow[] {
  const rows = stmt(db, 'SELECT public_key AS publicKey, gemeente, device_label AS deviceLabel, trusted, is_self AS isSelf, card FROM authors ORDER BY gemeente, device_label').all() as (Omit<
    AuthorRow,
    'trusted' | 'isSelf'
  > & { trusted: number; isSelf: number })[];
  return rows.map((r) => ({ ...r, trusted: r.trusted === 1, isSelf: r.isSelf === 1 }));
}

export function getAuthor(db: Db, publicKey: string): AuthorRow | undefined {
  const r = stmt(db, 'SELECT public_key AS publicKey, gemeente, device_label AS deviceLabel, trusted, is_self AS isSelf, card FROM authors WHERE public_key = ?').get(publicKey) as
    (Omit<AuthorRow, 'trusted' | 'isSelf'> & { trusted: number; isSelf: number }) | undefined;
  return r && { ...r, trusted: r.trusted === 1, isSelf: r.isSelf === 1 };
}

/** Records a card's device as known; trusted only when the user confirmed its fingerprint. */
export function recordCard(db: Db, card: SignedCard, trusted: boolean, now = new Date()): void {
  const c = card.card;
  // A key belongs to one gemeente for good: no card (or succession) moves it to another.
  const existing = getAuthor(db, c.publicKey);
  if (existing && existing.gemeente !== c.gemeente) throw new ApiError('refused', keyMovesMessage(existing.gemeente, c.gemeente));
  stmt(
    db,
    `INSERT INTO authors (public_key, gemeente, device_label, trusted, is_self, card, added_at, trusted_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)
     ON CONFLICT (public_key) DO UPDATE SET trusted = max(trusted, excluded.trusted), card = excluded.card,
       trusted_at = coalesce(authors.trusted_at, excluded.trusted_at)`,
  ).run(c.publicKey, c.gemeente, c.deviceLabel, trusted ? 1 : 0, canonicalJson(card), now.toISOString(), trusted ? now.toISOString() : null);
}

/** Why a card that would move a known key to another gemeente is refused. */
export function keyMovesMessage(known: string, claimed: string): string {
  return `Dit apparaat is al bekend als apparaat van ${gemeenteName(known)} (${known}); een kaart die ${gemeenteName(claimed)} (${claimed}) zegt, wordt niet aangenomen. Een apparaat hoort altijd bij één gemeente.`;
}

export function describeAuthor(db: Db, publicKey: string): string {
  const a = getAuthor(db, publicKey);
  return a ? `${gemeenteName(a.gemeente)} (${shown(a.deviceLabel)})` : `onbekend apparaat ${fingerprint(publicKey).slice(0, 11)}`;
}

/** Gemeenten with at least one trusted device other than this one (the own gemeente too, if it has more laptops). */
export function partnerGemeenten(db: Db): string[] {
  return (stmt(db, 'SELECT DISTINCT gemeente FROM authors WHERE trusted = 1 AND is_self = 0 ORDER BY gemeente').all() as { gemeente: string }[]).map((r) => r.gemeente);
}

export function peerHave(db: Db, gemeente: string): Map<string, number> {
  const rows = stmt(db, 'SELECT author, seq FROM peer_have WHERE gemeente = ?').all(gemeente) as { author: string; seq: number }[];
  return new Map(rows.map((r) => [r.author, r.seq]));
}

/**
 * What a partner said it has, taken as said (not the maximum ever said): a partner that restored a backup
 * has less than before, and must be sent again what it lost. Sending too much costs only duplicates.
 */
export function recordPeerHave(db: Db, gemeente: string, have: Record<string, number>): void {
  const upsert = stmt(db, 'INSERT INTO peer_have (gemeente, author, seq) VALUES (?, ?, ?) ON CONFLICT (gemeente, author) DO UPDATE SET seq = excluded.seq');
  for (const [author, seq] of Object.entries(have)) upsert.run(gemeente, author, seq);
}
