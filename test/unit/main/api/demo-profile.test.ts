// The voorbeeldregio: its own database and identity beside the real one, something on every screen, no plan
// file or backup out of it, and removed in one step with the real database untouched byte for byte.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '../../../../shared/api/contract';
import { dispatch } from '../../../../main/api/dispatch';
import { DEMO_DIR, PROFILE_FILE } from '../../../../main/session/profile';
import { demoPartners } from '../../../../main/generate/demo-plan';
import { newContext, tempDir } from '../../helpers';

async function ok<T>(p: Promise<Envelope<unknown>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

function day(offset: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

describe('the voorbeeldregio', () => {
  it('lives in its own folder, fills every screen, refuses plan files and backups, and goes in one step', async () => {
    const dir = tempDir();
    // The real database as a first start leaves it: created, no identity yet.
    newContext(dir).close();
    const realBefore = readFileSync(join(dir, 'regie.db'));
    const realFilesBefore = readdirSync(dir).sort();

    const ctx = newContext(dir, 'host');
    const started = await ok<{ identity: { gemeente: string; deviceLabel: string; fingerprint: string }; summary: { partners: string[]; events: number } }>(
      dispatch(ctx, 'setup.startDemo', { gemeente: 'GM0473', deviceLabel: 'Laptop coördinator' }),
    );
    expect(started.identity.deviceLabel).toBe('Demo Zandvoort (Laptop coördinator)');
    expect(started.summary.partners).toEqual(['GM0397', 'GM0377']);
    expect(existsSync(join(dir, DEMO_DIR, 'regie.db'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, PROFILE_FILE), 'utf8'))).toEqual({ active: 'demo' });
    expect(await ok(dispatch(ctx, 'setup.status', {}))).toMatchObject({ state: 'ready', demo: true, identity: { gemeente: 'GM0473' } });

    // Every screen has something: the Kalender around today, requests both ways, a convenant in force and one
    // to sign, officers with their private details, absences, a settlement, and one conflict.
    const calendar = await ok<{ host: string }[]>(dispatch(ctx, 'calendar.range', { from: day(-14), to: day(14) }));
    expect(new Set(calendar.map((e) => e.host))).toEqual(new Set(['GM0473', 'GM0397', 'GM0377']));
    const inbox = await ok<{ status: string }[]>(dispatch(ctx, 'requests.list', { direction: 'in' }));
    expect(inbox.some((r) => r.status === 'open')).toBe(true);
    expect(inbox.some((r) => r.status !== 'open')).toBe(true);
    const outbox = await ok<{ status: string; host: string; provider: string; escalation: { needed: boolean } }[]>(dispatch(ctx, 'requests.list', { direction: 'out' }));
    const toPartners = outbox.filter((r) => r.provider !== 'GM0473');
    expect(new Set(toPartners.map((r) => r.status))).toEqual(new Set(['open', 'declined', 'committed']));
    expect(toPartners.some((r) => r.escalation.needed)).toBe(true);
    const agreements = await ok<{ signedByAll: boolean }[]>(dispatch(ctx, 'agreements.list', {}));
    expect(agreements.map((a) => a.signedByAll).sort()).toEqual([false, true]);
    const officers = await ok<{ id: string }[]>(dispatch(ctx, 'officers.list', { employer: 'GM0473' }));
    expect(officers).toHaveLength(8);
    expect(await ok(dispatch(ctx, 'officers.get', { id: officers[0]!.id }))).toMatchObject({ phone: expect.stringMatching(/^06-/), boaNumber: expect.stringMatching(/^BOA-/) });
    expect((await ok<unknown[]>(dispatch(ctx, 'absences.list', {}))).length).toBe(2);
    const settlement = await ok<{ lines: unknown[] }>(dispatch(ctx, 'settlement.get', { from: day(-40), to: day(50) }));
    expect(settlement.lines.length).toBeGreaterThan(0);
    const conflicts = await ok<{ kind: string; message: string }[]>(dispatch(ctx, 'conflicts.list', {}));
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'commitment_lapsed', message: expect.stringMatching(/^Dienst geannuleerd door Bloemendaal/) })]);
    expect((await ok<{ trusted: boolean; self: boolean }[]>(dispatch(ctx, 'partners.list', {}))).filter((p) => p.trusted && !p.self)).toHaveLength(2);

    // No plan file for partners and no backup comes out of it; nothing is written.
    const exported = await dispatch(ctx, 'exchange.exportFile', { to: 'all', full: false });
    expect(exported).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/voorbeeldregio.*geen planbestanden/) } });
    const target = join(dir, 'aan-heemstede.regie');
    expect(await dispatch(ctx, 'exchange.export', { to: ['GM0397'], full: true, path: target })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(dir, 'transfer')) ? readdirSync(join(dir, 'transfer')) : []).toEqual([]);
    expect(await dispatch(ctx, 'backups.create', {})).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/geen back-ups/) } });
    // Working in the demo changes only the demo.
    await ok(dispatch(ctx, 'events.create', { name: 'Proef', place: 'Hier', start: `${day(3)}T10:00`, end: `${day(3)}T12:00`, risk: 'A' }));
    ctx.close();

    // A restart opens the demo again, until it is removed.
    const again = newContext(dir, 'host');
    expect(await ok(dispatch(again, 'setup.status', {}))).toMatchObject({ state: 'ready', demo: true });
    expect(await ok(dispatch(again, 'setup.endDemo', {}))).toEqual({ ok: true });
    expect(await ok(dispatch(again, 'setup.status', {}))).toEqual({ state: 'new' });
    expect(await ok(dispatch(again, 'events.list', {}))).toEqual([]);
    expect(existsSync(join(dir, DEMO_DIR))).toBe(false);
    expect(existsSync(join(dir, PROFILE_FILE))).toBe(false);
    expect(await dispatch(again, 'setup.endDemo', {})).toMatchObject({ ok: false, error: { code: 'refused' } });
    again.close();
    expect(readFileSync(join(dir, 'regie.db')).equals(realBefore)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(realFilesBefore);
  });

  it('is only offered before the installation is set up, and leaves a set-up installation alone', async () => {
    const ctx = newContext(tempDir(), 'host');
    await ok(dispatch(ctx, 'setup.init', { gemeente: 'GM0397', deviceLabel: 'Laptop' }));
    expect(await dispatch(ctx, 'setup.startDemo', { gemeente: 'GM0397', deviceLabel: 'Laptop' })).toMatchObject({ ok: false, error: { code: 'already_initialised' } });
    expect(existsSync(join(ctx.dataDir, DEMO_DIR))).toBe(false);
    expect(await ok(dispatch(ctx, 'setup.status', {}))).toMatchObject({ state: 'ready', demo: false, identity: { gemeente: 'GM0397' } });
  });

  it('opens the real database when profile.json is damaged or names a demo that is gone', async () => {
    const dir = tempDir();
    const real = newContext(dir, 'host');
    await ok(dispatch(real, 'setup.init', { gemeente: 'GM0473', deviceLabel: 'Echt' }));
    real.close();
    for (const content of ['{ kapot', JSON.stringify({ active: 'demo' })]) {
      writeFileSync(join(dir, PROFILE_FILE), content);
      const ctx = newContext(dir, 'host');
      expect(await ok(dispatch(ctx, 'setup.status', {}))).toMatchObject({ state: 'ready', demo: false, identity: { deviceLabel: 'Echt' } });
      ctx.close();
    }
  });

  it('can be removed even when its database cannot be read, and the real one opens again', async () => {
    const dir = tempDir();
    const ctx = newContext(dir, 'host');
    await ok(dispatch(ctx, 'setup.startDemo', { gemeente: 'GM0377', deviceLabel: 'Laptop' }));
    ctx.close();
    writeFileSync(join(dir, DEMO_DIR, 'regie.db'), 'geen database '.repeat(400));
    const broken = newContext(dir, 'host');
    expect(await ok(dispatch(broken, 'setup.status', {}))).toMatchObject({ state: 'unavailable', demo: true });
    expect(await ok(dispatch(broken, 'setup.endDemo', {}))).toEqual({ ok: true });
    expect(await ok(dispatch(broken, 'setup.status', {}))).toEqual({ state: 'new' });
    expect(existsSync(join(dir, DEMO_DIR))).toBe(false);
  });

  it('finds two partners in the own veiligheidsregio, the Zuid-Kennemerland ones for its members', () => {
    expect(demoPartners('GM0397')).toEqual(['GM0473', 'GM0377']);
    const utrecht = demoPartners('GM0344');
    expect(utrecht).toHaveLength(2);
    expect(utrecht).not.toContain('GM0344');
  });
});
