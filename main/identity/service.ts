// The gemeente identity as the api offers it: the gemeente key and this gemeente's devices, adding a laptop
// (join request, approval with a certificate and the gemeente's plan, install), revoking a laptop,
// exporting, importing and rotating the gemeente key, and partners grouped per gemeente.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import { canonicalJson, parseJsonStrict } from '../log/canonical';
import { fingerprint, generateDeviceKeys, isPublicKey, Signer, verifySignature } from '../log/identity';
import { createIdentity, readIdentity, type LocalIdentity } from '../log/log';
import { stateHash } from '../log/state-hash';
import { ApiError } from '../../shared/api/errors';
import { keyedError } from '../../shared/i18n/error-messages';
import { GEMEENTE_CODE, findGemeente, gemeenteName } from '../../shared/domain/gemeenten';
import { shown } from '../../shared/text/shown';
import type {
  GemeenteDevice,
  GemeenteKeyInfo,
  InstallResult,
  JoinRequestFile,
  JoinRequestInfo,
  PartnerGemeente,
  RevocationPreview,
  RevocationReason,
  RevokeResult,
  RotateResult,
  UndoneEntry,
} from '../../shared/api/identity';
import { PlanFileError } from '../exchange/format';
import { plural } from '../../shared/i18n/plural';
import { listPartners, previewImport, exportPlan } from '../exchange/service';
import { openPlanFile } from '../exchange/read';
import { isSelfConsistent, signAttestation, type Attestation, type PartnerRootsBody } from '../exchange/trust/attestations';
import {
  addAttestations,
  certify,
  clearJoinPending,
  currentKey,
  gemeenteKeyRow,
  joinPending,
  markJoinPending,
  ownGemeenteKey,
  readRoots,
  revocationsOf,
  setRoot,
  storeGemeenteKey,
  syncTrust,
  trustView,
} from '../exchange/trust/store';
import { appliedPastCutoff, wallOf } from '../exchange/trust/rollback';
import { applyTrustChange } from '../exchange/trust/import';
import { openKey, parseKeyFile, sealKey } from '../exchange/trust/keyfile';
import { REASON_WORDS } from '../exchange/trust/words';
import { lazySchema } from '../../shared/domain/lazy-schema';

const norm = (s: string) => s.replace(/\s+/g, '');
const safe = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

export function gemeenteKeyInfo(db: Db, me: LocalIdentity): GemeenteKeyInfo {
  const view = trustView(db);
  const chain = view.chains.get(me.gemeente) ?? [];
  const current = chain.at(-1)?.key ?? null;
  const row = current ? gemeenteKeyRow(db, current) : undefined;
  return {
    gemeente: me.gemeente,
    gemeenteName: gemeenteName(me.gemeente),
    publicKey: current,
    fingerprint: current ? fingerprint(current) : null,
    holdsKey: row?.privateKey != null,
    created: row?.createdAt ?? null,
    previous: chain.slice(0, -1).map((c) => ({ publicKey: c.key, fingerprint: fingerprint(c.key) })),
  };
}

function lastEntry(db: Db, device: string): { seq: number; at: string | null } {
  const feed = stmt(db, 'SELECT seq FROM feeds WHERE author = ?').get(device) as { seq: number } | undefined;
  const pending = stmt(db, 'SELECT max(seq) AS seq FROM pending_entries WHERE author = ?').get(device) as { seq: number | null };
  const seq = Math.max(feed?.seq ?? 0, pending.seq ?? 0);
  if (seq === 0) return { seq, at: null };
  const row = (stmt(db, 'SELECT hlc FROM entries WHERE author = ? AND seq = ?').get(device, seq) ?? stmt(db, 'SELECT bytes FROM pending_entries WHERE author = ? AND seq = ?').get(device, seq)) as
    { hlc?: string; bytes?: Buffer } | undefined;
  const hlc = row?.hlc ?? (row?.bytes ? (JSON.parse(row.bytes.toString('utf8')) as { hlc: string }).hlc : undefined);
  return { seq, at: hlc ? wallOf(hlc) || null : null };
}

