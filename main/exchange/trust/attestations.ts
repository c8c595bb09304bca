// Signed statements of a gemeente key: device certificates, revocations and rotations (the old key signs
// its successor). They travel in plan files as `{"attestation":{...},"sig":"..."}` lines and in cards, and
// what they mean is a function of the set of them and of the keys this copy trusts: the same on every copy
// that holds the same statements, whatever order they arrived in.
import { z } from 'zod';
import { canonicalJson } from '../../log/canonical';
import { fingerprint, isPublicKey, sha256Hex, Signer, verifySignature } from '../../log/identity';
import { GEMEENTE_CODE, gemeenteName } from '../../../shared/domain/gemeenten';
import { shown } from '../../../shared/text/shown';
import { lazySchema } from '../../../shared/domain/lazy-schema';

const publicKey = lazySchema(() => z.string().refine(isPublicKey, 'not a public key'));
const gemeente = lazySchema(() => z.string().regex(GEMEENTE_CODE));
const sig = lazySchema(() => z.string().regex(/^[A-Za-z0-9_-]{86}$/));
const instant = lazySchema(() => z.string().datetime());

export const certBodySchema = lazySchema(() =>
  z.object({ type: z.literal('regie-device-cert-v1'), gemeente, issuer: publicKey, device: publicKey, label: z.string().min(1).max(60), from: instant }).strict(),
);
export const revocationBodySchema = lazySchema(() =>
  z
    .object({
      type: z.literal('regie-revocation-v1'),
      gemeente,
      issuer: publicKey,
      device: publicKey,
      after: z.number().int().min(0),
      reason: z.enum(['verloren', 'gestolen', 'vervangen']),
      at: instant,
    })
    .strict(),
);
export const rotationBodySchema = lazySchema(() => z.object({ type: z.literal('regie-gemeente-rotation-v1'), gemeente, issuer: publicKey, next: publicKey, at: instant }).strict());

/**
 * Only in the file that approves a new laptop, addressed to it: the partners its gemeente trusts (gemeente keys,
 * and laptops trusted one by one), so the new laptop starts with the whole plan. Never stored or relayed.
 */
export const partnerRootsBodySchema = lazySchema(() =>
  z
    .object({
      type: z.literal('regie-partner-roots-v1'),
      gemeente,
      issuer: publicKey,
      device: publicKey,
      roots: z.array(z.object({ gemeente, key: publicKey }).strict()).max(400),
      devices: z.array(z.object({ publicKey, gemeente, label: z.string().min(1).max(60) }).strict()).max(2000),
      at: instant,
    })
    .strict(),
);
export type PartnerRootsBody = z.output<typeof partnerRootsBodySchema>;

export const attestationBodySchema = lazySchema(() => z.discriminatedUnion('type', [certBodySchema, revocationBodySchema, rotationBodySchema, partnerRootsBodySchema]));
export const attestationSchema = lazySchema(() => z.object({ attestation: attestationBodySchema, sig }).strict());
export const signedCertSchema = lazySchema(() => z.object({ attestation: certBodySchema, sig }).strict());

export type CertBody = z.output<typeof certBodySchema>;
export type RevocationBody = z.output<typeof revocationBodySchema>;
export type RotationBody = z.output<typeof rotationBodySchema>;
export type AttestationBody = z.output<typeof attestationBodySchema>;
export type Attestation = z.output<typeof attestationSchema>;
export type SignedCert = z.output<typeof signedCertSchema>;

export const KIND: Record<AttestationBody['type'], 'cert' | 'revocation' | 'rotation' | 'partner-roots'> = {
  'regie-partner-roots-v1': 'partner-roots',
  'regie-device-cert-v1': 'cert',
  'regie-revocation-v1': 'revocation',
  'regie-gemeente-rotation-v1': 'rotation',
};

const bytesOf = (body: unknown) => Buffer.from(canonicalJson(body), 'utf8');

export function signAttestation<B extends AttestationBody>(privateKey: string, body: B): { attestation: B; sig: string } {
  return { attestation: body, sig: new Signer(privateKey).sign(bytesOf(body)) };
}

