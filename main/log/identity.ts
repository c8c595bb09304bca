// Device identity: an Ed25519 key pair bound to one gemeente, and the fingerprint people compare by phone.
import { createHash, createPrivateKey, hash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface DeviceKeys {
  /** Raw 32-byte public key, base64url. This is the author id in entries. */
  publicKey: string;
  /** PKCS#8 DER, base64. */
  privateKey: string;
}

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function generateDeviceKeys(): DeviceKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return {
    publicKey: spki.subarray(SPKI_ED25519_PREFIX.length).toString('base64url'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

const publicKeyCache = new Map<string, KeyObject>();

export function publicKeyObject(publicKey: string): KeyObject {
  let key = publicKeyCache.get(publicKey);
  if (!key) {
    const raw = Buffer.from(publicKey, 'base64url');
    if (raw.length !== 32) throw new RangeError('Een publieke sleutel moet 32 bytes zijn.');
    key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
    publicKeyCache.set(publicKey, key);
  }
  return key;
}

export function isPublicKey(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value) && Buffer.from(value, 'base64url').length === 32;
}

/** Parsed private keys: a device signs with the same key for every checkpoint and trailer it writes. */
const privateKeyCache = new Map<string, KeyObject>();

export class Signer {
  private readonly key: KeyObject;
  constructor(privateKey: string) {
    let key = privateKeyCache.get(privateKey);
    if (!key) {
      key = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
      if (privateKeyCache.size >= 64) privateKeyCache.clear();
      privateKeyCache.set(privateKey, key);
    }
    this.key = key;
  }
  sign(message: Uint8Array): string {
    return sign(null, message, this.key).toString('base64url');
  }
}

/**
 * Signatures already found valid, by a sha256 of key, signature and message together. Every plan file carries
 * the cards and checkpoints of the feeds it brings, and a postbus reads the same ones in file after file (and
 * twice per file: preview, then apply); a hash costs a microsecond, a verification a hundred. Only a match of
 * all three inputs counts, so a changed message or signature is verified afresh. Bounded: emptied when full.
 */
const verified = new Set<string>();
const VERIFIED_MAX = 100_000;

export function verifySignature(publicKey: string, message: Uint8Array, signature: string): boolean {
  try {
    const sig = Buffer.from(signature, 'base64url');
    if (sig.length !== 64 || !/^[A-Za-z0-9_-]{43}$/.test(publicKey)) return false;
    const memo = createHash('sha256').update(publicKey).update('\n').update(sig).update(message).digest('base64');
    if (verified.has(memo)) return true;
    const ok = verify(null, message, publicKeyObject(publicKey), sig);
    if (ok) {
      if (verified.size >= VERIFIED_MAX) verified.clear();
      verified.add(memo);
    }
    return ok;
  } catch {
    return false;
  }
}

/**
 * Six groups of five digits derived from the public key (as Signal's safety numbers): easy to read aloud,
 * about 100 bits, so a forged key with the same fingerprint is out of reach.
 */
export function fingerprint(publicKey: string): string {
  const digest = createHash('sha256').update('regie-fingerprint-v1\n').update(Buffer.from(publicKey, 'base64url')).digest();
  const groups: string[] = [];
  for (let i = 0; i < 6; i++) {
    const chunk = digest.readUIntBE(i * 5, 5);
    groups.push(String(chunk % 100000).padStart(5, '0'));
  }
  return groups.join(' ');
}

export function sha256Hex(data: Uint8Array | string): string {
  // The one-shot form: no Hash object per call (called once per entry, 60,000 times for a region's file).
  return hash('sha256', data, 'hex');
}