/** The devices of one gemeente this copy knows (its own gemeente by default). */
export function devicesOf(db: Db, gemeente: string, me?: LocalIdentity): GemeenteDevice[] {
  const view = trustView(db);
  const revoked = revocationsOf(db);
  const rows = stmt(db, 'SELECT public_key AS publicKey, device_label AS label, is_self AS isSelf, added_at AS addedAt FROM authors WHERE gemeente = ? ORDER BY added_at, public_key').all(
    gemeente,
  ) as {
    publicKey: string;
    label: string;
    isSelf: number;
    addedAt: string;
  }[];
  return rows.map((r) => {
    const cert = view.certs.get(r.publicKey);
    const rev = revoked.get(r.publicKey);
    const last = lastEntry(db, r.publicKey);
    return {
      publicKey: r.publicKey,
      label: shown(cert?.label ?? r.label),
      fingerprint: fingerprint(r.publicKey),
      since: cert?.since ?? r.addedAt,
      status: rev ? 'revoked' : r.isSelf === 1 && r.publicKey === me?.publicKey ? 'self' : 'active',
      lastSeq: last.seq,
      lastEntryAt: last.at,
      revocation: rev ? { after: rev.after, reason: rev.reason as RevocationReason, at: rev.at } : null,
      certified: cert !== undefined && cert.gemeente === gemeente,
    };
  });
}

export function listDevices(db: Db, me: LocalIdentity): GemeenteDevice[] {
  return devicesOf(db, me.gemeente, me);
}

/** A device of this gemeente named by its key or its fingerprint. */
function findDevice(db: Db, me: LocalIdentity, ref: string): GemeenteDevice {
  const devices = listDevices(db, me);
  const found = devices.find((d) => d.publicKey === ref.trim() || norm(d.fingerprint) === norm(ref));
  if (!found) {
    throw new ApiError(
      'not_found',
      `Geen apparaat van ${gemeenteName(me.gemeente)} met sleutel of vingerafdruk "${shown(ref.slice(0, 80))}". Bekende apparaten: ${devices.map((d) => `${d.label} (${d.fingerprint})`).join('; ')}. Er is niets gewijzigd.`,
    );
  }
  return found;
}

/** The gemeente key with its private part, or a refusal that says where the key is. */
function heldKey(db: Db, me: LocalIdentity): { publicKey: string; privateKey: string; createdAt: string } {
  const row = ownGemeenteKey(db, me);
  if (!row?.privateKey) {
    throw keyedError('refused', 'identity.key_not_held', { gemeente: gemeenteName(me.gemeente) });
  }
  return { publicKey: row.publicKey, privateKey: row.privateKey, createdAt: row.createdAt };
}

// ---- Join: request, approval, install ----

const requestBody = lazySchema(() =>
  z
    .object({
      type: z.literal('regie-join-request-v1'),
      gemeente: z.string().regex(GEMEENTE_CODE),
      device: z.string().refine(isPublicKey),
      label: z.string().min(1).max(60),
      created: z.string().datetime(),
    })
    .strict(),
);
const requestSchema = lazySchema(() => z.object({ request: requestBody, sig: z.string().regex(/^[A-Za-z0-9_-]{86}$/) }).strict());
type JoinRequest = z.output<typeof requestSchema>;

export function joinRequest(db: Db, gemeente: string, deviceLabel: string, now = new Date()): JoinRequestFile {
  if (!findGemeente(gemeente)) throw new ApiError('invalid_argument', `Onbekende gemeentecode ${gemeente}.`, [{ path: 'gemeente', key: 'gemeente.unknown' }]);
  let me = readIdentity(db);
  if (me && !(joinPending(db) && me.gemeente === gemeente)) {
    throw new ApiError('already_initialised', 'Deze installatie is al ingericht; een aanvraag om toegevoegd te worden maakt u op een nieuwe laptop. Er is niets gewijzigd.');
  }
  if (!me) {
    me = db.transaction(() => {
      const created = createIdentity(db, gemeente, deviceLabel, now);
      markJoinPending(db);
      return created;
    })();
  }
  const request = { type: 'regie-join-request-v1' as const, gemeente, device: me.publicKey, label: me.deviceLabel, created: me.createdAt };
  const content = JSON.stringify({ request, sig: new Signer(me.privateKey).sign(Buffer.from(canonicalJson(request), 'utf8')) }, null, 2) + '\n';
  return { fileName: `regie-aanvraag-${safe(gemeenteName(gemeente))}-${safe(me.deviceLabel)}.json`, content, fingerprint: fingerprint(me.publicKey) };
}

