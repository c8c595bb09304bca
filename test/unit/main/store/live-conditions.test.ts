// What a live assignment is lives in main/store/live.ts only: no other SQL in main/ spells out "not
// withdrawn", "shift not cancelled" or "event not afgelast" itself. And the preview's count of our officers
// on a shift a partner cancels uses those conditions: a withdrawn commitment no longer counts.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { regionWerkgebied } from '../../../../shared/domain/gemeenten';
import { convenantTerms } from '../../../../main/generate/common';
import { region, ZANDVOORT, HEEMSTEDE } from '../exchange/copies';

/** The live conditions as SQL writes them: on an aliased commitment, request or shift, or on an event's status. */
const ALIASED = [/(\b\w+|\$\{\w+\})\.withdrawn\s*=\s*[01]\b/, /(\b(s|sh|shift|shifts)|\$\{\w+\})\.cancelled\s*=\s*[01]\b/, /\bstatus\s*(!=|<>|=)\s*'afgelast'/];
const SPELLED = [...ALIASED, /\b(WHERE|AND|ON)\s+withdrawn\s*=\s*[01]\b/i];

describe('the live-assignment conditions', () => {
  it('are spelled out in SQL only in main/store/live.ts', () => {
    const files = execFileSync('git', ['ls-files', 'main'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.endsWith('.ts') && f !== 'main/store/live.ts');
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (SPELLED.some((re) => re.test(line)) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
    // The patterns do find the conditions where they are written.
    const live = readFileSync('main/store/live.ts', 'utf8');
    expect(ALIASED.filter((re) => !re.test(live))).toEqual([]);
  });

  it('count our committed officers in the preview of a file that cancels the shift, withdrawn ones not', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const a = await z.call('agreements.propose', convenantTerms([z.gemeente, h.gemeente], 2027));
    await h.importFile(await z.exportTo([h]));
    await h.call('agreements.sign', { id: a.id, contentHash: a.contentHash });
    await z.importFile(await h.exportTo([z]));
    const ev = await z.call('events.create', { name: 'Strandfeest', place: 'Zandvoort', start: '2027-07-10T10:00', end: '2027-07-10T23:00', risk: 'B' });
    const shift = await z.call('shifts.create', { eventId: ev.id, start: '2027-07-10T14:00', end: '2027-07-10T22:00', role: 'toezicht', needed: 4 });
    const request = await z.call('requests.create', { shiftId: shift.id, provider: h.gemeente, agreementId: a.id, count: 3 });
    await h.importFile(await z.exportTo([h]));
    const qualifications = { domain: 'I' as const, akteValidUntil: '2029-01-01', territory: regionWerkgebied(h.gemeente), force: ['handboeien' as const], trafficAppointed: null };
    const team = [];
    for (const name of ['Sanne de Vries', 'Daan Jansen', 'Bram Smit']) team.push(await h.call('officers.create', { name, qualifications, contractHours: 36 }));
    const done = await h.call('requests.commit', { id: request.id, officerIds: team.map((o) => o.id) });
    await h.call('commitments.withdraw', { id: done.committed[2]! });
    await z.importFile(await h.exportTo([z]));

    await z.call('shifts.cancel', { id: shift.id });
    const preview = await h.call('exchange.preview', { path: await z.exportTo([h]) });
    expect(preview.facts?.filter((f) => f.kind === 'shift.cancelled').map((f) => f.ownCommitted)).toEqual([2]);
  });
});
