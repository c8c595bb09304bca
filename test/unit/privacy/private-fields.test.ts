// AVG: an officer's phone, BOA number and notes, and the reason of an absence, never leave the device —
// not in a plan file (full or incremental), not in a report (CSV, iCal, PDF), not in what the CLI prints,
// not in the log of entries.
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { tempDir } from '../helpers';
import { Copy, region, ZANDVOORT, HEEMSTEDE } from '../main/exchange/copies';
import { regieProcess } from '../regie-process';

const SECRETS = ['06-98765432', 'BOA-778899', 'Heeft een slechte knie', 'Zwangerschapsverlof tot juni'];

describe('private officer details', () => {
  it('appear in no plan file, command output or entry', async () => {
    const [z, h] = await region(ZANDVOORT, HEEMSTEDE);
    const officer = await z.call('officers.create', {
      name: 'Sanne de Vries',
      qualifications: { domain: 'I', akteValidUntil: '2029-01-01', territory: ['GM0473'], force: ['handboeien'], trafficAppointed: null },
      contractHours: 32,
      phone: SECRETS[0]!,
      boaNumber: SECRETS[1]!,
      notes: SECRETS[2]!,
    });
    await z.call('absences.create', { officerId: officer.id, start: '2027-03-01T00:00', end: '2027-06-01T00:00', reason: SECRETS[3]! });
    await z.call('officers.update', {
      id: officer.id,
      fields: { name: 'Sanne de Vries', qualifications: officer.qualifications, contractHours: 36, active: true, phone: SECRETS[0]!, boaNumber: SECRETS[1]!, notes: SECRETS[2]! },
    });
    await z.call('demo.generate', { seed: 4, scale: 'small' });
    // The own copy does know them (they are useful locally).
    expect(await z.call('officers.get', { id: officer.id })).toMatchObject({ phone: SECRETS[0], boaNumber: SECRETS[1] });

    const texts: string[] = [];
    // Reports: settlement and hours as CSV and data, the officer's shifts as iCal, a briefing roster as PDF text.
    const ev = (await z.call('events.list', {}))[0]!;
    for (const req of [
      { kind: 'hours' as const, format: 'csv' as const, from: '2027-01-01', to: '2027-12-31' },
      { kind: 'settlement' as const, format: 'csv' as const, from: '2027-01-01', to: '2027-12-31' },
      { kind: 'ical-officer' as const, officerId: officer.id },
      { kind: 'ical-event' as const, eventId: ev.id },
    ]) {
      texts.push(Buffer.from((await z.call('reports.file', req)).base64, 'base64').toString('utf8'));
    }
    texts.push(JSON.stringify(await z.call('reports.hours', { from: '2027-01-01', to: '2027-12-31' })));
    // A briefing roster with this officer on it: without the explicit choice, no phone number.
    const party = await z.call('events.create', { name: 'Strandfeest', place: 'Strand', start: '2027-07-10T14:00', end: '2027-07-10T22:00', risk: 'A', status: 'vergund' });
    const onIt = await z.call('shifts.create', { eventId: party.id, start: '2027-07-10T14:00', end: '2027-07-10T22:00', role: 'toezicht', needed: 1, inPairs: false });
    await z.call('shifts.assign', { shiftId: onIt.id, officerIds: [officer.id] });
    const pdf = join(tempDir(), 'rooster.pdf');
    writeFileSync(pdf, Buffer.from((await z.call('reports.file', { kind: 'roster', eventId: party.id })).base64, 'base64'));
    const roster = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(roster).toContain('Sanne de Vries');
    texts.push(roster);
    // Only asked for, for a briefing of one's own officers, does the roster carry it.
    writeFileSync(pdf, Buffer.from((await z.call('reports.file', { kind: 'roster', eventId: party.id, phones: true })).base64, 'base64'));
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain(SECRETS[0]!);
    const full = await z.exportTo([h], { full: true });
    texts.push(gunzipSync(readFileSync(full)).toString('utf8'));
    await h.importFile(full);
    await z.importFile(await h.exportTo([z]));
    await z.call('officers.update', {
      id: officer.id,
      fields: { name: 'Sanne de Vries', qualifications: officer.qualifications, contractHours: 36, active: true, phone: '06-00000001', boaNumber: SECRETS[1]!, notes: SECRETS[2]! },
    });
    texts.push(gunzipSync(readFileSync(await z.exportTo([h]))).toString('utf8'));
    texts.push(...(z.ctx.db().prepare('SELECT bytes FROM entries').all() as { bytes: Buffer }[]).map((r) => r.bytes.toString('utf8')));
    // What the command line prints about shared records and files (its own absences list rightly shows the
    // reason on this device, so it is not among these), and what the partner's copy shows.
    z.ctx.close();
    for (const args of [
      ['call', 'officers.list'],
      ['call', 'audit.get', JSON.stringify({ id: officer.id })],
      ['import', full, '--json'],
      ['verify', full],
    ]) {
      const r = regieProcess(['--data', z.ctx.dataDir, ...args]);
      texts.push(r.stdout, r.stderr);
    }
    const atPartner = new Copy(h.gemeente, h.name, h.ctx.dataDir);
    texts.push(JSON.stringify(await atPartner.call('officers.get', { id: officer.id })), JSON.stringify(await atPartner.call('absences.list', {})));
    texts.push(JSON.stringify(atPartner.ctx.db().prepare('SELECT * FROM officers').all()), JSON.stringify(atPartner.ctx.db().prepare('SELECT * FROM absences').all()));

    const all = texts.join('\n');
    expect(all).toContain('Sanne de Vries'); // the shared part did travel
    for (const secret of SECRETS) expect(all, secret).not.toContain(secret);
  }, 120_000); // Several real `regie` processes: time for a busy CI machine running two files at once.
});
