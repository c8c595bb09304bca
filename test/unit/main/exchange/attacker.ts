// Test support: what an attacker holding a partner's key can build with Regie's own signing code — keys of
// its own, cards, successions, entries that claim any gemeente, checkpoints and a validly signed plan file.
import { join } from 'node:path';
import { canonicalJson } from '../../../../main/log/canonical';
import { encodeEntry, type EncodedEntry, type Entry, type Op } from '../../../../main/log/entry';
import { formatHlc } from '../../../../main/log/hlc';
import { generateDeviceKeys, sha256Hex, Signer, type DeviceKeys } from '../../../../main/log/identity';
import { signSuccession } from '../../../../main/exchange/signing';
import type { SignedCard } from '../../../../main/exchange/format';
import { tempDir } from '../../helpers';
import { signCheckpointLine } from './copies';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { GZIP_HEADER } from '../../../../main/exchange/read';

export interface Device extends DeviceKeys {
  gemeente: string;
  label: string;
}

export function newDevice(gemeente: string, label = 'Laptop 2'): Device {
  return { ...generateDeviceKeys(), gemeente, label };
}

/** A self-signed card; with `predecessor`, also the predecessor's statement that this key succeeds it. */
export function cardOf(d: Device, predecessor?: DeviceKeys, successionGemeente = d.gemeente): SignedCard {
  const card = { type: 'regie-card-v1' as const, publicKey: d.publicKey, gemeente: d.gemeente, deviceLabel: d.label, created: '2026-01-01T00:00:00.000Z' };
  const sig = new Signer(d.privateKey).sign(Buffer.from(canonicalJson(card), 'utf8'));
  return { card, sig, ...(predecessor ? { succession: signSuccession(predecessor.privateKey, predecessor.publicKey, d.publicKey, successionGemeente) } : {}) };
}

/** A chain of entries by `d`, each claiming `gemeente` (which need not be the device's own). */
export function chain(d: DeviceKeys, gemeente: string, opsList: Op[][], startSeq = 1, prev: string | null = null, wall = Date.now() + 1000): EncodedEntry[] {
  const out: EncodedEntry[] = [];
  opsList.forEach((ops, i) => {
    const e = encodeEntry({ v: 1, author: d.publicKey, gemeente, seq: startSeq + i, prev, hlc: formatHlc({ wall: wall + i, counter: 0 }), ops });
    out.push(e);
    prev = e.id;
  });
  return out;
}

export interface Feed {
  author: DeviceKeys;
  entries: EncodedEntry[];
}

/** A plan file signed by `sender`, with the given cards and feeds (each closed by its author's checkpoint). */
export function planFile(sender: Device, to: string[], parts: { cards?: SignedCard[]; feeds?: Feed[]; created?: Date }, path = join(tempDir('regie-attack-'), 'aanval.regie')): string {
  const header = {
    format: 'regie-plan',
    version: 1,
    requires: [],
    from: { publicKey: sender.publicKey, gemeente: sender.gemeente, deviceLabel: sender.label },
    to,
    created: (parts.created ?? new Date()).toISOString(),
    have: {},
  };
  const lines: Buffer[] = [canonicalJson(header), ...(parts.cards ?? []).map((c) => canonicalJson(c))].map((l) => Buffer.from(l, 'utf8'));
  // Entry lines as their exact bytes (which need not be UTF-8).
  for (const f of parts.feeds ?? []) for (const e of f.entries) lines.push(e.bytes);
  for (const f of parts.feeds ?? []) {
    const last = f.entries.at(-1)!;
    lines.push(Buffer.from(signCheckpointLine(f.author.publicKey, last.entry.seq, last.id, f.author.privateKey), 'utf8'));
  }
  return signedFile(lines, sender, path);
}

/** Lines (exact bytes) as a plan file with a valid trailer signed by `sender`, gzip with Regie's header. */
export function signedFile(lines: Buffer[], sender: DeviceKeys, path = join(tempDir('regie-attack-'), 'aanval.regie')): string {
  const body = Buffer.concat(lines.flatMap((l) => [l, NL]));
  const trailer = { type: 'regie-plan-trailer-v1', count: lines.length, sha256: sha256Hex(body), signer: sender.publicKey };
  const sig = new Signer(sender.privateKey).sign(Buffer.from(canonicalJson(trailer), 'utf8'));
  const gz = gzipSync(Buffer.concat([body, Buffer.from(canonicalJson({ trailer, sig }) + '\n', 'utf8')]));
  GZIP_HEADER.copy(gz, 0);
  writeFileSync(path, gz);
  return path;
}
const NL = Buffer.from('\n');

/**
 * An entry whose text holds `raw` where `placeholder` stands (e.g. a lone surrogate escape "\\ud800"), in the
 * canonical form JSON.stringify gives such text: what a hostile writer that skips Regie's checks produces.
 */
export function rawEntry(entry: Entry, placeholder: string, raw: string): EncodedEntry {
  const bytes = Buffer.from(canonicalJson(entry).split(placeholder).join(raw), 'utf8');
  return { id: sha256Hex(bytes), bytes, entry: JSON.parse(bytes.toString('utf8')) as Entry };
}

/** A device's first entry, creating one event, written by hand: a copy would refuse to write what the tests send. */
export function firstEventEntry(author: { publicKey: string; gemeente: string }, id: string, set: Record<string, unknown>, hlc = formatHlc({ wall: Date.now(), counter: 0 })): Entry {
  return { v: 1, author: author.publicKey, gemeente: author.gemeente, seq: 1, prev: null, hlc, ops: [{ t: 'event.create', id, set }] };
}