/** Signed by the key it names as its issuer (says nothing yet about whether that key is trusted). */
export function isSelfConsistent(a: Attestation): boolean {
  return verifySignature(a.attestation.issuer, bytesOf(a.attestation), a.sig);
}

export function attestationLine(a: Attestation): string {
  return canonicalJson(a);
}

export function attestationId(a: Attestation): string {
  return sha256Hex(attestationLine(a));
}

/** A statement that cannot be accepted, and why (Dutch, for the refusal). */
export class AttestationError extends Error {}

export interface ChainKey {
  key: string;
  /** When this key was replaced (the rotation's `at`); statements it signed later are not accepted. */
  until: string | undefined;
}

export interface TrustView {
  /** Per trusted gemeente, its keys from the root on, the last one current. */
  chains: Map<string, ChainKey[]>;
  certs: Map<string, { gemeente: string; label: string; from: string; since: string; issuer: string }>;
  revoked: Map<string, { gemeente: string; after: number; reason: RevocationBody['reason']; at: string }>;
  /** Statements of trusted gemeenten that do not hold, with the reason: a file that brings one is refused. */
  refused: { attestation: Attestation; reason: string; /** Signed by a key of no gemeente this copy knows. */ unknownIssuer?: boolean }[];
}

const name = (g: string) => `${gemeenteName(g)} (${g})`;

function describe(a: AttestationBody): string {
  switch (a.type) {
    case 'regie-device-cert-v1':
      return `het certificaat van apparaat "${shown(a.label)}" (vingerafdruk ${fingerprint(a.device)})`;
    case 'regie-revocation-v1':
      return `de intrekking van apparaat ${fingerprint(a.device)}`;
    case 'regie-partner-roots-v1':
      return `de partners van ${name(a.gemeente)} voor apparaat ${fingerprint(a.device)}`;
    default:
      return `de sleutelwissel van ${name(a.gemeente)} naar sleutel ${fingerprint(a.next)}`;
  }
}

/**
 * What a set of statements means, given the root key this copy trusts per gemeente. Deterministic: the
 * statements are taken in one order (by id) and every choice has a fixed rule.
 */
