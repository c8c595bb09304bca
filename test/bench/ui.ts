// `npm run bench:ui`: how long the renderer takes from data arrival to rendered, in Chromium through the
// host, for (a) the Kalender month of a region-scale year and (b) an event with 200 shifts. The page marks
// the moment the api's answer arrives and the commit of the render that shows it (renderer/components/
// render-timing.ts); this reads the measure between them. Prints a table, writes bench-ui-results.json.
// Figures, not assertions: the target (100 ms) lives in issues 5 and 22. `-- --scale stress` measures the
// same on ten times the history.
//
// Nothing here depends on today's date: the dates come from the generated data. The page runs on a fixed
// clock in the first year of the data, and the jump goes to August of its last year, so the jump always
// loads a year the page has not loaded yet (the moment measured).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { AppContext } from '../../main/session/context';
import { dispatch } from '../../main/api/dispatch';
import { startHost } from '../../main/host/server';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import { findChromium } from '../e2e/chromium';

const argScale = process.argv.includes('--scale') ? process.argv[process.argv.indexOf('--scale') + 1] : 'region';
if (argScale !== 'region' && argScale !== 'stress') {
  console.error(`bench:ui: onbekende schaal "${argScale}" (region of stress)`);
  process.exit(2);
}
const scale: 'region' | 'stress' = argScale;
const RUNS = 7;
const TARGET_MS = 100;
const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