export function parseJoinRequest(content: string): JoinRequest {
  let json: unknown;
  try {
    json = parseJsonStrict(content);
  } catch {
    throw new PlanFileError('Dit is geen aanvraag van een nieuwe laptop (geen geldige JSON).');
  }
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success) throw new PlanFileError('Dit is geen aanvraag van een nieuwe laptop van Regie (onbekende vorm).');
  if (!verifySignature(parsed.data.request.device, Buffer.from(canonicalJson(parsed.data.request), 'utf8'), parsed.data.sig)) {
    throw new PlanFileError('De handtekening op deze aanvraag klopt niet: de aanvraag is gewijzigd of vervalst.');
  }
  return parsed.data;
}

export function inspectRequest(db: Db, me: LocalIdentity, content: string): JoinRequestInfo {
  const r = parseJoinRequest(content).request;
  const key = ownGemeenteKey(db, me);
  let problem: string | null = null;
  if (r.gemeente !== me.gemeente) {
    problem = `Deze aanvraag is voor ${gemeenteName(r.gemeente)} (${r.gemeente}); deze laptop hoort bij ${gemeenteName(me.gemeente)} en heeft de gemeentesleutel van ${gemeenteName(r.gemeente)} niet. Er is niets gewijzigd.`;
  } else if (!key?.privateKey) {
    problem = `Deze laptop heeft de gemeentesleutel van ${gemeenteName(me.gemeente)} niet. Keur de aanvraag goed op de laptop die de sleutel heeft, of lees de sleutel eerst in. Er is niets gewijzigd.`;
  } else if (r.device === me.publicKey) {
    problem = 'Dit is de aanvraag van deze laptop zelf.';
  }
  const existing = stmt(db, 'SELECT gemeente FROM authors WHERE public_key = ?').get(r.device) as { gemeente: string } | undefined;
  if (!problem && existing && existing.gemeente !== r.gemeente) problem = `Dit apparaat is al bekend als apparaat van ${gemeenteName(existing.gemeente)}. Er is niets gewijzigd.`;
  return {
    gemeente: r.gemeente,
    gemeenteName: gemeenteName(r.gemeente),
    label: shown(r.label),
    publicKey: r.device,
    fingerprint: fingerprint(r.device),
    created: r.created,
    canApprove: problem === null,
    problem,
    alreadyCertified: trustView(db).certs.get(r.device)?.gemeente === r.gemeente,
  };
}

/** Certifies the requesting laptop and writes the plan file it starts with (certificate + the gemeente's full plan). */
export async function approveRequest(db: Db, me: LocalIdentity, content: string, confirmed: string, path: string, now = new Date()) {
  const info = inspectRequest(db, me, content);
  if (!info.canApprove) throw new ApiError('refused', info.problem!);
  if (norm(confirmed) !== norm(info.fingerprint)) {
    throw new ApiError('refused', 'De bevestigde vingerafdruk hoort niet bij deze aanvraag; de laptop is niet toegevoegd. Er is niets gewijzigd.');
  }
  const key = heldKey(db, me);
  const r = parseJoinRequest(content).request;
  db.transaction(() => {
    const cert = certify(key.privateKey, { gemeente: me.gemeente, issuer: key.publicKey, device: r.device, label: r.label, from: now.toISOString() });
    addAttestations(db, [cert], now.toISOString());
    syncTrust(db, undefined, now);
  })();
  // The partners this gemeente trusts go along, signed by the gemeente key: the new laptop starts with the whole plan.
  const view = trustView(db);
  const roots = [...readRoots(db)].filter(([g]) => g !== me.gemeente).map(([g, k]) => ({ gemeente: g, key: k }));
  const loose = stmt(db, 'SELECT public_key AS publicKey, gemeente, device_label AS label FROM authors WHERE trusted = 1 AND is_self = 0 ORDER BY public_key').all() as {
    publicKey: string;
    gemeente: string;
    label: string;
  }[];
  const devices = loose
    .filter((d) => d.publicKey !== r.device && !(view.certs.get(d.publicKey)?.gemeente === d.gemeente && view.chains.has(d.gemeente)))
    .map((d) => ({ ...d, label: d.label.slice(0, 60) || '?' }));
  const partners = signAttestation(key.privateKey, { type: 'regie-partner-roots-v1', gemeente: me.gemeente, issuer: key.publicKey, device: r.device, roots, devices, at: now.toISOString() });
  const summary = await exportPlan(db, me, path, { to: [me.gemeente], full: true, now, extraAttestations: [canonicalJson(partners)] });
  const device = listDevices(db, me).find((d) => d.publicKey === r.device)!;
  return { device, entries: summary.entries, bytes: summary.bytes, path: summary.path };
}

