// Optional encryption of plan files to the recipients' devices with age (X25519): sign inside, encrypt outside,
// because age does not say who sent a file. Each device's age key is derived from its Ed25519 key, so the
// fingerprint partners already compared covers it and identity cards stay as they are.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bech32 } from '@scure/base';
import type { Db } from '../store/db';
import { stmt } from '../store/statements';
import type { LocalIdentity } from '../log/log';
import { LIMITS, PlanFileError } from './format';
import { openRegularFile, readRegularFile } from './regular-file';

const AGE_MAGIC = Buffer.from('age-encryption.org/v1\n', 'utf8');
/** PKCS#8 DER of an Ed25519 key ends in its 32-byte seed. */
const SEED_BYTES = 32;

// age and its curves are loaded with the first encrypted file, not when Regie starts (issue 22).
const age = () => import('age-encryption');
const curves = () => import('@noble/curves/ed25519.js').then((m) => m.ed25519);

/** The age recipient (age1...) of a device, from its Ed25519 public key (raw, base64url). */
export async function ageRecipient(publicKey: string): Promise<string> {
  const x25519 = (await curves()).utils.toMontgomery(Buffer.from(publicKey, 'base64url'));
  return bech32.encode('age', bech32.toWords(x25519), false);
}

/** This device's age identity (AGE-SECRET-KEY-1...), from its Ed25519 private key. Never leaves main. */
export async function ageIdentity(me: LocalIdentity): Promise<string> {
  const seed = Buffer.from(me.privateKey, 'base64').subarray(-SEED_BYTES);
  const secret = (await curves()).utils.toMontgomerySecret(seed);
  return bech32.encode('age-secret-key-', bech32.toWords(secret), false).toUpperCase();
}

/** Every trusted device of the recipient gemeenten, and this device (so the sender can check its own file). */
export function recipientKeys(db: Db, me: LocalIdentity, gemeenten: string[]): string[] {
  const select = stmt(db, 'SELECT public_key AS key FROM authors WHERE trusted = 1 AND gemeente = ? ORDER BY public_key');
  const keys = new Set<string>([me.publicKey]);
  for (const g of gemeenten) for (const row of select.all(g) as { key: string }[]) keys.add(row.key);
  return [...keys];
}

/**
 * Recipients (age stanzas) a file may name. Trying a stanza costs an X25519 multiplication before anything
 * is known about the sender, so their number is capped (a region of 25 gemeenten with 5 laptops each is 125).
 */
export const MAX_RECIPIENTS = 256;
/** The age header (magic, stanzas, MAC line) lies within this many bytes when there are at most MAX_RECIPIENTS. */
const MAX_AGE_HEADER_BYTES = 64 + MAX_RECIPIENTS * 256;

/**
 * Counts the recipient stanzas of an age header without parsing it further; refuses a header with more than
 * MAX_RECIPIENTS or one that does not end within its size.
 */
export function checkAgeHeader(bytes: Uint8Array): void {
  const text = Buffer.from(bytes.subarray(0, MAX_AGE_HEADER_BYTES)).toString('latin1');
  const end = text.indexOf('\n---');
  const head = end === -1 ? text : text.slice(0, end);
  let stanzas = 0;
  for (let i = head.indexOf('\n-> '); i !== -1; i = head.indexOf('\n-> ', i + 1)) {
    if (++stanzas > MAX_RECIPIENTS) {
      throw new PlanFileError(`Dit versleutelde bestand noemt meer dan ${MAX_RECIPIENTS} ontvangers; zo veel apparaten zijn er in een samenwerkingsverband niet. Het bestand is niet geopend.`);
    }
  }
  if (end === -1) throw new PlanFileError('Het begin van dit versleutelde bestand is beschadigd of te groot. Het bestand is niet geopend.');
}

/** Replaces a written plan file by its encryption to the given devices. */
export async function sealFile(path: string, publicKeys: string[]): Promise<void> {
  if (publicKeys.length > MAX_RECIPIENTS) throw new Error(`an encrypted plan file names at most ${MAX_RECIPIENTS} devices; this one would name ${publicKeys.length}`);
  const encrypter = new (await age()).Encrypter();
  for (const key of publicKeys) encrypter.addRecipient(await ageRecipient(key));
  const sealed = await encrypter.encrypt(new Uint8Array(await readFile(path)));
  await writeFile(path, sealed);
}

/** Whether the file is age-encrypted; refuses in one line what is not a regular file (a FIFO, a directory). */
export async function isSealed(path: string): Promise<boolean> {
  const { fh } = await openRegularFile(path);
  try {
    const head = Buffer.alloc(AGE_MAGIC.length);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(AGE_MAGIC);
  } finally {
    await fh.close();
  }
}

/**
 * Opens an encrypted plan file with this device's key into a private temporary folder: the reader streams
 * from disk with its limits (twice, for an import), and the clear text lives there only until remove().
 */
export async function unsealToTemp(path: string, me: LocalIdentity): Promise<{ path: string; remove: () => Promise<void> }> {
  const bytes = await readRegularFile(path, LIMITS.maxFileBytes);
  checkAgeHeader(bytes);
  const decrypter = new (await age()).Decrypter();
  decrypter.addIdentity(await ageIdentity(me));
  let plain: Uint8Array;
  try {
    plain = await decrypter.decrypt(new Uint8Array(bytes));
  } catch (err) {
    if (/no identity matched/.test((err as Error).message)) {
      throw new PlanFileError('Dit bestand is versleuteld voor andere ontvangers en kan op dit apparaat niet worden geopend. Vraag de afzender om een bestand voor uw gemeente.');
    }
    throw new PlanFileError(`Het versleutelde bestand is beschadigd of gewijzigd (ontsleutelen mislukt: ${(err as Error).message}). Vraag de afzender om een nieuw bestand.`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'regie-open-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const clear = join(dir, 'plan.regie');
    await writeFile(clear, plain, { mode: 0o600 });
    return { path: clear, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}
