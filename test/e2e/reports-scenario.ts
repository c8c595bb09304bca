// The quarter of SCENARIOS.md 4, written into a Regie data folder before its host starts: Zandvoort (the
// folder), Heemstede and Bloemendaal as partner copies in temporary folders, exchanging real plan files.
// Figures (EUR 68/h convenant): Heemstede -> Zandvoort 2 shifts, 16.5 h, EUR 1,526.60; Bloemendaal ->
// Zandvoort 8 h weekend, EUR 924.80; Bloemendaal -> Heemstede 6 h gesloten beurs. Total EUR 2,451.40.
import { regionWerkgebied } from '../../shared/domain/gemeenten';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppContext } from '../../main/session/context';
import { dispatch } from '../../main/api/dispatch';
import { convenantTerms } from '../../main/generate/demo';
import { beursTerms, grandPrix, kermis, signAgreement } from '../fixtures/scenario-4';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';

class Copy {
  readonly ctx: AppContext;
  constructor(
    readonly gemeente: string,
    dir: string,
  ) {
    this.ctx = new AppContext(dir, 'cli', 'e2e');
  }

  async call<K extends MethodName>(name: K, args: MethodInput<K>): Promise<MethodResult<K>> {
    const r = await dispatch(this.ctx, name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as MethodResult<K>;
  }
}

const boa = (territory: string, trafficAppointed: string | null = null) => ({
  domain: 'I' as const,
  akteValidUntil: '2029-01-01',
  territory: regionWerkgebied(territory),
  force: ['handboeien' as const],
  trafficAppointed,
});

export interface ReportIds {
  grandPrix: string;
  sanne: string;
}

export async function writeQuarter(zandvoortDir: string): Promise<ReportIds> {
  const temp = mkdtempSync(join(tmpdir(), 'regie-e2e-partners-'));
  const z = new Copy('GM0473', zandvoortDir);
  const h = new Copy('GM0397', join(temp, 'h'));
  const b = new Copy('GM0377', join(temp, 'b'));
  const all = [z, h, b];
  let n = 0;
  const send = async (from: Copy, ...to: Copy[]) => {
    for (const t of to) {
      const path = join(temp, `file-${n++}.regie`);
      await from.call('exchange.export', { to: [t.gemeente], full: false, path });
      await t.call('exchange.import', { path });
    }
  };
  try {
    await z.call('setup.init', { gemeente: 'GM0473', deviceLabel: 'Laptop coördinator' });
    await h.call('setup.init', { gemeente: 'GM0397', deviceLabel: 'Laptop Heemstede' });
    await b.call('setup.init', { gemeente: 'GM0377', deviceLabel: 'Laptop Bloemendaal' });
    for (const x of all) {
      for (const y of all) {
        if (x === y) continue;
        const content = (await y.call('identity.card', {})).content;
        const info = await x.call('partners.inspectCard', { content });
        await x.call('partners.trust', { content, fingerprint: info.fingerprint });
      }
    }
    const sign = (proposer: Copy, terms: ReturnType<typeof convenantTerms>, others: Copy[]) => signAgreement(proposer, terms, others, send);
    const convenant = await sign(z, convenantTerms(['GM0473', 'GM0397', 'GM0377'], 2027), [h, b]);
    const beurs = await sign(h, beursTerms('GM0397', 'GM0377'), [b]);

    const { gp, fri, sat, sun } = await grandPrix(z);
    const kees = await z.call('officers.create', { name: 'Kees Bakker', qualifications: boa('GM0473'), contractHours: 36, phone: '06-11112222', boaNumber: '', notes: '' });
    const own = await z.call('requests.create', { shiftId: fri.id, provider: 'GM0473', agreementId: null, count: 1 });
    await z.call('requests.commit', { id: own.id, officerIds: [kees.id] });
    const reqFri = await z.call('requests.create', { shiftId: fri.id, provider: 'GM0397', agreementId: convenant, count: 1 });
    const reqSat = await z.call('requests.create', { shiftId: sat.id, provider: 'GM0397', agreementId: convenant, count: 1 });
    const reqSun = await z.call('requests.create', { shiftId: sun.id, provider: 'GM0377', agreementId: convenant, count: 1 });
    const { shift: kermisShift } = await kermis(h);
    const reqKermis = await h.call('requests.create', { shiftId: kermisShift.id, provider: 'GM0377', agreementId: beurs, count: 1 });
    await send(z, h, b);
    await send(h, b);
    const sanne = await h.call('officers.create', { name: 'Sanne de Vries', qualifications: boa('GM0397'), contractHours: 36, phone: '06-33334444', boaNumber: '', notes: '' });
    const rene = await h.call('officers.create', { name: 'René Jansen', qualifications: boa('GM0397'), contractHours: 36, phone: '', boaNumber: '', notes: '' });
    await h.call('requests.commit', { id: reqFri.id, officerIds: [sanne.id] });
    await h.call('requests.commit', { id: reqSat.id, officerIds: [rene.id] });
    const noelle = await b.call('officers.create', { name: 'Noëlle Mulder', qualifications: boa('GM0377', '2027-03-01'), contractHours: 36, phone: '', boaNumber: '', notes: '' });
    const lotte = await b.call('officers.create', { name: 'Lotte Meijer', qualifications: boa('GM0377'), contractHours: 36, phone: '', boaNumber: '', notes: '' });
    await b.call('requests.commit', { id: reqSun.id, officerIds: [noelle.id] });
    await b.call('requests.commit', { id: reqKermis.id, officerIds: [lotte.id] });
    await send(h, z);
    await send(b, z);
    return { grandPrix: gp.id, sanne: sanne.id };
  } finally {
    for (const c of all) c.ctx.close();
    rmSync(temp, { recursive: true, force: true });
  }
}
