// The .regie plan-file format: gzip of JSON Lines. Header, identity cards, entries (exact bytes),
// checkpoints, and a trailer with the count, the sha256 of everything before it, and the sender's signature.
import { z } from 'zod';
import { GEMEENTE_CODE } from '../../shared/domain/gemeenten';
import { isPublicKey } from '../log/identity';
import { ApiError } from '../../shared/api/errors';
import { signedCertSchema } from './trust/attestations';
import { lazySchema } from '../../shared/domain/lazy-schema';

export const PLAN_FORMAT = 'regie-plan';
export const PLAN_VERSION = 1;
/** The file travelled encrypted to its recipients (main/exchange/sealed.ts); readers that cannot decrypt refuse it. */
export const SEALED_FEATURE = 'age-x25519';
/** Features this reader understands; a file that requires another one is refused. */
export const KNOWN_FEATURES: readonly string[] = [SEALED_FEATURE];

export const LIMITS = {
  /** A plan file on disk (gzip). Region-scale full exports are about 10 MB. */
  maxFileBytes: 256 * 1024 * 1024,
  /** After decompression, absolute. */
  maxDecompressedBytes: 2 * 1024 * 1024 * 1024,
  /** After decompression, relative to the file: JSON Lines compress 5-10x; a bomb compresses 1000x. */
  maxRatio: 40,
  ratioFloorBytes: 64 * 1024 * 1024,
  maxLineBytes: 1024 * 1024,
  maxLines: 20_000_000,
};

const publicKey = lazySchema(() => z.string().refine(isPublicKey, 'not a public key'));
const gemeente = lazySchema(() => z.string().regex(GEMEENTE_CODE));
const sig = lazySchema(() => z.string().regex(/^[A-Za-z0-9_-]{86}$/));

export const headerSchema = lazySchema(() =>
  z
    .object({
      format: z.literal(PLAN_FORMAT),
      version: z.number().int(),
      requires: z.array(z.string().max(64)).max(64),
      from: z.object({ publicKey, gemeente, deviceLabel: z.string().max(60) }).strict(),
      to: z.array(gemeente).max(400),
      created: z.string().datetime(),
      have: z.record(publicKey, z.number().int().min(0)),
    })
    .strict(),
);
export type PlanHeader = z.output<typeof headerSchema>;

export const cardBodySchema = lazySchema(() =>
  z
    .object({
      type: z.literal('regie-card-v1'),
      publicKey,
      gemeente,
      deviceLabel: z.string().min(1).max(60),
      created: z.string().datetime(),
    })
    .strict(),
);
/**
 * A device that replaced another of the same gemeente (after restoring a backup) carries the old key's
 * statement that it is the successor: partners who trusted the old device then trust the new one.
 */
export const successionSchema = lazySchema(() => z.object({ predecessor: publicKey, sig }).strict());
/** A device of a gemeente with a gemeente key carries its certificate (issue 15): partners who trust that key trust it. */
export const cardSchema = lazySchema(() => z.object({ card: cardBodySchema, cert: signedCertSchema.optional(), sig, succession: successionSchema.optional() }).strict());
export type CardBody = z.output<typeof cardBodySchema>;
export type SignedCard = z.output<typeof cardSchema>;

export const checkpointBodySchema = lazySchema(() =>
  z.object({ type: z.literal('regie-checkpoint-v1'), author: publicKey, seq: z.number().int().min(1), head: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
);
export const checkpointSchema = lazySchema(() => z.object({ checkpoint: checkpointBodySchema, sig }).strict());
export type SignedCheckpoint = z.output<typeof checkpointSchema>;

export const trailerBodySchema = lazySchema(() =>
  z.object({ type: z.literal('regie-plan-trailer-v1'), count: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), signer: publicKey }).strict(),
);
export const trailerSchema = lazySchema(() => z.object({ trailer: trailerBodySchema, sig }).strict());

/** A plan file or card that is damaged, forged or not acceptable. The message says what and that nothing changed. */
export class PlanFileError extends ApiError {
  constructor(reason: string) {
    super('bad_file', `${reason} Er is niets gewijzigd.`);
  }
}
