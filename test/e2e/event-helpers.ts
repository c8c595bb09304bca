// Arranging plans for the Kalender and Evenement tests through the api: a partner installation in the test
// worker (real SQLite, real plan files) that trusts the host under test, and own staffing.
import { regionWerkgebied } from '../../shared/domain/gemeenten';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import { AppContext } from '../../main/session/context';
import { dispatch } from '../../main/api/dispatch';
import { convenantTerms } from '../../main/generate/demo';
import type { Regie } from './fixtures';

type Call = <K extends MethodName>(name: K, args: MethodInput<K>) => Promise<MethodResult<K>>;

/** The host under test's api, throwing on a refusal so arranging code stays short. */
export function hostApi(regie: Regie): Call {
  return async (name, args) => {
    const r = await regie.call(name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
}

/**
 * The host's data folder opened as its command line would open it (plan files are read and written by path
 * there; the loopback host only offers uploads and downloads to the browser).
 */
function hostCli(regie: Regie) {
  const ctx = new AppContext(regie.dataDir, 'cli', 'e2e');
  const call: Call = async (name, args) => {
    const r = await dispatch(ctx, name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as MethodResult<typeof name>;
  };
  return { gemeente: ctx.me().gemeente, call, close: () => ctx.close() };
}

/** A second installation (another gemeente) inside the test worker, trusted by and trusting the host. */
export class Partner {
  readonly dir = mkdtempSync(join(tmpdir(), 'regie-e2e-partner-'));
  readonly ctx = new AppContext(join(this.dir, 'data'), 'cli', 'e2e');

  constructor(readonly gemeente: string) {}

  readonly call: Call = async (name, args) => {
    const r = await dispatch(this.ctx, name, args);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as MethodResult<typeof name>;
  };

  async init(host: Call): Promise<this> {
    await this.call('setup.init', { gemeente: this.gemeente, deviceLabel: 'Laptop partner' });
    const mine = (await this.call('identity.card', {})).content;
    const theirs = (await host('identity.card', {})).content;
    await host('partners.trust', { content: mine, fingerprint: (await host('partners.inspectCard', { content: mine })).fingerprint });
    await this.call('partners.trust', { content: theirs, fingerprint: (await this.call('partners.inspectCard', { content: theirs })).fingerprint });
    return this;
  }

  /** Our changes as a plan file, imported by the host (as its command line would, on the same data folder). */
  async sendTo(regie: Regie): Promise<void> {
    const path = join(this.dir, `naar-${Date.now()}.regie`);
    const host = hostCli(regie);
    try {
      await this.call('exchange.export', { to: [host.gemeente], path });
      await host.call('exchange.import', { path });
    } finally {
      host.close();
    }
  }

  /** The host's changes as a plan file, imported here. */
  async receiveFrom(regie: Regie): Promise<void> {
    const path = join(this.dir, `van-${Date.now()}.regie`);
    const host = hostCli(regie);
    try {
      await host.call('exchange.export', { to: [this.gemeente], path });
    } finally {
      host.close();
    }
    await this.call('exchange.import', { path });
  }

  close(): void {
    this.ctx.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Scenario 1's convenant between the host and the partner, signed by both and known to both. */
export async function convenant(regie: Regie, hostGemeente: string, partner: Partner): Promise<string> {
  const a = await hostApi(regie)('agreements.propose', convenantTerms([hostGemeente, partner.gemeente], 2027));
  await partner.receiveFrom(regie);
  await partner.call('agreements.sign', { id: a.id, contentHash: a.contentHash });
  await partner.sendTo(regie);
  return a.id;
}

export const boa = (territory: string[]) => ({ domain: 'I' as const, akteValidUntil: '2029-01-01', territory, force: ['handboeien' as const], trafficAppointed: null });

/** Own officers committed to a shift through a request to oneself (eigen inzet). */
export async function staffOwn(call: Call, gemeente: string, shiftId: string, names: string[]): Promise<void> {
  const officers = [];
  for (const name of names) officers.push(await call('officers.create', { name, qualifications: boa(regionWerkgebied(gemeente)), contractHours: 36 }));
  const request = await call('requests.create', { shiftId, provider: gemeente, count: names.length });
  await call('requests.commit', { id: request.id, officerIds: officers.map((o) => o.id) });
}

/** axe-core on the page as it is: the serious and critical WCAG 2.1 AA violations, in words. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
