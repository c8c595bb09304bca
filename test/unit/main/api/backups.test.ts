// Backups: daily with rotation, by hand, and a restore that gives the device a new key which partners trust
// through its predecessor, so no fork arises and work after the backup comes back from partners.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GP, region, ZANDVOORT, HEEMSTEDE } from '../exchange/copies';
import { createRequire } from 'node:module';
import { backupIfDue, checkBackupFile, createBackup, KEEP_AUTOMATIC, listBackups } from '../../../../main/store/backup';
import { latestVersion, loadMigrations } from '../../../../main/store/db';

describe('backups', () => {
  it('makes one a day and keeps the newest automatic ones', async () => {
    const [z] = await region(ZANDVOORT);
    const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n, 9));
    expect(await backupIfDue(z.ctx.db(), z.ctx.dataDir, day(0))).toBeDefined();
    expect(await backupIfDue(z.ctx.db(), z.ctx.dataDir, new Date(day(0).getTime() + 3600 * 1000))).toBeUndefined();
    for (let n = 1; n <= KEEP_AUTOMATIC + 3; n++) await backupIfDue(z.ctx.db(), z.ctx.dataDir, day(n));
    await createBackup(z.ctx.db(), z.ctx.dataDir, 'handmatig', day(1));
    const list = listBackups(z.ctx.dataDir);
    expect(list.filter((b) => b.kind === 'auto')).toHaveLength(KEEP_AUTOMATIC);
    expect(list.filter((b) => b.kind === 'handmatig')).toHaveLength(1);
    expect(list[0]!.createdAt).toBe(
      day(KEEP_AUTOMATIC + 3)
        .toISOString()
        .replace('.000', ''),
    );
  });

  it('restores a backup with a new key that partners trust, without a fork, and gets later work back', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    await z.call('events.create', GP);
    await h.importFile(await z.exportTo([h]));
    const backup = await z.call('backups.create', {});
    const oldFingerprint = (await z.call('setup.status', {})) as { identity: { fingerprint: string } };
    // After the backup: more work, sent to Heemstede. Then the laptop is restored.
    await z.call('events.create', { ...GP, name: 'Circus Zandvoort' });
    await h.importFile(await z.exportTo([h]));
    const restored = await z.call('backups.restore', { name: backup.name });
    expect(restored.message).toMatch(/nieuwe sleutel/);
    expect(restored.fingerprint).not.toBe(oldFingerprint.identity.fingerprint);
    expect(existsSync(restored.keptAs)).toBe(true);
    expect((await z.call('events.list', {})).map((e) => e.name)).toEqual(['Dutch Grand Prix']);

    // New work is signed with the new key; Heemstede trusts it through the old key's statement.
    await z.call('events.create', { ...GP, name: 'Zandvoort Jazz', risk: 'A' });
    const r = await h.importFile(await z.exportTo([h]));
    expect(r.entries.new).toBe(1);
    expect(h.count('forks')).toBe(0);
    const partners = await h.call('partners.list', {});
    expect(partners.filter((p) => p.gemeente === 'GM0473' && p.trusted)).toHaveLength(2);
    // Heemstede's next file brings back what the old key wrote after the backup.
    await z.importFile(await h.exportTo([z]));
    expect((await z.call('events.list', {})).map((e) => e.name).sort()).toEqual(['Circus Zandvoort', 'Dutch Grand Prix', 'Zandvoort Jazz']);
    expect(await z.hash()).toBe(await h.hash());
  });

  it('refuses a backup that is not intact, and changes nothing', async () => {
    const [z] = await region(ZANDVOORT);
    const b = await z.call('backups.create', {});
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(z.ctx.dataDir, 'back-ups', b.name), Buffer.alloc(10_000, 7));
    const before = await z.hash();
    await expect(z.call('backups.restore', { name: b.name })).rejects.toMatchObject({ code: 'refused', message: expect.stringMatching(/niets gewijzigd/) });
    expect(await z.hash()).toBe(before);
    expect(readdirSync(z.ctx.dataDir).filter((f) => f.startsWith('regie.voor-herstel'))).toEqual([]);
  });

  it('checks a backup with the runtime’s own SQLite module, as the desktop app’s Electron build needs', async () => {
    const [z] = await region(ZANDVOORT);
    const backup = await createBackup(z.ctx.db(), z.ctx.dataDir, 'handmatig', new Date(Date.UTC(2027, 0, 1, 9)));
    const file = join(z.ctx.dataDir, 'back-ups', backup.name);
    const nodeBuild = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    expect(checkBackupFile(file, latestVersion(loadMigrations()), nodeBuild)).toBeUndefined();
    // A module that is not there: the check used it (and says so) instead of silently loading the default one.
    expect(checkBackupFile(file, latestVersion(loadMigrations()), join(z.ctx.dataDir, 'geen', 'better_sqlite3.node'))).toMatch(/kan niet worden gelezen/);
  });
});
