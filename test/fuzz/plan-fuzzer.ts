// A structure-aware fuzzer for the plan-file reader: mutations of valid files at every level (gzip bytes,
// lines, JSON values and keys, entries, checkpoints, header, trailer — re-signed by the sender half of the
// time so the deeper checks are reached). Each case must be refused with a reason or previewed cleanly:
// never an internal error, never a change to the plan.
import { gunzipSync, gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../../main/api/dispatch';
import type { AppContext } from '../../main/session/context';
import { canonicalJson } from '../../main/log/canonical';
import { generateDeviceKeys, Signer, sha256Hex } from '../../main/log/identity';
import { GZIP_HEADER } from '../../main/exchange/read';
import { stateHash } from '../../main/log/state-hash';
import { prng } from '../../main/domain/derived-id';
import type { ImportPreview } from '../../shared/api/exchange';

export type Rng = () => number;

export const rng: (seed: number) => Rng = prng;

const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const int = (r: Rng, n: number) => Math.floor(r() * n);

export interface Sender {
  publicKey: string;
  privateKey: string;
}

function gz(text: string): Buffer {
  const out = gzipSync(Buffer.from(text, 'utf8'));
  GZIP_HEADER.copy(out, 0);
  return out;
}

function seal(lines: string[], sender: Sender): Buffer {
  const body = lines.map((l) => l + '\n').join('');
  const trailer = { type: 'regie-plan-trailer-v1', count: lines.length, sha256: sha256Hex(Buffer.from(body, 'utf8')), signer: sender.publicKey };
  return gz(body + canonicalJson({ trailer, sig: new Signer(sender.privateKey).sign(Buffer.from(canonicalJson(trailer))) }) + '\n');
}

const ODD_VALUES: unknown[] = [0, -1, 1.5, 2 ** 53, -(2 ** 60), '', 'x'.repeat(5000), 'GM9999', 'ë\u0000\u202e', null, true, [], {}, [1, [2, [3]]], { a: { b: {} } }];
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', '', 'v', 'ops', 'seq', 'sig'];

function mutateJson(r: Rng, value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || r() < 0.15) return r() < 0.5 ? [] : [...value, pick(r, ODD_VALUES)];
    const copy = [...value];
    const i = int(r, copy.length);
    if (r() < 0.2) copy.splice(i, 1);
    else copy[i] = mutateJson(r, copy[i], depth + 1);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const obj: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(obj);
    const roll = r();
    if (roll < 0.15 || keys.length === 0) Object.defineProperty(obj, pick(r, ODD_KEYS), { value: pick(r, ODD_VALUES), enumerable: true, configurable: true, writable: true });
    else if (roll < 0.3) delete obj[pick(r, keys)];
    else {
      const k = pick(r, keys);
      obj[k] = mutateJson(r, obj[k], depth + 1);
    }
    return obj;
  }
  if (typeof value === 'number') return pick(r, [value + 1, value - 1, -value, value * 1000, 0, 1.25, Number.MAX_SAFE_INTEGER + 2]);
  if (typeof value === 'string') return pick(r, [value + 'x', value.slice(1), '', value.toUpperCase(), value.replace(/\d/g, '9'), 'A'.repeat(value.length || 1)]);
  return pick(r, ODD_VALUES);
}

/** One mutated file's bytes. */
export function mutate(r: Rng, original: Buffer, sender: Sender): { bytes: Buffer; kind: string } {
  const roll = r();
  if (roll < 0.3) {
    const b = Buffer.from(original);
    const op = int(r, 4);
    const at = int(r, b.length);
    if (op === 0) b[at]! ^= 1 << int(r, 8);
    if (op === 1) return { bytes: Buffer.concat([b.subarray(0, at), Buffer.from([int(r, 256)]), b.subarray(at)]), kind: 'gzip-insert' };
    if (op === 2) return { bytes: Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + int(r, 8))]), kind: 'gzip-delete' };
    if (op === 3) return { bytes: b.subarray(0, at), kind: 'gzip-truncate' };
    return { bytes: b, kind: 'gzip-flip' };
  }
  const lines = gunzipSync(original).toString('utf8').split('\n').filter(Boolean);
  const trailer = lines.pop()!;
  const i = int(r, lines.length);
  let kind: string;
  const lineRoll = r();
  if (lineRoll < 0.12) {
    const j = int(r, lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    kind = 'swap-lines';
  } else if (lineRoll < 0.22) {
    lines.splice(i, 1);
    kind = 'delete-line';
  } else if (lineRoll < 0.3) {
    lines.splice(i, 0, lines[i]!);
    kind = 'duplicate-line';
  } else if (lineRoll < 0.36) {
    lines[i] = lines[i]!.slice(0, int(r, lines[i]!.length));
    kind = 'truncate-line';
  } else if (lineRoll < 0.4) {
    lines.splice(i, 0, pick(r, ['{}', '[]', 'null', '{"sig":"x"}', '{"card":{}}', '{"author":1}', '\u0000']));
    kind = 'insert-garbage';
  } else if (lineRoll < 0.55) {
    kind = hostile(r, lines);
  } else {
    const parsed = JSON.parse(lines[i]!) as unknown;
    const mutated = mutateJson(r, parsed);
    lines[i] = r() < 0.5 ? canonicalJson(stripUnsafe(mutated)) : JSON.stringify(mutated);
    kind = i === 0 ? 'header-value' : lines[i].startsWith('{"author"') ? 'entry-value' : 'line-value';
  }
  // Half the time the sender re-signs the changed content (a buggy or malicious partner), half not.
  if (r() < 0.5) return { bytes: gz(lines.map((l) => l + '\n').join('') + trailer + '\n'), kind: kind + '/old-trailer' };
  return { bytes: seal(lines, sender), kind: kind + '/re-signed' };
}

