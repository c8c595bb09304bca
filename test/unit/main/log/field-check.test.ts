// Every field's fast predicate accepts exactly what its zod schema accepts: the predicates decide, for each
// op of a plan file, whether a partner's value may be stored.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RECORD_TYPES } from '../../../../main/log/records';
import { EVENT_STATUSES, RISK_CLASSES } from '../../../../shared/domain/event';
import { REQUIRED_QUALIFICATIONS, SHIFT_ROLES } from '../../../../shared/domain/shift';

const near = (n: number) => fc.integer({ min: Math.max(0, n - 2), max: n + 2 }).map((k) => 'x'.repeat(k));
const ids = fc.constantFrom('ev', 'of', 'sh', 'ag', 'rq', 'cm', 'xx').chain((tag) =>
  fc.oneof(
    fc.stringMatching(/^GM\d{4}$/).map((g) => `${g}.${tag}.abcdefghij0123`),
    fc.constant(`GM0473.${tag}.short`),
    fc.constant(`GM0473.${tag}.${'a'.repeat(60)}`),
  ),
);
const local = fc.oneof(
  fc.constant('2027-07-10T14:00'),
  fc.constant('2027-02-30T14:00'),
  fc.constant('2027-07-10T24:00'),
  fc.constant('2027-07-10 14:00'),
  fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
);
const words = fc.constantFrom(...RISK_CLASSES, ...EVENT_STATUSES, ...SHIFT_ROLES, ...REQUIRED_QUALIFICATIONS, 'GM0473', 'GM047', '2027-07-10T14:00:00.000Z', '2027-07-10T14:00:00Z', 'onbekend', '');
const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 600 }),
  fc.constantFrom(0.5, -0, Number.MAX_SAFE_INTEGER + 2, 1e21),
  fc.string(),
  near(40),
  near(64),
  near(80),
  near(120),
  near(200),
  near(500),
  words,
  ids,
  local,
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  fc.array(fc.oneof(words, scalar), { maxLength: 12 }),
  fc.dictionary(fc.oneof(fc.string(), near(40)), fc.oneof(scalar, near(500)), { maxKeys: 4 }),
);

describe('the fast field predicates', () => {
  const fields = Object.values(RECORD_TYPES).flatMap((type) =>
    Object.entries(type.fields)
      .filter(([, spec]) => spec.test)
      .map(([name, spec]) => ({ name: `${type.name}.${name}`, spec })),
  );

  it('cover the fields of the common ops', () => {
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['event.start', 'shift.qualifications', 'request.agreement', 'commitment.reasons', 'commitment.officer']));
  });

  it.each(fields)('$name agrees with its schema', ({ spec }) => {
    fc.assert(
      fc.property(value, (v) => {
        expect(spec.test!(v)).toBe(spec.schema.safeParse(v).success);
      }),
      { numRuns: 3000 },
    );
  });
});
