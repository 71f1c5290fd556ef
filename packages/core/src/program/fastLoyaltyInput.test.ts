import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastLoyaltyInput, type LoyaltyInputKind } from './fastLoyaltyInput.ts';
import { loyaltyInputSchemas } from './loyaltyInputSchemas.ts';

// Values near every boundary the schemas draw: empty, padded, too long, fractional, zero, negative, wrong type.
const str = fc.oneof(fc.constantFrom('m1', 'k', ' m1', 'm1 ', '', '\t', 'x'.repeat(200), 'x'.repeat(201), 'y'.repeat(301), 'y'.repeat(501)), fc.string({ maxLength: 12 }));
const num = fc.oneof(fc.constantFrom(0, 1, -1, 5, 1.5, Number.NaN, Infinity, 2 ** 53, -(2 ** 53), 1_767_225_600_000), fc.integer());
const anyValue = fc.oneof(str, num, fc.constant(undefined), fc.constant(null), fc.constantFrom('sign_up', 'birthday', 'review', 'check_in', 'nap'), fc.boolean());
const fields: Record<LoyaltyInputKind, string[]> = {
  redeem: ['memberId', 'points', 'orderId', 'reason', 'idempotencyKey'],
  adjust: ['memberId', 'points', 'reason', 'idempotencyKey'],
  action: ['memberId', 'action', 'ref', 'idempotencyKey'],
  override: ['memberId', 'tierId', 'reason', 'expiresAt', 'idempotencyKey'],
  eventOptions: ['idempotencyKey'],
};
const kinds = Object.keys(fields) as LoyaltyInputKind[];

/** An input of `kind` with each field either absent or any boundary value, sometimes with a stray key. */
const input = (kind: LoyaltyInputKind) =>
  fc.tuple(fc.record(Object.fromEntries(fields[kind].map((f) => [f, anyValue])), { requiredKeys: [] }), fc.option(fc.constantFrom('extra', 'points', 'memberId'), { nil: undefined }), anyValue).map(([r, extra, v]) =>
    extra === undefined ? r : { ...r, [extra]: v },
  );

/** Valid inputs in their common shape, which the fast path must take. */
const valid: Record<LoyaltyInputKind, fc.Arbitrary<unknown>> = {
  redeem: fc.record({ memberId: fc.constantFrom('m1', 'member-42'), points: fc.integer({ min: 1, max: 10_000 }), orderId: fc.option(fc.constant('o1'), { nil: undefined }), idempotencyKey: fc.constant('k1') }),
  adjust: fc.record({ memberId: fc.constant('m1'), points: fc.integer({ min: -500, max: 500 }).filter((n) => n !== 0), reason: fc.constant('goodwill'), idempotencyKey: fc.constant('k2') }),
  action: fc.record({ memberId: fc.constant('m1'), action: fc.constantFrom('sign_up', 'birthday', 'review', 'check_in'), idempotencyKey: fc.constant('k3') }),
  override: fc.record({ memberId: fc.constant('m1'), tierId: fc.constant('gold'), reason: fc.constant('VIP'), expiresAt: fc.nat(), idempotencyKey: fc.constant('k4') }),
  eventOptions: fc.record({ idempotencyKey: fc.constant('k5') }, { requiredKeys: [] }),
};

describe('fastLoyaltyInput', () => {
  it.each(kinds)('agrees with zod on %s: the same output when it answers, and it never accepts what zod rejects', (kind) => {
    fc.assert(
      fc.property(input(kind), (value) => {
        const fast = fastLoyaltyInput(kind, value);
        const slow = loyaltyInputSchemas[kind].safeParse(value);
        if (fast !== undefined) {
          expect(slow.success).toBe(true);
          expect(fast).toStrictEqual(slow.data);
          expect(fast).not.toBe(value);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it.each(kinds)('takes the common valid shape of %s', (kind) => {
    fc.assert(
      fc.property(valid[kind], (value) => {
        expect(fastLoyaltyInput(kind, value)).toStrictEqual(loyaltyInputSchemas[kind].parse(value));
      }),
    );
  });

  it('leaves padded strings, ISO dates and non-objects to zod', () => {
    expect(fastLoyaltyInput('adjust', { memberId: 'm1', points: 5, reason: ' x ', idempotencyKey: 'k' })).toBeUndefined();
    expect(fastLoyaltyInput('override', { memberId: 'm1', tierId: 'g', reason: 'r', expiresAt: '2026-01-01', idempotencyKey: 'k' })).toBeUndefined();
    expect(fastLoyaltyInput('redeem', [])).toBeUndefined();
    expect(fastLoyaltyInput('redeem', new Date())).toBeUndefined();
  });
});
