// Test support: installations of Regie (real data folders, real SQLite, real plan files) that trust each
// other and exchange files, plus tools to take a plan file apart and put it back together re-signed.
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../../../../main/api/dispatch';
import type { AppContext } from '../../../../main/session/context';
import type { MethodInput, MethodName, MethodResult } from '../../../../shared/api/contract';
import { canonicalJson } from '../../../../main/log/canonical';
import { Signer } from '../../../../main/log/identity';
import { sha256Hex } from '../../../../main/log/identity';
import { newContext, tempDir } from '../../helpers';
import { GZIP_HEADER } from '../../../../main/exchange/read';

export class Copy {
  readonly ctx: AppContext;
  constructor(
    readonly gemeente: string,
    readonly name: string,
    dataDir = tempDir(`regie-${name}-`),
  ) {
    this.ctx = newContext(dataDir);
  }

  async call<K extends MethodName>(method: K, args: MethodInput<K>): Promise<MethodResult<K>> {
    const r = await dispatch(this.ctx, method, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as MethodResult<K>;
  }

  async init(device = `Laptop ${this.name}`): Promise<this> {
    await this.call('setup.init', { gemeente: this.gemeente, deviceLabel: device });
    return this;
  }

  async card(): Promise<string> {
    return (await this.call('identity.card', {})).content;
  }

  /** Trusts every device whose card `other` holds (the devices whose work it relays), as a partner would. */
  async trustDevicesOf(other: Copy): Promise<void> {
    for (const { card } of other.ctx.db().prepare('SELECT card FROM authors WHERE is_self = 0 AND card IS NOT NULL').all() as { card: string }[]) {
      const info = await this.call('partners.inspectCard', { content: card });
      if (!info.trusted) await this.call('partners.trust', { content: card, fingerprint: info.fingerprint });
    }
  }

  async trust(other: Copy): Promise<void> {
    const content = await other.card();
    const info = await this.call('partners.inspectCard', { content });
    await this.call('partners.trust', { content, fingerprint: info.fingerprint });
  }

  async exportTo(to: Copy[] | 'all', options: { full?: boolean } = {}): Promise<string> {
    const path = join(tempDir('regie-files-'), `van-${this.name}.regie`);
    await this.call('exchange.export', { to: to === 'all' ? 'all' : to.map((c) => c.gemeente), full: options.full ?? false, path });
    return path;
  }

  async importFile(path: string) {
    return this.call('exchange.import', { path });
  }

  async hash(): Promise<string> {
    return (await this.call('state.hash', {})).hash;
  }

  count(table: string): number {
    return (this.ctx.db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }

  privateKey(): string {
    return this.ctx.me().privateKey;
  }
}

/** Installations that all trust each other, one per [code, name]. */
export async function region<T extends [string, string][]>(...specs: T): Promise<{ [K in keyof T]: Copy }> {
  const copies = await Promise.all(specs.map(([g, n]) => new Copy(g, n).init()));
  for (const a of copies) for (const b of copies) if (a !== b) await a.trust(b);
  return copies as { [K in keyof T]: Copy };
}

export const ZANDVOORT = ['GM0473', 'Zandvoort'] as [string, string];
export const HEEMSTEDE = ['GM0397', 'Heemstede'] as [string, string];
export const BLOEMENDAAL = ['GM0377', 'Bloemendaal'] as [string, string];

/** Zandvoort and Heemstede; Zandvoort generates `weeks` demo weeks (seeds from `seed`) and writes its whole plan for Heemstede. */
export async function demoPlanFile(weeks: number, seed: number): Promise<{ z: Copy; h: Copy; file: string }> {
  const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
  for (let week = 0; week < weeks; week++) await z.call('demo.generate', { seed: seed + week, scale: 'week' });
  return { z, h, file: await z.exportTo([h], { full: true }) };
}

/** A plan file taken apart into its lines (decompressed, without the trailer). */
export function linesOf(path: string): string[] {
  const lines = gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  return lines.slice(0, -1);
}

/** Writes lines as a plan file with a fresh, valid trailer signed by `signerKey` (a sender that re-signs). */
export function resign(lines: string[], signerPublicKey: string, signerPrivateKey: string, path = join(tempDir('regie-forged-'), 'forged.regie')): string {
  const body = lines.map((l) => l + '\n').join('');
  const trailer = { type: 'regie-plan-trailer-v1', count: lines.length, sha256: sha256Hex(Buffer.from(body, 'utf8')), signer: signerPublicKey };
  const sig = new Signer(signerPrivateKey).sign(Buffer.from(canonicalJson(trailer), 'utf8'));
  const gz = gzipSync(Buffer.from(body + canonicalJson({ trailer, sig }) + '\n', 'utf8'));
  GZIP_HEADER.copy(gz, 0);
  writeFileSync(path, gz);
  return path;
}

export function signCheckpointLine(author: string, seq: number, head: string, privateKey: string): string {
  const checkpoint = { type: 'regie-checkpoint-v1', author, seq, head };
  return canonicalJson({ checkpoint, sig: new Signer(privateKey).sign(Buffer.from(canonicalJson(checkpoint), 'utf8')) });
}

export const GP = { name: 'Dutch Grand Prix', place: 'Circuit Zandvoort', start: '2027-08-27T08:00', end: '2027-08-29T20:00', risk: 'C' } as const;