/** On the new laptop: the certificate file makes its gemeente's key its root, and its plan is read in. */
export async function installCertificate(db: Db, me: LocalIdentity, path: string): Promise<InstallResult> {
  const plan = await openPlanFile(resolve(path), me, { keepBytes: false });
  const fromCards = plan.cards.flatMap((c) => (c.cert ? [c.cert] : []));
  const all: Attestation[] = [...plan.attestations, ...fromCards];
  const mine = all.find((a) => a.attestation.type === 'regie-device-cert-v1' && a.attestation.device === me.publicKey);
  if (!mine) {
    throw new PlanFileError('Dit bestand bevat geen certificaat voor deze laptop. Gebruik het bestand dat de andere laptop bij het goedkeuren van uw aanvraag maakte.');
  }
  if (mine.attestation.gemeente !== me.gemeente) {
    throw new PlanFileError(`Het certificaat in dit bestand is voor ${gemeenteName(mine.attestation.gemeente)}, maar deze laptop vroeg toegang tot ${gemeenteName(me.gemeente)}.`);
  }
  const issuer = mine.attestation.issuer;
  const senderCert = all.find((a) => a.attestation.type === 'regie-device-cert-v1' && a.attestation.device === plan.header.from.publicKey && a.attestation.issuer === issuer);
  if (!senderCert) throw new PlanFileError('Het bestand is niet verstuurd door een laptop die dezelfde gemeentesleutel heeft als het certificaat: niet aangenomen.');
  const roots = readRoots(db);
  if (
    roots.has(me.gemeente) &&
    !trustView(db)
      .chains.get(me.gemeente)!
      .some((c) => c.key === issuer)
  ) {
    throw new PlanFileError(`Deze laptop vertrouwt al een andere gemeentesleutel voor ${gemeenteName(me.gemeente)}; het certificaat is niet aangenomen.`);
  }
  const before = roots.has(me.gemeente);
  const partners = all.find(
    (a): a is Attestation & { attestation: PartnerRootsBody } =>
      a.attestation.type === 'regie-partner-roots-v1' && a.attestation.device === me.publicKey && a.attestation.issuer === issuer && a.attestation.gemeente === me.gemeente && isSelfConsistent(a),
  );
  db.transaction(() => {
    setRoot(db, me.gemeente, issuer);
    for (const p of partners?.attestation.roots ?? []) if (p.gemeente !== me.gemeente) setRoot(db, p.gemeente, p.key);
    const trust = stmt(
      db,
      'INSERT INTO authors (public_key, gemeente, device_label, trusted, is_self, added_at, trusted_at) VALUES (?, ?, ?, 1, 0, ?, ?) ON CONFLICT (public_key) DO UPDATE SET trusted = 1 WHERE authors.gemeente = excluded.gemeente',
    );
    const at = new Date().toISOString();
    for (const d of partners?.attestation.devices ?? []) if (d.publicKey !== me.publicKey) trust.run(d.publicKey, d.gemeente, d.label, at, at);
    addAttestations(
      db,
      all.filter((a) => a.attestation.type !== 'regie-partner-roots-v1'),
      new Date().toISOString(),
    );
    syncTrust(db);
    clearJoinPending(db);
  })();
  try {
    const preview = await previewImport(db, me, path, true);
    const device = listDevices(db, me).find((d) => d.publicKey === me.publicKey)!;
    return { gemeente: me.gemeente, gemeenteName: gemeenteName(me.gemeente), gemeenteFingerprint: fingerprint(currentKey(trustView(db), me.gemeente)!), device, entries: preview.entries.new };
  } catch (err) {
    if (!before) {
      // Nothing of the certificate stays when its plan could not be read: the laptop waits as before.
      db.transaction(() => {
        stmt(db, 'DELETE FROM gemeente_roots').run();
        stmt(db, 'DELETE FROM attestations').run();
        stmt(db, 'DELETE FROM revocations').run();
        stmt(db, 'DELETE FROM authors WHERE is_self = 0').run();
        markJoinPending(db);
      })();
    }
    throw err;
  }
}

// ---- Revocation ----

const OP_WORDS: Record<string, string> = { create: 'aangemaakt', update: 'gewijzigd' };
const TYPE_WORDS: Record<string, string> = {
  event: 'evenement',
  shift: 'dienst',
  officer: 'handhaver',
  agreement: 'afspraak',
  signature: 'ondertekening',
  absence: 'afwezigheid',
  request: 'verzoek',
  response: 'antwoord',
  commitment: 'toezegging',
  statement: 'verrekening',
};

