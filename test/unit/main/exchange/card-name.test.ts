// An identity card's file name keeps the device's own letters (ö, é), so "Laptop coördinator" stays readable.
import { describe, expect, it } from 'vitest';
import { Copy } from './copies';

describe('identity card file name', () => {
  it('keeps letters like ö and replaces only what a file name cannot hold', async () => {
    const c = await new Copy('GM0473', 'Zandvoort').init('Laptop coördinator / Noëlle');
    expect((await c.call('identity.card', {})).fileName).toBe('regie-kaart-Zandvoort-Laptop-coördinator-Noëlle.json');
  });
});

describe('plan file names', () => {
  it('keep letters like â and differ per export, also within one minute', async () => {
    const { suggestedPlanFileName } = await import('../../../../main/exchange/outbox');
    const { TransferFiles, safeDownloadName } = await import('../../../../main/exchange/transfer');
    const { tempDir } = await import('../../helpers');
    // Súdwest-Fryslân (GM1900) sends to Zandvoort, at 9:30 Dutch time in winter.
    const name = suggestedPlanFileName('GM1900', ['GM0473'], new Date('2026-12-05T08:30:00Z'));
    expect(name).toBe('regie-Súdwest-Fryslân-aan-Zandvoort-2026-12-05-0930.regie');
    expect(safeDownloadName(name)).toBe(name);
    expect(safeDownloadName('../Noördwijk: "plan"')).toBe('Noördwijk-plan-.regie'.replace('-.regie', '.regie'));
    const files = new TransferFiles(tempDir());
    const first = await files.newDownload(name);
    await files.discard(first.fileId);
    const second = await files.newDownload(name);
    const third = await files.newDownload(name);
    expect([first.name, second.name, third.name]).toEqual([name, name.replace('.regie', '-2.regie'), name.replace('.regie', '-3.regie')]);
  });
});
