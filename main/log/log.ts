// The local side of the replicated log: this device's identity, its clock, and committing a user action
// as one signed-chain entry in the same transaction as its effect on the state.
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { encodeEntry, ENTRY_VERSION, type Op, type StoredEntry } from './entry';
import { addToStateHash } from './state-hash';
import { tick } from './hlc';
import { fingerprint, generateDeviceKeys } from './identity';
import { applyOp, checkOp, type OpEffect } from './materialise';

export interface LocalIdentity {
  gemeente: string;
  deviceLabel: string;
  publicKey: string;
  privateKey: string;
  createdAt: string;
}

export function readIdentity(db: Db): LocalIdentity | undefined {
  const row = stmt(db, 'SELECT gemeente, device_label AS deviceLabel, public_key AS publicKey, private_key AS privateKey, created_at AS createdAt FROM identity WHERE id = 1').get() as
    LocalIdentity | undefined;
  return row;
}

export function createIdentity(db: Db, gemeente: string, deviceLabel: string, now = new Date()): LocalIdentity {
  const keys = generateDeviceKeys();
  const identity: LocalIdentity = { gemeente, deviceLabel, ...keys, createdAt: now.toISOString() };
  db.transaction(() => {
    stmt(db, 'INSERT INTO identity (id, gemeente, device_label, public_key, private_key, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
      gemeente,
      deviceLabel,
      keys.publicKey,
      keys.privateKey,
      identity.createdAt,
    );
    stmt(db, 'INSERT INTO authors (public_key, gemeente, device_label, trusted, is_self, added_at, trusted_at) VALUES (?, ?, ?, 1, 1, ?, ?)').run(
      keys.publicKey,
      gemeente,
      deviceLabel,
      identity.createdAt,
      identity.createdAt,
    );
  })();
  return identity;
}

export function identityFingerprint(identity: Pick<LocalIdentity, 'publicKey'>): string {
  return fingerprint(identity.publicKey);
}

export function readClock(db: Db): string | undefined {
  return (stmt(db, 'SELECT hlc FROM clock WHERE id = 1').get() as { hlc: string } | undefined)?.hlc;
}

export function writeClock(db: Db, hlc: string): void {
  stmt(db, 'INSERT INTO clock (id, hlc) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > clock.hlc').run(hlc);
}

export interface FeedHead {
  seq: number;
  head: string;
}

export function readFeed(db: Db, author: string): FeedHead | undefined {
  return stmt(db, 'SELECT seq, head FROM feeds WHERE author = ?').get(author) as FeedHead | undefined;
}

/**
 * Stores an entry and, unless the caller does that once for a whole run (moveFeedHead), moves its feed's head.
 * Must run in the caller's transaction.
 */
export function storeEntry(db: Db, encoded: StoredEntry, status: 'applied' | 'rejected', reason: string | null, receivedAt: string, moveHead = true): void {
  const { entry } = encoded;
  stmt(db, 'INSERT INTO entries (id, author, seq, prev, hlc, gemeente, bytes, status, reason, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    encoded.id,
    entry.author,
    entry.seq,
    entry.prev,
    entry.hlc,
    entry.gemeente,
    encoded.bytes,
    status,
    reason,
    receivedAt,
  );
  if (moveHead) moveFeedHead(db, encoded);
}

/** Makes `last` the head of its author's feed. */
export function moveFeedHead(db: Db, last: StoredEntry): void {
  stmt(db, 'INSERT INTO feeds (author, seq, head) VALUES (?, ?, ?) ON CONFLICT (author) DO UPDATE SET seq = excluded.seq, head = excluded.head').run(last.entry.author, last.entry.seq, last.id);
}

export interface Committed {
  entryId: string;
  seq: number;
  hlc: string;
  effects: OpEffect[];
}

/**
 * Records one user action: appends an entry to this device's chain and applies it, in one transaction.
 * Ops are checked exactly as an importing partner will check them, so a copy never writes what others refuse.
 */
export function commitLocal(db: Db, identity: LocalIdentity, ops: Op[], now = Date.now()): Committed {
  return db.transaction(() => {
    const feed = readFeed(db, identity.publicKey);
    const hlc = tick(readClock(db), now);
    const encoded = encodeEntry({
      v: ENTRY_VERSION,
      author: identity.publicKey,
      gemeente: identity.gemeente,
      seq: (feed?.seq ?? 0) + 1,
      prev: feed?.head ?? null,
      hlc,
      ops,
    });
    for (const op of encoded.entry.ops) {
      const problem = checkOp(encoded.entry, op);
      if (problem) throw new Error(`Refusing to write an entry partners would reject: ${problem}`);
    }
    storeEntry(db, encoded, 'applied', null, new Date(now).toISOString());
    writeClock(db, hlc);
    // encoded.entry is read back from the bytes: JSON values are stored in their canonical (sorted-key) form.
    const effects = encoded.entry.ops.map((op) => applyOp(db, encoded.entry, op));
    addToStateHash(
      db,
      effects.reduce((sum, e) => sum + e.digestDelta, 0n),
    );
    return { entryId: encoded.id, seq: encoded.entry.seq, hlc, effects };
  })();
}

/**
 * After a backup is restored, this copy must not write with its old key again: the old device may have
 * written entries after the backup that partners hold, and writing the same numbers again would fork its
 * feed. So it takes a new key, and the old key signs, once, that the new one is its successor.
 */
export function rotateIdentity(db: Db, sign: (old: LocalIdentity, successor: string) => { predecessor: string; sig: string }, now = new Date()): LocalIdentity {
  const old = readIdentity(db);
  if (!old) throw new Error('rotateIdentity: no identity');
  const keys = generateDeviceKeys();
  const next: LocalIdentity = { ...old, ...keys, createdAt: now.toISOString() };
  const succession = sign(old, keys.publicKey);
  db.transaction(() => {
    stmt(db, 'UPDATE identity SET public_key = ?, private_key = ?, created_at = ? WHERE id = 1').run(keys.publicKey, keys.privateKey, next.createdAt);
    stmt(db, "UPDATE authors SET is_self = 0, device_label = device_label || ' (vóór herstel)' WHERE public_key = ?").run(old.publicKey);
    stmt(db, 'INSERT INTO authors (public_key, gemeente, device_label, trusted, is_self, added_at, trusted_at) VALUES (?, ?, ?, 1, 1, ?, ?)').run(
      keys.publicKey,
      old.gemeente,
      old.deviceLabel,
      next.createdAt,
      next.createdAt,
    );
    stmt(db, "INSERT INTO settings (key, value) VALUES ('succession', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(succession));
  })();
  return next;
}

export function readSuccession(db: Db): { predecessor: string; sig: string } | undefined {
  const row = stmt(db, "SELECT value FROM settings WHERE key = 'succession'").get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as { predecessor: string; sig: string }) : undefined;
}