export function evaluate(roots: Map<string, string>, statements: Iterable<Attestation>): TrustView {
  const all = [...statements].sort((a, b) => (attestationLine(a) < attestationLine(b) ? -1 : 1));
  const view: TrustView = { chains: new Map(), certs: new Map(), revoked: new Map(), refused: [] };
  const refuse = (a: Attestation, reason: string, unknownIssuer = false) => view.refused.push({ attestation: a, reason, ...(unknownIssuer ? { unknownIssuer } : {}) });
  const valid = all.filter((a) => {
    if (a.attestation.type === 'regie-partner-roots-v1') return false;
    if (isSelfConsistent(a)) return true;
    refuse(a, `De handtekening onder ${describe(a.attestation)} klopt niet: vervalst of beschadigd.`);
    return false;
  });

  // Rotations: from the root, each key signs its one successor. Of two successors of one key (a forged or
  // replayed rotation with an old key), the earliest stands and the other is refused.
  const rotations = valid.filter((a): a is Attestation & { attestation: RotationBody } => a.attestation.type === 'regie-gemeente-rotation-v1');
  for (const [g, root] of roots) {
    const chain: ChainKey[] = [{ key: root, until: undefined }];
    for (;;) {
      const current = chain.at(-1)!;
      const next = rotations
        .filter((r) => r.attestation.gemeente === g && r.attestation.issuer === current.key && !chain.some((c) => c.key === r.attestation.next))
        .sort((a, b) => (a.attestation.at < b.attestation.at ? -1 : a.attestation.at > b.attestation.at ? 1 : a.attestation.next < b.attestation.next ? -1 : 1))[0];
      if (!next) break;
      current.until = next.attestation.at;
      chain.push({ key: next.attestation.next, until: undefined });
    }
    view.chains.set(g, chain);
  }
  const chainOf = new Map<string, string>();
  for (const [g, chain] of view.chains) for (const c of chain) chainOf.set(c.key, g);

  /** Why a trusted gemeente's statement is not accepted, or undefined; null when the gemeente is not trusted here. */
  const problem = (a: AttestationBody, when: string): string | undefined | null => {
    const chain = view.chains.get(a.gemeente);
    if (!chain) {
      const owner = chainOf.get(a.issuer);
      return owner ? `${describe(a)} zegt van ${name(a.gemeente)} te zijn, maar is ondertekend met de gemeentesleutel van ${name(owner)}.` : null;
    }
    const k = chain.find((c) => c.key === a.issuer);
    if (!k) {
      const owner = chainOf.get(a.issuer);
      return owner
        ? `${describe(a)} zegt van ${name(a.gemeente)} te zijn, maar is ondertekend met de gemeentesleutel van ${name(owner)}.`
        : `${describe(a)} is niet ondertekend met de gemeentesleutel van ${name(a.gemeente)} die u vertrouwt (vingerafdruk ${fingerprint(chain.at(-1)!.key)}), maar met een onbekende sleutel ${fingerprint(a.issuer)}.`;
    }
    if (k.until !== undefined && when > k.until) {
      return `${describe(a)} is ondertekend met een oude gemeentesleutel van ${name(a.gemeente)}, na de sleutelwissel van ${k.until.slice(0, 10)}: niet aangenomen (mogelijk een gestolen oude sleutel).`;
    }
    return undefined;
  };

  for (const a of rotations) {
    const body = a.attestation;
    const chain = view.chains.get(body.gemeente);
    if (!chain) continue;
    const i = chain.findIndex((c) => c.key === body.issuer);
    if (i >= 0 && chain[i + 1]?.key === body.next) continue;
    if (i >= 0) refuse(a, `${describe(body)} is ondertekend met een sleutel die al eerder werd vervangen: een vervalste of herhaalde sleutelwissel, niet aangenomen.`);
    else if (!chain.some((c) => c.key === body.next))
      refuse(a, `${describe(body)} is niet ondertekend met de gemeentesleutel van ${name(body.gemeente)} die u vertrouwt: vervalst, niet aangenomen.`, !chainOf.has(body.issuer));
  }

  for (const a of valid) {
    const body = a.attestation;
    if (body.type === 'regie-gemeente-rotation-v1' || body.type === 'regie-partner-roots-v1') continue;
    const why = problem(body, body.type === 'regie-device-cert-v1' ? body.from : body.at);
    if (why === null) continue;
    if (why) {
      refuse(a, why, !chainOf.has(body.issuer));
      continue;
    }
    if (body.type === 'regie-device-cert-v1') {
      const known = view.certs.get(body.device);
      if (known && known.gemeente !== body.gemeente) {
        refuse(a, `Apparaat ${fingerprint(body.device)} is al gecertificeerd voor ${name(known.gemeente)}; een certificaat voor ${name(body.gemeente)} wordt niet aangenomen.`);
        continue;
      }
      const since = known && known.since < body.from ? known.since : body.from;
      if (!known || body.from >= known.from) view.certs.set(body.device, { gemeente: body.gemeente, label: body.label, from: body.from, since, issuer: body.issuer });
      else known.since = since;
    } else {
      const known = view.revoked.get(body.device);
      if (!known || body.after < known.after) view.revoked.set(body.device, { gemeente: body.gemeente, after: body.after, reason: body.reason, at: body.at });
    }
  }
  // A gemeente revokes only its own devices.
  for (const [device, r] of view.revoked) {
    const cert = view.certs.get(device);
    if (cert && cert.gemeente !== r.gemeente) {
      view.revoked.delete(device);
      const a = valid.find((x) => x.attestation.type === 'regie-revocation-v1' && x.attestation.device === device && x.attestation.gemeente === r.gemeente)!;
      refuse(a, `${describe(a.attestation)} komt van ${name(r.gemeente)}, maar het apparaat hoort bij ${name(cert.gemeente)}: niet aangenomen.`);
    }
  }
  return view;
}
