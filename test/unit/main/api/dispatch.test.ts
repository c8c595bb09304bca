import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch } from '../../../../main/api/dispatch';
import { GRAND_PRIX, newContext, tempDir } from '../../helpers';
import type { EventRecord } from '../../../../shared/domain/event';

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('api dispatch', () => {
  it('walks the first slice: set up, create, edit and list events that survive a restart', async () => {
    const dir = tempDir();
    const ctx = newContext(dir);
    expect(await ok(dispatch(ctx, 'setup.status', {}))).toEqual({ state: 'new' });
    const me = await ok<{ gemeenteName: string; fingerprint: string }>(dispatch(ctx, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop Marieke' }));
    expect(me.gemeenteName).toBe('Zandvoort');
    const ev = await ok<EventRecord>(dispatch(ctx, 'events.create', GRAND_PRIX));
    expect(ev).toMatchObject({ ...GRAND_PRIX, host: 'GM0473', status: 'concept' });
    await ok(dispatch(ctx, 'events.update', { id: ev.id, fields: { ...GRAND_PRIX, risk: 'B', visitors: 105000 } }));
    ctx.close();

    const again = newContext(dir);
    const status = await ok<{ state: string; identity: { fingerprint: string } }>(dispatch(again, 'setup.status', {}));
    expect(status.identity.fingerprint).toBe(me.fingerprint);
    const list = await ok<EventRecord[]>(dispatch(again, 'events.list', {}));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'Dutch Grand Prix', risk: 'B', visitors: 105000 });
  });

  it('refuses unknown methods and wrong argument types with {code, message}', async () => {
    const ctx = newContext();
    expect(await dispatch(ctx, 'events.delete', {})).toEqual({ ok: false, error: { code: 'unknown_method', message: expect.stringContaining('events.delete') } });
    const wrong = await dispatch(ctx, 'events.get', { id: 42 });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const extra = await dispatch(ctx, 'setup.status', { surprise: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('refuses an invalid event in main too, naming each field, and stores nothing', async () => {
    const ctx = newContext();
    await ok(dispatch(ctx, 'setup.init', { gemeente: 'GM0397', deviceLabel: 'Heemstede 1' }));
    const r = await dispatch(ctx, 'events.create', { ...GRAND_PRIX, name: '', end: '2027-08-26T20:00', risk: 'X' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_argument');
    expect(r.error.issues?.map((i) => i.path).sort()).toEqual(['end', 'name', 'risk']);
    expect(r.error.message).toContain('Het einde moet na het begin liggen.');
    expect(await ok(dispatch(ctx, 'events.list', {}))).toEqual([]);
  });

  it('asks for the first-run choice before anything is written', async () => {
    const ctx = newContext();
    expect(await dispatch(ctx, 'events.create', GRAND_PRIX)).toMatchObject({ ok: false, error: { code: 'not_initialised' } });
    expect(await dispatch(ctx, 'setup.init', { gemeente: 'GM9999', deviceLabel: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('does not hand out a second identity', async () => {
    const ctx = newContext();
    await ok(dispatch(ctx, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'A' }));
    expect(await dispatch(ctx, 'setup.init', { gemeente: 'GM0397', deviceLabel: 'B' })).toMatchObject({ ok: false, error: { code: 'already_initialised' } });
  });

  it('offers to move a corrupt database aside, keeps the file, and starts fresh', async () => {
    const dir = tempDir();
    const garbage = Buffer.from('dit is geen database '.repeat(500));
    writeFileSync(join(dir, 'regie.db'), garbage);
    const ctx = newContext(dir);
    const status = await ok<{ state: string; reason: string; canMoveAside: boolean }>(dispatch(ctx, 'setup.status', {}));
    expect(status).toMatchObject({ state: 'unavailable', reason: 'corrupt', canMoveAside: true });
    expect(await dispatch(ctx, 'events.list', {})).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    const { movedTo } = await ok<{ movedTo: string }>(dispatch(ctx, 'store.moveAside', {}));
    expect(readFileSync(movedTo)).toEqual(garbage);
    expect(await ok(dispatch(ctx, 'setup.status', {}))).toEqual({ state: 'new' });
    expect(readdirSync(dir).filter((f) => f.startsWith('regie.beschadigd-'))).toHaveLength(1);
    expect(existsSync(join(dir, 'regie.db'))).toBe(true);
  });

  it('lets only the host gemeente change its event', async () => {
    const ctx = newContext();
    await ok(dispatch(ctx, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'A' }));
    const ev = await ok<EventRecord>(dispatch(ctx, 'events.create', GRAND_PRIX));
    // Pretend this copy now belongs to Heemstede: the record stays Zandvoort's.
    ctx.db().prepare("UPDATE identity SET gemeente = 'GM0397'").run();
    const r = await dispatch(ctx, 'events.update', { id: ev.id, fields: { ...GRAND_PRIX, name: 'Gekaapt' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('Zandvoort') } });
  });

  it('hides internal failures behind a plain message', async () => {
    const ctx = newContext();
    await ok(dispatch(ctx, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'A' }));
    ctx.db().exec('DROP TABLE events');
    const logged: unknown[] = [];
    const r = await dispatch(ctx, 'events.list', {}, (e) => logged.push(e));
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^Er ging iets mis/) } });
    expect(JSON.stringify(r)).not.toMatch(/at .*\.ts/);
    expect(logged).toHaveLength(1);
  });
});
