// A large plan file is applied on a worker thread with its own connection: the app keeps answering calls
// (and a change made meanwhile waits and is kept), the progress is there to show, and the result is the same
// as applying the file on the main thread.
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../main/api/dispatch';
import type { Copy } from './copies';
import { BLOEMENDAAL, HEEMSTEDE, region, ZANDVOORT } from './copies';

const SETTING = 'REGIE_BACKGROUND_IMPORT_BYTES';

async function busyZandvoort(events: number): Promise<{ zandvoort: Copy; heemstede: Copy; bloemendaal: Copy; path: string }> {
  const [zandvoort, heemstede, bloemendaal] = await region(ZANDVOORT, HEEMSTEDE, BLOEMENDAAL);
  for (let i = 0; i < events; i++) {
    const day = `2027-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    await zandvoort.call('events.create', { name: `Evenement ${i}`, place: 'Boulevard', start: `${day}T10:00`, end: `${day}T18:00`, risk: 'A' });
  }
  return { zandvoort, heemstede, bloemendaal, path: await zandvoort.exportTo('all') };
}

afterEach(() => {
  delete process.env[SETTING];
});

describe('a large plan file applied in the background', () => {
  it('answers other calls before the import is done, shows progress, and ends where a main-thread import ends', async () => {
    const { zandvoort, heemstede, bloemendaal, path } = await busyZandvoort(800);

    // Bloemendaal applies the file on the main thread, as small files are.
    process.env[SETTING] = String(1024 * 1024 * 1024);
    const onMain = await bloemendaal.importFile(path);
    expect(onMain.entries.new).toBe(800);

    // Heemstede applies it in the background: the preview counted what it brings.
    process.env[SETTING] = '0';
    const preview = await heemstede.call('exchange.preview', { path });
    expect(preview.entries.new).toBe(800);
    let finished = false;
    const importing = heemstede.importFile(path).finally(() => (finished = true));
    // Meanwhile the window asks things, and gets its answers while the file is still being applied.
    const status = await dispatch(heemstede.ctx, 'setup.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'ready' } });
    const progress = await heemstede.call('import.progress', {});
    expect(finished).toBe(false);
    expect(progress.active).toMatchObject({ total: 800 });
    expect(progress.active!.done).toBeLessThanOrEqual(800);
    // What the main thread shows before the worker commits is the state before the file.
    expect((await heemstede.call('events.list', {})).length).toBe(0);

    const inBackground = await importing;
    expect(inBackground.applied).toBe(true);
    expect(inBackground.entries.new).toBe(800);
    expect((await heemstede.call('import.progress', {})).active).toBeNull();
    // The main thread sees the import at once (the state hash, and the screens built on it).
    expect(await heemstede.hash()).toBe(await bloemendaal.hash());
    expect(await heemstede.hash()).toBe(await zandvoort.hash());
    expect((await heemstede.call('events.list', {})).length).toBe(800);
    // The same file again is a replay, refused the same way as on the main thread.
    await expect(heemstede.importFile(path)).rejects.toMatchObject({ code: 'already_imported' });
  }, 180_000);

  it('answers once the import is committed, and then folds the write-ahead log into the database file', async () => {
    const { heemstede, path } = await busyZandvoort(400);
    const file = heemstede.ctx.dbFile;
    const before = statSync(file).size;
    process.env[SETTING] = '0';
    const applied = await heemstede.importFile(path);
    expect(applied.entries.new).toBe(400);
    // Committed when the answer comes: the main connection reads it (from the log, until it is folded in).
    expect((await heemstede.call('events.list', {})).length).toBe(400);
    // The worker folds the log into the file after answering; no write on this side is needed for that.
    for (let i = 0; i < 600 && statSync(file).size <= before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(statSync(file).size).toBeGreaterThan(before);
  }, 180_000);

  it('keeps a change made on the main thread during the import: it waits for the lock, and is not refused', async () => {
    const { heemstede, path } = await busyZandvoort(600);
    process.env[SETTING] = '0';
    const importing = heemstede.importFile(path);
    // Give the worker time to start and take the write lock, then change something here.
    for (let i = 0; i < 3000 && (await heemstede.call('import.progress', {})).active?.done === 0; i++) await new Promise((r) => setTimeout(r, 10));
    // The worker is storing entries (inside its transaction) when the change is made.
    expect((await heemstede.call('import.progress', {})).active?.done).toBeGreaterThan(0);
    const created = await heemstede.call('events.create', { name: 'Eigen evenement', place: 'Raadhuisplein', start: '2027-05-01T10:00', end: '2027-05-01T16:00', risk: 'A' });
    const applied = await importing;
    expect(applied.entries.new).toBe(600);
    const names = (await heemstede.call('events.list', {})).map((e) => e.name);
    expect(names).toContain('Eigen evenement');
    expect(names.length).toBe(601);
    expect(created.id).toBeTruthy();
  }, 180_000);
});
