// `npm run fuzz [-- --cases N --seed S]`: the long fuzz run of the plan-file reader (default 100,000 cases).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppContext } from '../../main/session/context';
import { dispatch } from '../../main/api/dispatch';
import { fuzz } from './plan-fuzzer';

const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const cases = arg('--cases', 100_000);
const seed = arg('--seed', Date.now() % 1_000_000);

async function call(ctx: AppContext, name: string, args: unknown): Promise<unknown> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'regie-fuzz-'));
  const z = new AppContext(join(root, 'z'), 'cli', 'fuzz');
  const h = new AppContext(join(root, 'h'), 'cli', 'fuzz');
  await call(z, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'Zandvoort' });
  await call(h, 'setup.init', { gemeente: 'GM0397', deviceLabel: 'Heemstede' });
  for (const [a, b] of [
    [z, h],
    [h, z],
  ] as const) {
    const { content } = (await call(b, 'identity.card', {})) as { content: string };
    const info = (await call(a, 'partners.inspectCard', { content })) as { fingerprint: string };
    await call(a, 'partners.trust', { content, fingerprint: info.fingerprint });
  }
  await call(z, 'demo.generate', { seed: 9, scale: 'small' });
  const file = join(root, 'base.regie');
  await call(z, 'exchange.export', { to: ['GM0397'], full: false, path: file });
  const started = performance.now();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const result = await fuzz(h, readFileSync(file), z.me(), seed, cases, root);
  clearInterval(timer);
  console.log(`fuzz: ${cases} cases, seed ${seed}, ${Math.round((performance.now() - started) / 1000)} s`);
  console.log(`refused with a reason: ${result.refused}; previewed as valid: ${result.accepted}; failures: ${result.failures.length}`);
  console.log(`slowest case: ${Math.round(result.slowestMs)} ms; peak RSS ${Math.round(peak / 1024 / 1024)} MB (start ${Math.round(rssBefore / 1024 / 1024)} MB)`);
  console.log(
    'mutations:',
    [...result.kinds]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  );
  for (const f of result.failures.slice(0, 20)) console.log('FAIL', f);
  z.close();
  h.close();
  rmSync(root, { recursive: true, force: true });
  process.exit(result.failures.length ? 1 : 0);
}

void main();