const entryIndexes = (lines: string[]) => lines.map((l, i) => (l.startsWith('{"author"') ? i : -1)).filter((i) => i >= 0);

/**
 * The shapes of issue 14: text that is not well-formed Unicode, entries that claim another gemeente, labels
 * with control characters and line breaks, impossible clock stamps, very long lines, many cards, and a file
 * from a key nobody trusts. Changes `lines` in place and says which shape it made.
 */
function hostile(r: Rng, lines: string[]): string {
  const entries = entryIndexes(lines);
  const e = entries.length ? pick(r, entries) : 0;
  switch (int(r, 7)) {
    case 0: {
      // A lone surrogate, written as the escape JSON.stringify gives it (a hostile writer's canonical form).
      const at = lines[e]!.indexOf('":"');
      lines[e] = at < 0 ? lines[e]! : lines[e]!.slice(0, at + 3) + pick(r, ['\\ud800', '\\udfff', 'a\\udbff']) + lines[e]!.slice(at + 3);
      return 'lone-surrogate';
    }
    case 1:
      lines[e] = lines[e]!.replace(/"gemeente":"GM\d{4}"/, `"gemeente":"${pick(r, ['GM0397', 'GM0377', 'GM0473'])}"`);
      return 'other-gemeente';
    case 2: {
      const header = JSON.parse(lines[0]!) as { from: { deviceLabel: string } };
      header.from.deviceLabel = pick(r, ['L\nIngelezen.', 'L\u001b[2J', 'L\u202eedoc', 'L\r\nregie: ok', 'L\u0000']);
      lines[0] = canonicalJson(header);
      return 'label-control';
    }
    case 3:
      lines[e] = lines[e]!.replace(/"hlc":"\d{16}:\d{4}"/, `"hlc":"${pick(r, ['9999999999999999:0000', '8640000000000001:0000', '0000000000000000:9999'])}"`);
      return 'impossible-clock';
    case 4:
      lines[e] = lines[e]!.replace('"ops":[{', `"ops":[{"pad":"${'x'.repeat(100_000 + int(r, 800_000))}",`);
      return 'long-line';
    case 5: {
      const card = lines.findIndex((l) => l.startsWith('{"card"'));
      if (card > 0) lines.splice(card, 0, ...Array<string>(1 + int(r, 300)).fill(lines[card]!));
      return 'many-cards';
    }
    default: {
      const header = JSON.parse(lines[0]!) as { from: { publicKey: string } };
      header.from.publicKey = generateDeviceKeys().publicKey;
      lines[0] = canonicalJson(header);
      return 'unknown-sender';
    }
  }
}

// eslint-disable-next-line no-control-regex -- what a message or a shown label must never hold
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202e]|Invalid Date/;

function stripUnsafe(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isSafeInteger(v)) return 0;
  if (Array.isArray(v)) return v.map(stripUnsafe);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stripUnsafe(x)]));
  return v;
}

export interface Outcome {
  refused: number;
  accepted: number;
  failures: string[];
  slowestMs: number;
  kinds: Map<string, number>;
}

/** Runs cases against a copy through the api's preview (the whole import pipeline, rolled back). */
export async function fuzz(ctx: AppContext, original: Buffer, sender: Sender, seed: number, cases: number, dir: string): Promise<Outcome> {
  const r = rng(seed);
  const before = stateHash(ctx.db());
  const counts = () => ['entries', 'pending_entries', 'forks', 'plan_files'].map((t) => (ctx.db().prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n).join(',');
  const countsBefore = counts();
  const out: Outcome = { refused: 0, accepted: 0, failures: [], slowestMs: 0, kinds: new Map() };
  const path = join(dir, 'case.regie');
  for (let n = 0; n < cases; n++) {
    const { bytes, kind } = mutate(r, original, sender);
    writeFileSync(path, bytes);
    const t = performance.now();
    const res = await dispatch(ctx, 'exchange.preview', { path }, () => {});
    out.slowestMs = Math.max(out.slowestMs, performance.now() - t);
    out.kinds.set(kind, (out.kinds.get(kind) ?? 0) + 1);
    let shown: string;
    if (res.ok) {
      const p = res.value as ImportPreview;
      shown = [p.sender.device, ...p.held.map((h) => h.device), ...p.parked.map((k) => k.device), ...p.rejected.map((x) => x.reason)].join(' | ');
    } else shown = res.error.message;
    if (UNSAFE_TEXT.test(shown)) out.failures.push(`case ${n} (${kind}): control characters or "Invalid Date" shown: ${JSON.stringify(shown.slice(0, 200))}`);
    else if (res.ok) out.accepted++;
    else if (res.error.code === 'bad_file' && res.error.message.length > 20) out.refused++;
    else out.failures.push(`case ${n} (${kind}): ${res.error.code}: ${res.error.message}`);
    if (n % 250 === 0 || n === cases - 1) {
      if (stateHash(ctx.db()) !== before || counts() !== countsBefore) out.failures.push(`case ${n} (${kind}): the plan changed`);
    }
  }
  return out;
}
