// A partner installation inside the test worker (its own data folder and SQLite file, the real handler
// table), trusted by the host under test, exchanging real plan files with it; plus the Grand Prix scenario
// (SCENARIOS.md 2) between Zandvoort (the partner) and Heemstede (the host the browser shows), and axe.
import { regionWerkgebied } from '../../shared/domain/gemeenten';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import { AppContext } from '../../main/session/context';
import { dispatch } from '../../main/api/dispatch';
import type { Regie } from './fixtures';

export const HEEMSTEDE = 'GM0397';
export const ZANDVOORT = 'GM0473';

export class Partner {
  readonly dir = mkdtempSync(join(tmpdir(), 'regie-e2e-partner-'));
  readonly ctx = new AppContext(this.dir, 'cli', 'e2e');
  constructor(readonly gemeente: string) {}

  async call<K extends MethodName>(method: K, args: MethodInput<K>): Promise<MethodResult<K>> {
    const r = await dispatch(this.ctx, method, args);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as MethodResult<K>;
  }

  close(): void {
    this.ctx.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function hostCall<K extends MethodName>(regie: Regie, method: K, args: MethodInput<K>): Promise<MethodResult<K>> {
  const r = await regie.call(method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

export { hostCall };

/** Host and partner each trust the other's device, as after comparing fingerprints by phone. */
export async function trustEachOther(regie: Regie, partner: Partner): Promise<void> {
  const partnerCard = (await partner.call('identity.card', {})).content;
  const pInfo = await hostCall(regie, 'partners.inspectCard', { content: partnerCard });
  await hostCall(regie, 'partners.trust', { content: partnerCard, fingerprint: pInfo.fingerprint });
  const hostCard = (await hostCall(regie, 'identity.card', {})).content;
  const hInfo = await partner.call('partners.inspectCard', { content: hostCard });
  await partner.call('partners.trust', { content: hostCard, fingerprint: hInfo.fingerprint });
}

/** The partner writes a plan file; the host takes it as the browser does (upload to /files) and imports it. */
export async function partnerSends(partner: Partner, regie: Regie): Promise<void> {
  const path = join(partner.dir, `aan-host-${Date.now()}-${Math.random().toString(36).slice(2)}.regie`);
  await partner.call('exchange.export', { to: [HEEMSTEDE], path });
  const res = await fetch(`${regie.origin()}/files`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${regie.token()}`, 'Content-Type': 'application/octet-stream' },
    body: readFileSync(path),
  });
  const uploaded = (await res.json()) as { ok: boolean; value: { fileId: string } };
  if (!uploaded.ok) throw new Error('upload refused');
  await hostCall(regie, 'exchange.importFile', { fileId: uploaded.value.fileId });
}

/** The host writes a plan file for the partner (a browser download from /files), which the partner imports. */
export async function hostSends(regie: Regie, partner: Partner): Promise<void> {
  const made = await hostCall(regie, 'exchange.exportFile', { to: [partner.gemeente] });
  const res = await fetch(`${regie.origin()}/files/${made.fileId}`, { headers: { Authorization: `Bearer ${regie.token()}` } });
  if (!res.ok) throw new Error(`download refused: ${res.status}`);
  const path = join(partner.dir, made.fileName);
  writeFileSync(path, Buffer.from(await res.arrayBuffer()));
  await partner.call('exchange.import', { path });
}

/** An akte for Domein I whose werkgebied is the gemeente's veiligheidsregio (Heemstede lends to Zandvoort). */
export const qualified = (gemeente: string, akteValidUntil = '2029-01-01') => ({
  domain: 'I' as const,
  akteValidUntil,
  territory: regionWerkgebied(gemeente),
  force: ['handboeien' as const],
  trafficAppointed: null,
});

export async function hostOfficer(regie: Regie, name: string, akteValidUntil?: string) {
  return hostCall(regie, 'officers.create', { name, qualifications: qualified(HEEMSTEDE, akteValidUntil), contractHours: 36 });
}

export interface GrandPrix {
  zandvoort: Partner;
  agreementId: string;
  eventId: string;
  satLate: { id: string };
  sunEarly: { id: string };
  sunLate: { id: string };
  reqSatLate: { id: string };
  reqSunEarly: { id: string };
  reqSunLate: { id: string };
  /** With `night`: Friday's night shift 23:00-07:00 and its request. */
  friNight?: { id: string };
  reqFriNight?: { id: string };
}

/**
 * Scenario 2 up to Heemstede's inbox: the convenant signed by both, Zandvoort's Grand Prix with Saturday's late
 * shift (16:00-00:30) and Sunday's early (10:00-18:00) and late ones, 2 officers asked of Heemstede for each.
 */
export async function grandPrix(regie: Regie, options: { count?: number; night?: boolean } = {}): Promise<GrandPrix> {
  const z = new Partner(ZANDVOORT);
  await z.call('setup.init', { gemeente: ZANDVOORT, deviceLabel: 'Laptop Zandvoort' });
  await trustEachOther(regie, z);
  const terms = {
    title: 'Convenant handhaving evenementen 2027',
    parties: [HEEMSTEDE, ZANDVOORT],
    start: '2027-01-01',
    end: '2027-12-31',
    providers: Object.fromEntries([HEEMSTEDE, ZANDVOORT].map((g) => [g, { model: 'tariff' as const, hourlyCents: 6800, surcharges: { evening: 20, night: 40, weekend: 70, holiday: 100 } }])),
    capHoursPerMonth: 120,
    mandate: { maxOfficers: 4, maxHours: null, escalateTo: 'teamleider handhaving' },
  };
  const agreement = await z.call('agreements.propose', terms);
  await partnerSends(z, regie);
  await hostCall(regie, 'agreements.sign', { id: agreement.id, contentHash: agreement.contentHash });
  await hostSends(regie, z);
  const ev = await z.call('events.create', {
    name: 'Dutch Grand Prix',
    place: 'Circuit Zandvoort / boulevard',
    start: '2027-08-27T10:00',
    end: '2027-08-30T00:30',
    risk: 'C',
    visitors: 105000,
    status: 'vergund',
  });
  const shift = (start: string, end: string) => z.call('shifts.create', { eventId: ev.id, start, end, role: 'toezicht', needed: 12, inPairs: false });
  const satLate = await shift('2027-08-28T16:00', '2027-08-29T00:30');
  const sunEarly = await shift('2027-08-29T10:00', '2027-08-29T18:00');
  const sunLate = await shift('2027-08-29T16:00', '2027-08-30T00:30');
  const count = options.count ?? 2;
  const ask = (shiftId: string) => z.call('requests.create', { shiftId, provider: HEEMSTEDE, agreementId: agreement.id, count });
  const reqSatLate = await ask(satLate.id);
  const reqSunEarly = await ask(sunEarly.id);
  const reqSunLate = await ask(sunLate.id);
  const friNight = options.night ? await shift('2027-08-27T23:00', '2027-08-28T07:00') : undefined;
  const reqFriNight = friNight ? await ask(friNight.id) : undefined;
  await partnerSends(z, regie);
  return { zandvoort: z, agreementId: agreement.id, eventId: ev.id, satLate, sunEarly, sunLate, reqSatLate, reqSunEarly, reqSunLate, ...(friNight && reqFriNight ? { friNight, reqFriNight } : {}) };
}

/** axe on the page as it is: serious or critical violations, in words, so a failure says what is wrong. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens the app through the host's link (which carries the session token), then goes to `path` in it. */
export async function openAt(page: Page, url: string, path: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
  await page.evaluate((p) => {
    location.hash = `#${p}`;
  }, path);
}