function summarise(ops: string[]): string {
  const counts = new Map<string, number>();
  for (const t of ops) {
    const [type = '', action = ''] = t.split('.');
    const text = `${TYPE_WORDS[type] ?? type} ${OP_WORDS[action] ?? action}`;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, n]) => (n > 1 ? `${n}x ${text}` : text)).join(', ');
}

function consequence(device: GemeenteDevice, after: number, undone: number, kept: number, done: boolean): string {
  const what = `Wijzigingen van "${device.label}" na nr. ${after} worden overal geweigerd, ook als ze later via een partner binnenkomen; bestanden van deze laptop worden niet meer ingelezen.`;
  const undo = undone
    ? ` ${plural('nl', undone, { one: 'wijziging', other: 'wijzigingen' })} die deze kopie al had verwerkt, ${undone === 1 ? (done ? 'is' : 'wordt') : done ? 'zijn' : 'worden'} ongedaan gemaakt.`
    : ' Deze kopie heeft geen wijzigingen van na het afkappunt verwerkt: er wordt niets ongedaan gemaakt.';
  return `${what}${undo} ${plural('nl', kept, { one: 'eerdere wijziging blijft', other: 'eerdere wijzigingen blijven' })} geldig. Stuur daarna een planbestand naar elke partner.`;
}

export function revokePreview(db: Db, me: LocalIdentity, ref: string, after?: number, reason: RevocationReason | null = null): RevocationPreview {
  const device = findDevice(db, me, ref);
  if (device.publicKey === me.publicKey) throw new ApiError('refused', 'Deze laptop kan zichzelf niet intrekken; doe dat op een andere laptop met de gemeentesleutel. Er is niets gewijzigd.');
  const cut = after ?? device.lastSeq;
  const past = appliedPastCutoff(db, new Map([[device.publicKey, { gemeente: me.gemeente, after: cut, reason: reason ?? 'verloren', at: '' }]]));
  const undone: UndoneEntry[] = past.map((p) => ({ seq: p.entry.seq, at: wallOf(p.entry.hlc), summary: summarise(p.entry.ops.map((o) => o.t)) }));
  const kept = (stmt(db, "SELECT count(*) AS n FROM entries WHERE author = ? AND seq <= ? AND status = 'applied'").get(device.publicKey, cut) as { n: number }).n;
  return { device, after: cut, reason, undone, kept, message: consequence(device, cut, undone.length, kept, false) };
}

export function revokeDevice(db: Db, me: LocalIdentity, ref: string, after: number | undefined, reason: RevocationReason, now = new Date()): RevokeResult {
  const preview = revokePreview(db, me, ref, after, reason);
  const key = heldKey(db, me);
  const existing = revocationsOf(db).get(preview.device.publicKey);
  if (existing && existing.after <= preview.after) {
    throw new ApiError(
      'refused',
      `"${preview.device.label}" is al ingetrokken (${REASON_WORDS[existing.reason as RevocationReason] ?? existing.reason}, afkappunt nr. ${existing.after}). Er is niets gewijzigd.`,
    );
  }
  const hashBefore = stateHash(db);
  db.transaction(() => {
    const revocation = signAttestation(key.privateKey, {
      type: 'regie-revocation-v1',
      gemeente: me.gemeente,
      issuer: key.publicKey,
      device: preview.device.publicKey,
      after: preview.after,
      reason,
      at: now.toISOString(),
    });
    addAttestations(db, [revocation], now.toISOString());
    applyTrustChange(db, now.toISOString());
  })();
  const device = listDevices(db, me).find((d) => d.publicKey === preview.device.publicKey)!;
  return { ...preview, device, message: consequence(device, preview.after, preview.undone.length, preview.kept, true), stateHashBefore: hashBefore, stateHashAfter: stateHash(db) };
}

// ---- The gemeente key: export, import, rotation ----

export async function exportKeyFile(db: Db, me: LocalIdentity, password: string): Promise<{ fileName: string; content: string }> {
  const key = heldKey(db, me);
  const content = await sealKey({ gemeente: me.gemeente, publicKey: key.publicKey, privateKey: key.privateKey, created: key.createdAt || new Date().toISOString() }, password);
  return { fileName: `regie-gemeentesleutel-${safe(gemeenteName(me.gemeente))}.json`, content };
}

function publicOf(privateKey: string): string {
  const spki = createPublicKey(createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32).toString('base64url');
}

