// Test support: what an attacker holding a partner's key can build with Regie's own signing code — keys of
// its own, cards, successions, entries that claim any gemeente, checkpoints and a validly signed plan file.
import { join } from 'node:path';
import { canonicalJson } from '../../../../main/log/canonical';
import { encodeEntry, type EncodedEntry, type Op } from '../../../../main/log/entry';
import { formatHlc } from '../../../../main/log/hlc';
import { generateDeviceKeys, Signer, type DeviceKeys } from '../../../../main/log/identity';
import { signSuccession } from '../../../../main/exchange/signing';
import type { SignedCard } from '../../../../main/exchange/format';
import { tempDir } from '../../helpers';
import { resign, signCheckpointLine } from './copies';

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
  const lines = [canonicalJson(header), ...(parts.cards ?? []).map((c) => canonicalJson(c))];
  for (const f of parts.feeds ?? []) for (const e of f.entries) lines.push(e.bytes.toString('utf8'));
  for (const f of parts.feeds ?? []) {
    const last = f.entries.at(-1)!;
    lines.push(signCheckpointLine(f.author.publicKey, last.entry.seq, last.id, f.author.privateKey));
  }
  return resign(lines, sender.publicKey, sender.privateKey, path);
}
