// The shared record types and how their ops map onto state tables. Each field is a last-writer-wins
// register ordered by (hlc, author), so the state does not depend on the order entries arrive in.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { EVENT_STATUSES, RISK_CLASSES } from '../../shared/domain/event';
import { qualificationsSchema } from '../../shared/domain/officer';
import { agreementTermsSchema } from '../../shared/domain/agreement';
import { REQUIRED_QUALIFICATIONS, SHIFT_ROLES } from '../../shared/domain/shift';
import { isLocalDateTime } from '../../shared/time/local';
import { makeRecordId, parseRecordId, type RecordKindTag } from '../../shared/domain/ids';
import { canonicalJson } from './canonical';
import { lazySchema } from '../../shared/domain/lazy-schema';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * An id derived from what a record is about (one answer per request, one commitment per request and officer),
 * so doing the same thing twice on two laptops ends in one record, not two. Re-exported by domain/derived-id.
 */
export function derivedId(owner: string, tag: RecordKindTag, ...parts: (string | number)[]): string {
  const digest = createHash('sha256').update(parts.join('|')).digest();
  let out = '';
  for (let i = 0; i < 16; i++) out += BASE32[digest[i]! & 31];
  return makeRecordId(owner, tag, out);
}

export interface FieldSpec {
  column: string;
  schema: z.ZodType;
  /**
   * Exactly `schema.safeParse(v).success`, without building a parse result: checked for every field of every
   * op of a plan file (hundreds of thousands in a region's file). A property test keeps both in agreement.
   */
  test?: (value: unknown) => boolean;
  /** Stored as JSON text (arrays and objects). */
  json?: boolean;
  /**
   * Added after records of this type were already shared: listed after the original fields, and while it is
   * null it is left out of the row's state digest, so rows written before it existed keep their digest.
   */
  late?: boolean;
}

type Test = (value: unknown) => boolean;
/** A value schema (made on first use: shared/domain/lazy-schema.ts) and its fast predicate, for the fields that occur in nearly every op. */
const fast = (schema: () => z.ZodType, test: Test) => ({ schema: lazySchema(schema), test });
const isString = (v: unknown): v is string => typeof v === 'string';
const nullable = (f: { schema: z.ZodType; test: Test }) =>
  fast(
    () => f.schema.nullable(),
    (v) => v === null || f.test(v),
  );

export interface RecordType {
  name: string;
  tag: RecordKindTag;
  table: string;
  /** Column that holds the owner gemeente (derived from the id). */
  ownerColumn: string;
  fields: Record<string, FieldSpec>;
  /** Fields that a create op must set. */
  required: string[];
  /** Checks across fields that the value schemas cannot express; returns a reason to reject. */
  check?: (owner: string, set: Record<string, unknown>, id: string) => string | undefined;
  /** Records that are never changed once written (content-addressed): an update op is refused with this reason. */
  immutable?: string;
}

const text = (max: number, min = 0) =>
  fast(
    () => (min ? z.string().min(min).max(max) : z.string().max(max)),
    (v) => isString(v) && v.length <= max && v.length >= min,
  );
const localTime = fast(
  () => z.string().refine(isLocalDateTime),
  (v) => isString(v) && isLocalDateTime(v),
);
const oneOf = (values: readonly [string, ...string[]]) =>
  fast(
    () => z.enum(values),
    (v) => isString(v) && values.includes(v),
  );
