// `npm run bench`: export, verify and import of a region's plan, measured against a baseline in the same run
// (raw SQLite inserts of the same rows, sha256 of the same bytes, one Ed25519 verify per feed).
// Prints a table and writes bench-results.json. Figures, not assertions: targets live in the issues.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { AppContext } from '../../main/api/context';
import { dispatch } from '../../main/api/dispatch';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import { GEMEENTEN } from '../../shared/domain/gemeenten';

const scale = process.argv.includes('--scale') ? process.argv[process.argv.indexOf('--scale') + 1] : 'region';
if (scale !== 'region' && scale !== 'small') {
  console.error(`bench: onbekende schaal "${scale}" (region of small; stress volgt met de prestatie-issue)`);
  process.exit(2);
}
const root = mkdtempSync(join(tmpdir(), 'regie-bench-'));
let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sampleRss, 20);

async function call<K extends MethodName>(ctx: AppContext, name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as MethodResult<K>;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  sampleRss();
  return [r, performance.now() - t];
}

async function copy(name: string, gemeente: string): Promise<AppContext> {
  const ctx = new AppContext(join(root, name), 'cli', 'bench');
  await call(ctx, 'setup.init', { gemeente, deviceLabel: `Laptop ${name}` });
  return ctx;
}

async function trust(a: AppContext, b: AppContext) {
  const { content } = await call(b, 'identity.card', {});
  const info = await call(a, 'partners.inspectCard', { content });
  await call(a, 'partners.trust', { content, fingerprint: info.fingerprint });
}

async function main() {
  const region = GEMEENTEN.filter((g) => g.region === 'Kennemerland');
  const gemeenten = await Promise.all(region.map((g) => copy(g.name, g.code)));
  const hub = gemeenten[0]!;
  for (const [i, ctx] of gemeenten.entries()) {
    await call(ctx, 'demo.generate', { seed: 100 + i, scale: scale === 'region' ? 'region' : 'small' });
    if (ctx !== hub) {
      await trust(ctx, hub);
      await trust(hub, ctx);
      const path = join(root, `${i}.regie`);
      await call(ctx, 'exchange.export', { to: [hub.me().gemeente], full: false, path });
      await call(hub, 'exchange.import', { path });
    }
  }
  // A newcomer: a second Haarlem laptop that trusts every device and receives the whole region at once.
  const fresh = await copy('nieuw', region[2]!.code);
  for (const ctx of gemeenten) {
    await trust(fresh, ctx);
    await trust(hub, fresh);
  }
  const file = join(root, 'full.regie');
  const [, exportMs] = await timed(() => call(hub, 'exchange.export', { to: [fresh.me().gemeente], full: true, path: file }));
  const [, verifyMs] = await timed(() => call(fresh, 'exchange.verify', { path: file }));
  const [preview, importMs] = await timed(() => call(fresh, 'exchange.import', { path: file }));
  const [, hashMs] = await timed(() => call(fresh, 'state.hash', {}));
  const hubHash = (await call(hub, 'state.hash', {})).hash;
  if (preview.stateHashAfter !== hubHash) throw new Error('bench: the imported copy does not match the hub');

  // Baseline: the same entry bytes inserted raw in one transaction, hashed, plus one verify per feed.
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter((l) => l.startsWith('{"author":'));
  const feeds = new Set(lines.map((l) => (JSON.parse(l) as { author: string }).author)).size;
  const raw = new Database(join(root, 'baseline.db'));
  raw.pragma('journal_mode = WAL');
  raw.exec('CREATE TABLE entries (id TEXT PRIMARY KEY, author TEXT, seq INTEGER, bytes BLOB) STRICT');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const sig = sign(null, Buffer.from('checkpoint'), privateKey);
  const [, baselineMs] = await timed(() => {
    const insert = raw.prepare('INSERT INTO entries VALUES (?, ?, ?, ?)');
    raw.transaction(() => {
      lines.forEach((l, i) => {
        const bytes = Buffer.from(l);
        insert.run(createHash('sha256').update(bytes).digest('hex'), 'a', i, bytes);
      });
    })();
    for (let i = 0; i < feeds; i++) verify(null, Buffer.from('checkpoint'), publicKey, sig);
  });
  raw.close();

  const r = (v: number) => Math.round(v * 10) / 10;
  const metrics: Record<string, { value: number; unit: string; baseline?: number; ratio?: number }> = {
    export_full_ms: { value: r(exportMs), unit: 'ms', baseline: r(baselineMs), ratio: r(exportMs / baselineMs) },
    verify_full_ms: { value: r(verifyMs), unit: 'ms', baseline: r(baselineMs), ratio: r(verifyMs / baselineMs) },
    import_full_ms: { value: r(importMs), unit: 'ms', baseline: r(baselineMs), ratio: r(importMs / baselineMs) },
    file_full_bytes: { value: statSync(file).size, unit: 'bytes' },
    state_hash_ms: { value: r(hashMs), unit: 'ms' },
    entries: { value: lines.length, unit: 'count' },
    feeds: { value: feeds, unit: 'count' },
    peak_rss_mb: { value: r(peakRss / 1024 / 1024), unit: 'MB' },
  };
  clearInterval(sampler);
  console.log(`Regie benchmark, scale ${scale}: ${lines.length} entries from ${feeds} devices (${region.length} gemeenten)`);
  console.log('metric'.padEnd(18), 'value'.padStart(12), 'unit'.padStart(6), 'baseline'.padStart(10), 'ratio'.padStart(7));
  for (const [name, m] of Object.entries(metrics)) {
    console.log(name.padEnd(18), String(m.value).padStart(12), m.unit.padStart(6), String(m.baseline ?? '').padStart(10), String(m.ratio ?? '').padStart(7));
  }
  writeFileSync('bench-results.json', JSON.stringify({ scale, metrics }, null, 2) + '\n');
  for (const ctx of [...gemeenten, fresh]) ctx.close();
  if (!process.env.REGIE_BENCH_KEEP) rmSync(root, { recursive: true, force: true });
  else console.log(root);
}

main().catch((err: unknown) => {
  clearInterval(sampler);
  console.error(err);
  process.exit(1);
});
