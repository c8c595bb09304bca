// Contract hours with one decimal (28,8 uur): they travel in plan files as tenths in a late officer field,
// read back the same on every copy, and leave the state digest of officers with whole hours as it was.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hoursFromRecord, hoursToRecord, officerFieldsSchema } from '../../../../shared/domain/officer';
import { recomputeStateHash, rowDigest } from '../../../../main/log/state-hash';
import { regionWerkgebied } from '../../../../shared/domain/gemeenten';
import { HEEMSTEDE, region, ZANDVOORT } from '../exchange/copies';

const boa = (g: string) => ({ domain: 'I' as const, akteValidUntil: '2029-01-01', territory: regionWerkgebied(g), force: [], trafficAppointed: null });
const opsOf = (db: Parameters<typeof recomputeStateHash>[0]) =>
  (db.prepare('SELECT bytes FROM entries ORDER BY rowid').all() as { bytes: Buffer }[]).map((r) => Buffer.from(r.bytes).toString('utf8')).join('\n');

describe('contract hours with one decimal', () => {
  it('maps hours to whole hours plus tenths only when they are not whole', () => {
    expect(hoursToRecord(36)).toEqual({ contractHours: 36, contractTenths: null });
    expect(hoursToRecord(28.8)).toEqual({ contractHours: 29, contractTenths: 288 });
    expect(hoursToRecord(0.4)).toEqual({ contractHours: 0, contractTenths: 4 });
    expect(hoursFromRecord(29, 288)).toBe(28.8);
    expect(hoursFromRecord(36, null)).toBe(36);
    expect(officerFieldsSchema.safeParse({ name: 'A', qualifications: boa('GM0473'), contractHours: 28.8 }).success).toBe(true);
    expect(officerFieldsSchema.safeParse({ name: 'A', qualifications: boa('GM0473'), contractHours: 28.85 }).success).toBe(false);
    expect(officerFieldsSchema.safeParse({ name: 'A', qualifications: boa('GM0473'), contractHours: 60.1 }).success).toBe(false);
  });

  it('keeps the digest of a row without tenths exactly as before the field existed', () => {
    const old = ['GM0473.of.abcdefghij012345', 'GM0473', 1, 'Anna', '{"domain":"I"}', 36, 1];
    const before = BigInt(
      '0x' +
        createHash('sha256')
          .update(`officers\n${JSON.stringify(old)}`)
          .digest('hex'),
    );
    expect(rowDigest('officers', [...old, null])).toBe(before);
    expect(rowDigest('officers', [...old, 360])).not.toBe(before);
  });

  it('travels to a partner as 28,8 and back to whole hours without the copies drifting apart', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const whole = await z.call('officers.create', { name: 'Anna Visser', qualifications: boa(z.gemeente), contractHours: 36 });
    const part = await z.call('officers.create', { name: 'Bram de Boer', qualifications: boa(z.gemeente), contractHours: 28.8 });
    const bodies = opsOf(z.ctx.db());
    // Whole hours are written as before: an older copy reads that entry.
    expect(bodies.split('\n').find((b) => b.includes('Anna Visser'))).not.toContain('contractTenths');
    expect(bodies.split('\n').find((b) => b.includes('Bram de Boer'))).toContain('"contractTenths":288');
    expect((await z.call('officers.get', { id: part.id })).contractHours).toBe(28.8);

    await h.importFile(await z.exportTo([h]));
    const seen = await h.call('officers.list', { employer: z.gemeente });
    expect(seen.map((o) => [o.name, o.contractHours])).toEqual([
      ['Anna Visser', 36],
      ['Bram de Boer', 28.8],
    ]);
    expect(await h.hash()).toBe(await z.hash());

    await z.call('officers.update', { id: part.id, fields: { name: 'Bram de Boer', qualifications: boa(z.gemeente), contractHours: 32 } });
    await z.call('officers.update', { id: whole.id, fields: { name: 'Anna Visser', qualifications: boa(z.gemeente), contractHours: 30.5 } });
    await h.importFile(await z.exportTo([h]));
    const after = await h.call('officers.list', { employer: z.gemeente });
    expect(after.map((o) => o.contractHours)).toEqual([30.5, 32]);
    expect(await h.hash()).toBe(await z.hash());
    expect(recomputeStateHash(h.ctx.db())).toBe(await h.hash());
    const row = h.ctx.db().prepare('SELECT contract_hours, contract_tenths FROM officers WHERE id = ?').get(part.id);
    expect(row).toEqual({ contract_hours: 32, contract_tenths: null });
  });
});