async function call<K extends MethodName>(ctx: AppContext, name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
  const r = await dispatch(ctx, name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as MethodResult<K>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (v: number) => Math.round(v * 10) / 10;

/** Waits for the page's next "regie:<name>" measure and returns its duration. */
async function nextMeasure(page: Page, name: string, act: () => Promise<void>): Promise<number> {
  await page.evaluate(() => performance.clearMeasures());
  await act();
  try {
    const handle = await page.waitForFunction((n) => performance.getEntriesByName(`regie:${n}`, 'measure').at(-1)?.duration, name, { timeout: 60_000 });
    return (await handle.jsonValue()) as number;
  } catch (err) {
    // What the page showed when the measure did not come, to see why.
    const shot = join(tmpdir(), `regie-bench-ui-${name}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    const marks = await page.evaluate(() =>
      [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')].map((m) => `${m.name}@${Math.round(m.startTime)}+${Math.round(m.duration)} (${new Date().toISOString()})`),
    );
    throw new Error(`bench:ui: no "${name}" measure within 60 s (marks: ${marks.join(', ') || 'none'}; screenshot ${shot})`, { cause: err });
  }
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'regie-bench-ui-'));
  const ctx = new AppContext(join(root, 'data'), 'host', 'bench');
  await call(ctx, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop benchmark' });
  let t = performance.now();
  const generated = await call(ctx, 'demo.generate', { seed: 1, scale });
  console.log(`bench:ui: ${scale} generated in ${Math.round(performance.now() - t)} ms: ${JSON.stringify(generated)}`);
  // The years the data covers: the page's clock stands in the first, the jump goes to the last.
  const span = ctx.db().prepare('SELECT min(starts_at) AS first, max(starts_at) AS last FROM events WHERE created = 1').get() as { first: string; last: string };
  const firstYear = Number(span.first.slice(0, 4));
  const lastYear = Number(span.last.slice(0, 4));
  if (!(lastYear > firstYear)) throw new Error(`bench:ui: the generated data covers one year only (${span.first} to ${span.last})`);
  const clock = new Date(`${firstYear}-06-15T10:00:00+02:00`);
  const jumpTo = `${lastYear}-08-01`;
  const year = await call(ctx, 'calendar.range', { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` });
  t = performance.now();
  await call(ctx, 'calendar.range', { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` });
  const rangeMs = performance.now() - t;

  // (b) An event with 200 shifts, staffed in part by own officers.
  const ev = await call(ctx, 'events.create', { name: 'Zomerfestival (200 diensten)', place: 'Strand', start: `${lastYear}-06-01T08:00`, end: `${lastYear}-09-10T00:00`, risk: 'C' });
  for (let i = 0; i < 200; i++) {
    const day = new Date(Date.UTC(lastYear, 5, 1 + Math.floor(i / 2))).toISOString().slice(0, 10);
    await call(ctx, 'shifts.create', { eventId: ev.id, start: `${day}T${i % 2 ? '16:00' : '08:00'}`, end: `${day}T${i % 2 ? '23:30' : '16:00'}`, role: 'toezicht', needed: 4, inPairs: true });
  }
  t = performance.now();
  await call(ctx, 'events.plan', { id: ev.id });
  const planMs = performance.now() - t;

  const host = await startHost({ ctx, rendererDir: RENDERER_DIR });
  const found = findChromium();
  const browser = await chromium.launch({ ...(found.executablePath ? { executablePath: found.executablePath } : {}), args: ['--headless', '--no-sandbox', '--disable-gpu', '--lang=nl-NL'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  // A fixed clock for Date only: Playwright's page.clock would also stop performance.now(), which the
  // measures are read from.
  // (A script as text: the bundler would put its own helpers into a function, which the page does not have.)
  await page.addInitScript(`{
    const RealDate = Date;
    const fixed = ${clock.getTime()};
    class FixedDate extends RealDate {
      constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
      static now() { return fixed; }
    }
    globalThis.Date = FixedDate;
  }`);
  const calendar: number[] = [];
  const event: number[] = [];
  try {
    await page.goto(host.url);
    await page.getByRole('heading', { level: 1, name: 'Kalender' }).waitFor();
    for (let i = 0; i < RUNS; i++) {
      // A fresh page each run (on the clock's day, in the first year), then the jump to August of the last
      // year loads that year (about 2000 events).
      await page.goto(`http://127.0.0.1:${host.port}/#/kalender`);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Kalender' }).waitFor();
      await page.getByRole('table').waitFor();
      calendar.push(await nextMeasure(page, 'calendar', () => page.getByLabel('Ga naar datum').fill(jumpTo)));
    }
    for (let i = 0; i < RUNS; i++) {
      event.push(
        await nextMeasure(page, 'event', async () => {
          await page.goto(`http://127.0.0.1:${host.port}/#/evenementen/${ev.id}`);
          await page.reload();
        }),
      );
    }
    await page.getByRole('heading', { level: 2, name: /Diensten \(200 diensten\)/ }).waitFor();
  } finally {
    await browser.close();
    const closing = host.close();
    host.server.closeAllConnections();
    await closing;
    ctx.close();
    if (!process.env.REGIE_BENCH_KEEP) rmSync(root, { recursive: true, force: true });
  }

  const metrics = {
    calendar_month_render_ms: {
      value: round(median(calendar)),
      unit: 'ms',
      target: TARGET_MS,
      runs: calendar.map(round),
      note: `Kalender, augustus ${lastYear}, jaar met ${year.length} evenementen (${scale})`,
    },
    event_200_shifts_render_ms: { value: round(median(event)), unit: 'ms', target: TARGET_MS, runs: event.map(round), note: 'Evenement met 200 diensten' },
    calendar_range_year_api_ms: { value: round(rangeMs), unit: 'ms', note: 'calendar.range over het jaar, in main (ter informatie)' },
    event_plan_api_ms: { value: round(planMs), unit: 'ms', note: 'events.plan met 200 diensten, in main (ter informatie)' },
  };
  console.log(`Regie UI benchmark: data arrival to rendered, median of ${RUNS} runs in Chromium through the host`);
  console.log('metric'.padEnd(28), 'value'.padStart(9), 'unit'.padStart(5), 'target'.padStart(7), '  runs');
  for (const [name, m] of Object.entries(metrics)) {
    console.log(name.padEnd(28), String(m.value).padStart(9), m.unit.padStart(5), String('target' in m ? m.target : '').padStart(7), '  ' + ('runs' in m ? m.runs.join(' ') : ''));
  }
  writeFileSync('bench-ui-results.json', JSON.stringify({ scale, clock: clock.toISOString(), metrics }, null, 2) + '\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