export async function importKeyFile(db: Db, me: LocalIdentity, content: string, password: string): Promise<GemeenteKeyInfo> {
  const file = parseKeyFile(content);
  if (file.gemeente !== me.gemeente) {
    throw new ApiError('refused', `Dit is de gemeentesleutel van ${gemeenteName(file.gemeente)}; deze laptop hoort bij ${gemeenteName(me.gemeente)}. Er is niets gewijzigd.`);
  }
  const privateKey = await openKey(file, password);
  if (publicOf(privateKey) !== file.publicKey) throw new ApiError('bad_file', 'Het sleutelbestand is beschadigd: de geheime en de publieke sleutel horen niet bij elkaar. Er is niets gewijzigd.');
  const chain = trustView(db).chains.get(me.gemeente);
  if (!chain?.some((c) => c.key === file.publicKey)) {
    throw new ApiError(
      'refused',
      `Deze gemeentesleutel (vingerafdruk ${fingerprint(file.publicKey)}) is niet de sleutel die deze laptop voor ${gemeenteName(me.gemeente)} kent${chain ? ` (${fingerprint(chain.at(-1)!.key)})` : ''}. Er is niets gewijzigd.`,
    );
  }
  if (chain.at(-1)!.key !== file.publicKey) {
    throw new ApiError('refused', `Dit is een oude gemeentesleutel van ${gemeenteName(me.gemeente)}: hij is sindsdien vervangen. Exporteer de huidige sleutel opnieuw. Er is niets gewijzigd.`);
  }
  storeGemeenteKey(db, { publicKey: file.publicKey, gemeente: file.gemeente, privateKey, createdAt: file.created });
  return gemeenteKeyInfo(db, me);
}

export function rotateGemeenteKey(db: Db, me: LocalIdentity, now = new Date()): RotateResult {
  const old = heldKey(db, me);
  const keys = generateDeviceKeys();
  let recertified = 0;
  db.transaction(() => {
    storeGemeenteKey(db, { publicKey: keys.publicKey, gemeente: me.gemeente, privateKey: keys.privateKey, createdAt: now.toISOString() });
    const rotation = signAttestation(old.privateKey, { type: 'regie-gemeente-rotation-v1', gemeente: me.gemeente, issuer: old.publicKey, next: keys.publicKey, at: now.toISOString() });
    // The old key's secret is not kept: a copy of it elsewhere can no longer speak for the gemeente.
    stmt(db, 'UPDATE gemeente_keys SET private_key = NULL WHERE public_key = ?').run(old.publicKey);
    const view = trustView(db, [rotation]);
    const certs: Attestation[] = [];
    const revoked = revocationsOf(db);
    for (const [device, c] of view.certs) {
      if (c.gemeente !== me.gemeente || revoked.has(device)) continue;
      certs.push(certify(keys.privateKey, { gemeente: me.gemeente, issuer: keys.publicKey, device, label: c.label, from: now.toISOString() }));
    }
    recertified = certs.length;
    addAttestations(db, [rotation, ...certs], now.toISOString());
    syncTrust(db, undefined, now);
  })();
  return { previousFingerprint: fingerprint(old.publicKey), fingerprint: fingerprint(keys.publicKey), recertified };
}

// ---- Partners per gemeente ----

export function partnersByGemeente(db: Db, me: LocalIdentity): PartnerGemeente[] {
  const view = trustView(db);
  const devices = listPartners(db).filter((p) => p.gemeente !== me.gemeente);
  const groups = new Map<string, PartnerGemeente>();
  for (const p of devices) {
    let g = groups.get(p.gemeente);
    if (!g) {
      const key = currentKey(view, p.gemeente);
      g = { gemeente: p.gemeente, gemeenteName: p.gemeenteName, keyFingerprint: key ? fingerprint(key) : null, trusted: key !== undefined, lastReceived: null, lastSent: null, devices: [] };
      groups.set(p.gemeente, g);
    }
    const detail = devicesOf(db, p.gemeente).find((d) => d.publicKey === p.publicKey);
    if (!detail) continue;
    g.trusted ||= p.trusted;
    if (p.lastReceived && (!g.lastReceived || p.lastReceived > g.lastReceived)) g.lastReceived = p.lastReceived;
    if (p.lastSent && (!g.lastSent || p.lastSent > g.lastSent)) g.lastSent = p.lastSent;
    g.devices.push({ ...detail, trusted: p.trusted, waiting: p.waiting, frozen: p.frozen });
  }
  return [...groups.values()].sort((a, b) => a.gemeenteName.localeCompare(b.gemeenteName));
}