const int = (min: number, max?: number) =>
  fast(
    () => (max === undefined ? z.number().int().min(min) : z.number().int().min(min).max(max)),
    (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && (max === undefined || v <= max),
  );
const bool = fast(
  () => z.boolean(),
  (v) => typeof v === 'boolean',
);

export const RECORD_TYPES: Record<string, RecordType> = {
  event: {
    name: 'event',
    tag: 'ev',
    table: 'events',
    ownerColumn: 'host',
    fields: {
      name: { column: 'name', ...text(120, 1) },
      place: { column: 'place', ...text(200) },
      start: { column: 'starts_at', ...localTime },
      end: { column: 'ends_at', ...localTime },
      risk: { column: 'risk', ...oneOf(RISK_CLASSES) },
      visitors: { column: 'visitors', ...nullable(int(0)) },
      status: { column: 'status', ...oneOf(EVENT_STATUSES) },
    },
    required: ['name', 'place', 'start', 'end', 'risk', 'status'],
  },
  officer: {
    name: 'officer',
    tag: 'of',
    table: 'officers',
    ownerColumn: 'employer',
    fields: {
      name: { column: 'name', ...text(80, 1) },
      qualifications: { column: 'qualifications', schema: qualificationsSchema, json: true },
      contractHours: { column: 'contract_hours', ...int(0, 60) },
      active: { column: 'active', ...bool },
      /** Contract hours in tenths (288 for 28,8 uur), set only when they are not whole; contractHours holds them rounded. */
      contractTenths: { column: 'contract_tenths', ...nullable(int(0, 600)), late: true },
    },
    required: ['name', 'qualifications', 'contractHours', 'active'],
  },
  shift: {
    name: 'shift',
    tag: 'sh',
    table: 'shifts',
    ownerColumn: 'host',
    fields: {
      event: { column: 'event_id', ...text(64) },
      start: { column: 'starts_at', ...localTime },
      end: { column: 'ends_at', ...localTime },
      role: { column: 'role', ...oneOf(SHIFT_ROLES) },
      needed: { column: 'needed', ...int(1, 500) },
      inPairs: { column: 'in_pairs', ...bool },
      qualifications: {
        column: 'qualifications',
        ...fast(
          () => z.array(z.enum(REQUIRED_QUALIFICATIONS)).max(10),
          (v) => Array.isArray(v) && v.length <= 10 && v.every((q) => isString(q) && REQUIRED_QUALIFICATIONS.includes(q as never)),
        ),
        json: true,
      },
      cancelled: { column: 'cancelled', ...bool },
    },
    required: ['event', 'start', 'end', 'role', 'needed', 'inPairs', 'qualifications', 'cancelled'],
    check: (owner, set) => {
      if (typeof set.event !== 'string') return undefined;
      const ev = parseRecordId(set.event);
      if (!ev || ev.tag !== 'ev') return `dienst verwijst naar "${set.event}", dat geen evenement is`;
      if (ev.owner !== owner) return `dienst van ${owner} bij een evenement van ${ev.owner}`;
      return undefined;
    },
  },
};

const recordRef = (tag: RecordKindTag) =>
  fast(
    () =>
      z
        .string()
        .max(64)
        .refine((v) => parseRecordId(v)?.tag === tag),
    (v) => isString(v) && v.length <= 64 && parseRecordId(v)?.tag === tag,
  );
/** An ISO date-time as zod checks it (made once, on first use). */
const datetime = lazySchema(() => z.string().datetime());
const isDatetime = (v: unknown) => datetime.safeParse(v).success;
const isoDay = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

/** The referenced record must belong to the same gemeente as the one referring to it. */
function sameOwner(field: string, what: string) {
  return (owner: string, set: Record<string, unknown>): string | undefined => {
    const ref = typeof set[field] === 'string' ? parseRecordId(set[field]) : undefined;
    return ref && ref.owner !== owner ? `${what} van ${ref.owner} in een record van ${owner}` : undefined;
  };
}

Object.assign(RECORD_TYPES, {
  agreement: {
    name: 'agreement',
    tag: 'ag',
    table: 'agreements',
    ownerColumn: 'proposer',
    fields: { terms: { column: 'terms', schema: agreementTermsSchema, json: true } },
    required: ['terms'],
    check: (owner, set) => {
      const terms = set.terms as { parties?: string[] } | undefined;
      return terms?.parties && !terms.parties.includes(owner) ? `${owner} stelt een afspraak voor waarin het zelf geen partij is` : undefined;
    },
  },
  signature: {
    name: 'signature',
    tag: 'sg',
    table: 'signatures',
    ownerColumn: 'signer',
    fields: {
      agreement: { column: 'agreement_id', ...recordRef('ag') },
      contentHash: { column: 'content_hash', schema: lazySchema(() => z.string().regex(/^[0-9a-f]{64}$/)) },
      signedAt: { column: 'signed_at', schema: lazySchema(() => z.string().datetime()) },
      terminateFrom: { column: 'terminate_from', schema: lazySchema(() => isoDay.nullable()) },
    },
    required: ['agreement', 'contentHash', 'signedAt', 'terminateFrom'],
  },
  absence: {
    name: 'absence',
    tag: 'ab',
    table: 'absences',
    ownerColumn: 'employer',
    fields: {
      officer: { column: 'officer_id', ...recordRef('of') },
      start: { column: 'starts_at', ...localTime },
      end: { column: 'ends_at', ...localTime },
      cancelled: { column: 'cancelled', ...bool },
    },
    required: ['officer', 'start', 'end', 'cancelled'],
    check: sameOwner('officer', 'handhaver'),
  },
  request: {
    name: 'request',
    tag: 'rq',
    table: 'requests',
    ownerColumn: 'host',
    fields: {
      shift: { column: 'shift_id', ...recordRef('sh') },
      provider: {
        column: 'provider',
        ...fast(
          () => z.string().regex(/^GM\d{4}$/),
          (v) => isString(v) && /^GM\d{4}$/.test(v),
        ),
      },
      agreement: { column: 'agreement_id', ...nullable(recordRef('ag')) },
      count: { column: 'count', ...int(1, 500) },
      note: { column: 'note', ...text(500) },
      withdrawn: { column: 'withdrawn', ...bool },
      approvedBy: { column: 'approved_by', ...nullable(text(120)) },
      approvedAt: {
        column: 'approved_at',
        ...fast(
          () => z.string().datetime().nullable(),
          (v) => v === null || isDatetime(v),
        ),
      },
    },
    required: ['shift', 'provider', 'agreement', 'count', 'note', 'withdrawn', 'approvedBy', 'approvedAt'],
    check: sameOwner('shift', 'dienst'),
  },
  response: {
    name: 'response',
    tag: 'rs',
    table: 'responses',
    ownerColumn: 'provider',
    fields: {
      request: { column: 'request_id', ...recordRef('rq') },
      declined: { column: 'declined', ...bool },
      reason: { column: 'reason', ...text(500) },
    },
    required: ['request', 'declined', 'reason'],
  },
  commitment: {
    name: 'commitment',
    tag: 'cm',
    table: 'commitments',
    ownerColumn: 'provider',
    fields: {
      request: { column: 'request_id', ...recordRef('rq') },
      officer: { column: 'officer_id', ...recordRef('of') },
      withdrawn: { column: 'withdrawn', ...bool },
      reasons: {
        column: 'reasons',
        ...fast(
          () => z.record(z.string().max(40), z.string().max(500)),
          (v) => {
            if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
            const proto = Object.getPrototypeOf(v) as unknown;
            if (proto !== Object.prototype && proto !== null) return false;
            return Object.entries(v).every(([k, x]) => k.length <= 40 && isString(x) && x.length <= 500);
          },
        ),
        json: true,
      },
    },
    required: ['request', 'officer', 'withdrawn', 'reasons'],
    check: sameOwner('officer', 'handhaver'),
  },
} satisfies Record<string, RecordType>);

const opTypes = new Map<string, { type: RecordType; action: string } | undefined>();

export function recordTypeOf(opType: string): { type: RecordType; action: string } | undefined {
  if (opTypes.has(opType)) return opTypes.get(opType);
  const [name, action] = opType.split('.');
  const type = name && Object.hasOwn(RECORD_TYPES, name) ? RECORD_TYPES[name] : undefined;
  const resolved = type && action ? { type, action } : undefined;
  // Known kinds and actions only are kept: a hostile file cannot grow this map.
  if (resolved && (action === 'create' || action === 'update')) opTypes.set(opType, resolved);
  return resolved;
}

// Vaststellen: a settlement statement and its signatures are content-addressed. The statement's id is derived
// from its pair, period and content hash, and a signature names the statement by that id and the same hash,
// so a signature binds exactly one text: it cannot be moved to another statement, pair or period, and
// neither record can be changed once written (a later change to the period becomes a correction instead).
const PAIR = /^(GM\d{4})\|(GM\d{4})$/;
const PERIOD = /^(\d{4}-\d{2}-\d{2})\|(\d{4}-\d{2}-\d{2})$/;
const pairField = fast(
  () => z.string().regex(PAIR),
  (v) => isString(v) && PAIR.test(v),
);
const periodField = fast(
  () => z.string().regex(PERIOD),
  (v) => isString(v) && PERIOD.test(v),
);
const sha256Field = fast(
  () => z.string().regex(/^[0-9a-f]{64}$/),
  (v) => isString(v) && /^[0-9a-f]{64}$/.test(v),
);

export function statementId(proposer: string, pair: string, period: string, hash: string): string {
  return derivedId(proposer, 'st', 'statement', pair, period, hash);
}

export function statementSignatureId(signer: string, statement: string): string {
  return derivedId(signer, 'ss', 'statement-signature', statement);
}

export function statementContentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Why a pair and period are not well-formed, or why `who` may not act on them. */
function pairProblem(who: string, pair: string, period: string): string | undefined {
  const p = PAIR.exec(pair);
  const d = PERIOD.exec(period);
  if (!p || !d) return 'ongeldig paar of ongeldige periode';
  if (p[1]! >= p[2]!) return `paar ${pair} is niet twee verschillende gemeenten in volgorde`;
  if (d[1]! > d[2]!) return `periode ${period} eindigt vóór het begin`;
  if (who !== p[1] && who !== p[2]) return `${who} is geen partij bij de verrekening ${p[1]} – ${p[2]}`;
  return undefined;
}

const NEVER_CHANGED = 'een voorgestelde of vastgestelde verrekening wordt nooit gewijzigd; een latere wijziging wordt een correctie in de volgende open periode';

Object.assign(RECORD_TYPES, {
  statement: {
    name: 'statement',
    tag: 'st',
    table: 'statements',
    ownerColumn: 'proposer',
    fields: {
      pair: { column: 'pair', ...pairField },
      period: { column: 'period', ...periodField },
      content: { column: 'content', schema: lazySchema(() => z.record(z.string(), z.unknown())), json: true },
      contentHash: { column: 'content_hash', ...sha256Field },
    },
    required: ['pair', 'period', 'content', 'contentHash'],
    immutable: NEVER_CHANGED,
    check: (owner, set, id) => {
      const pair = set.pair as string;
      const period = set.period as string;
      const problem = pairProblem(owner, pair, period);
      if (problem) return problem;
      const content = set.content as { pair?: unknown; period?: unknown };
      if (content.pair !== pair || content.period !== period) return 'de verrekening noemt een ander paar of een andere periode dan haar inhoud';
      if (statementContentHash(set.content) !== set.contentHash) return 'de inhoud van de verrekening past niet bij haar controlegetal';
      if (id !== statementId(owner, pair, period, set.contentHash)) return 'de sleutel van de verrekening past niet bij haar inhoud';
      return undefined;
    },
  },
  cosign: {
    name: 'cosign',
    tag: 'ss',
    table: 'statement_signatures',
    ownerColumn: 'signer',
    fields: {
      statement: { column: 'statement_id', ...recordRef('st') },
      pair: { column: 'pair', ...pairField },
      period: { column: 'period', ...periodField },
      contentHash: { column: 'content_hash', ...sha256Field },
      signedAt: { column: 'signed_at', schema: lazySchema(() => z.string().datetime()) },
    },
    required: ['statement', 'pair', 'period', 'contentHash', 'signedAt'],
    immutable: NEVER_CHANGED,
    check: (owner, set, id) => {
      const pair = set.pair as string;
      const period = set.period as string;
      const statement = set.statement as string;
      const problem = pairProblem(owner, pair, period);
      if (problem) return `ondertekening geweigerd: ${problem}`;
      const proposer = parseRecordId(statement)!.owner;
      if (pairProblem(proposer, pair, period)) return `ondertekening geweigerd: de verrekening is voorgesteld door ${proposer}, geen partij bij ${pair}`;
      if (statement !== statementId(proposer, pair, period, set.contentHash as string))
        return 'ondertekening geweigerd: de handtekening hoort bij een andere tekst, een ander paar of een andere periode dan de verrekening die zij noemt';
      if (id !== statementSignatureId(owner, statement)) return 'ondertekening geweigerd: de sleutel van de handtekening past niet bij de verrekening';
      return undefined;
    },
  },
} satisfies Record<string, RecordType>);
