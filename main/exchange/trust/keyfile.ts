// The gemeente key as a password-protected file (for a USB stick in the teamleider's safe): scrypt from
// node:crypto derives the key from the password, AES-256-GCM encrypts and authenticates the private part,
// with the file's own description (gemeente, public key, parameters) as associated data.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, parseJsonStrict } from '../../log/canonical';
import { isPublicKey } from '../../log/identity';
import { GEMEENTE_CODE } from '../../../shared/domain/gemeenten';
import { ApiError } from '../../../shared/api/errors';
import { keyedError } from '../../../shared/i18n/error-messages';
import { lazySchema } from '../../../shared/domain/lazy-schema';

export const KEY_FILE_FORMAT = 'regie-gemeentesleutel' as const;
/** scrypt cost: 2^17 x 8 x 128 bytes = 128 MB of memory per try (OWASP's advice for scrypt). */
const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const MAX_KEY_FILE_BYTES = 16 * 1024;

const b64 = lazySchema(() =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/=_-]+$/)
    .max(8192),
);
const kdfSchema = lazySchema(() =>
  z
    .object({
      name: z.literal('scrypt'),
      N: z
        .number()
        .int()
        .min(2 ** 14)
        .max(2 ** 20),
      r: z.number().int().min(8).max(32),
      p: z.number().int().min(1).max(4),
      salt: b64,
    })
    .strict(),
);
export const keyFileSchema = lazySchema(() =>
  z
    .object({
      format: z.literal(KEY_FILE_FORMAT),
      version: z.literal(1),
      gemeente: z.string().regex(GEMEENTE_CODE),
      publicKey: z.string().refine(isPublicKey),
      created: z.string().datetime(),
      kdf: kdfSchema,
      cipher: z.object({ name: z.literal('aes-256-gcm'), iv: b64, tag: b64 }).strict(),
      data: b64,
    })
    .strict(),
);
export type KeyFile = z.output<typeof keyFileSchema>;

function derive(password: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((done, fail) =>
    scrypt(password.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 }, (err, key) => (err ? fail(err) : done(key))),
  );
}

const aad = (f: Pick<KeyFile, 'format' | 'version' | 'gemeente' | 'publicKey' | 'created' | 'kdf'>) =>
  Buffer.from(canonicalJson({ format: f.format, version: f.version, gemeente: f.gemeente, publicKey: f.publicKey, created: f.created, kdf: f.kdf }), 'utf8');

export async function sealKey(key: { gemeente: string; publicKey: string; privateKey: string; created: string }, password: string): Promise<string> {
  if (password.length < 8) throw new ApiError('invalid_argument', 'Kies een wachtwoord van minstens 8 tekens voor het sleutelbestand; er is niets geschreven.');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kdf = { name: 'scrypt' as const, ...SCRYPT, salt: salt.toString('base64') };
  const head = { format: KEY_FILE_FORMAT, version: 1 as const, gemeente: key.gemeente, publicKey: key.publicKey, created: key.created, kdf };
  const cipher = createCipheriv('aes-256-gcm', await derive(password, salt, kdf), iv);
  cipher.setAAD(aad(head));
  const data = Buffer.concat([cipher.update(Buffer.from(key.privateKey, 'base64')), cipher.final()]);
  const file: KeyFile = { ...head, cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') }, data: data.toString('base64') };
  return JSON.stringify(file, null, 2) + '\n';
}

export function parseKeyFile(content: string): KeyFile {
  const refuse = () => new ApiError('bad_file', 'Dit is geen gemeentesleutelbestand van Regie. Er is niets gewijzigd.');
  if (content.length > MAX_KEY_FILE_BYTES) throw refuse();
  let json: unknown;
  try {
    json = parseJsonStrict(content);
  } catch {
    throw refuse();
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw refuse();
  return parsed.data;
}

/** The private key (PKCS#8 DER, base64); a wrong password (or a changed file) is refused with a clear message. */
export async function openKey(file: KeyFile, password: string): Promise<string> {
  const key = await derive(password, Buffer.from(file.kdf.salt, 'base64'), file.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.cipher.iv, 'base64'));
    decipher.setAAD(aad(file));
    decipher.setAuthTag(Buffer.from(file.cipher.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(file.data, 'base64')), decipher.final()]).toString('base64');
  } catch {
    throw keyedError('refused', 'identity.wrong_password');
  }
}

export { MAX_KEY_FILE_BYTES };
