import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../events/memberkitEvent.ts';
import { fastOrderEvent } from './fastOrderEvent.ts';

const zodParse = (v: unknown) => {
  try {
    return { ok: true as const, event: parseEvent(v) };
  } catch {
    return { ok: false as const };
  }
};

// Mostly valid values, sometimes one across a boundary, so both paths get exercised.
const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: bad });
const str = often(fc.constantFrom('o1', 'p1', 'a-b'), fc.oneof(fc.constantFrom('CNY', 'usd', ' o1', '', 'x'.repeat(201)), fc.string({ maxLength: 6 })));
const amount = often(fc.nat({ max: 100_000 }), fc.constantFrom(-1, 1.5, 2 ** 53, '5'));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const line = fc.record(
  { productId: fc.oneof(fc.constant('p1'), str), sku: maybe(str), name: maybe(str), price: amount, quantity: often(fc.constantFrom(1, 2, 3), fc.constantFrom(0, -1, 1.5)), discount: maybe(amount), color: str },
  { requiredKeys: ['productId', 'price', 'quantity'] },
).map(({ color, ...l }) => (color === 'a-b' ? { ...l, color } : l));
const refundLine = fc.record({ productId: fc.oneof(fc.constant('p1'), str), sku: maybe(str), quantity: often(fc.constantFrom(1, 2), fc.constantFrom(0, 1.5)), amount: maybe(amount) }, { requiredKeys: ['productId', 'quantity'] });

const completed = fc.record(
  {
    orderId: fc.oneof(fc.constant('o1'), str),
    currency: fc.oneof(fc.constant('CNY'), str),
    total: amount,
    shipping: maybe(amount),
    discount: maybe(amount),
    pointsRedeemed: maybe(amount),
    products: fc.array(line, { maxLength: 3 }),
    coupons: maybe(fc.array(str, { maxLength: 2 })),
    storeId: maybe(str),
  },
  { requiredKeys: ['orderId', 'currency', 'total', 'products'] },
);
const refunded = fc.record(
  { orderId: fc.oneof(fc.constant('o1'), str), refundId: maybe(str), currency: fc.oneof(fc.constant('CNY'), str), total: maybe(amount), products: maybe(fc.array(refundLine, { maxLength: 3 })) },
  { requiredKeys: ['orderId', 'currency'] },
);
const envelope = (type: 'order_completed' | 'order_refunded') =>
  fc.record(
    {
      id: fc.oneof(fc.constant('e1'), str),
      type: often(fc.constant(type), fc.constantFrom('order_completed', 'order_refunded', 'signed_in')),
      timestamp: often(amount, fc.constantFrom('2026-01-01T00:00:00Z', new Date(0))),
      userId: often(fc.constantFrom('m1', 'm2'), fc.constantFrom(undefined, ' m1', '')),
      anonymousId: maybe(str),
      source: maybe(often(fc.constantFrom('server', 'client'), fc.constant('browser'))),
      properties: type === 'order_completed' ? completed : refunded,
      extra: fc.constantFrom(undefined, undefined, undefined, undefined, undefined, undefined, undefined, { key: 'context', value: { channel: 'web' } }, { key: 'traits', value: {} }, { key: 'color', value: 'red' }),
    },
    { requiredKeys: ['id', 'type', 'timestamp', 'userId', 'properties', 'extra'] },
  ).map(({ extra, ...e }) => (extra === undefined ? e : { ...e, [extra.key]: extra.value }));

describe('fastOrderEvent', () => {
  it.each(['order_completed', 'order_refunded'] as const)('agrees with parseEvent on %s events: the same event when it answers, never one zod rejects', (type) => {
    let answered = 0;
    fc.assert(
      fc.property(envelope(type), (value) => {
        const fast = fastOrderEvent(value, type);
        if (fast === undefined) return;
        answered += 1;
        const slow = zodParse(value);
        expect(slow.ok).toBe(true);
        expect(fast).toStrictEqual(slow.ok ? slow.event : undefined);
      }),
      { numRuns: 3000 },
    );
    // The generator reaches the fast path often enough for the comparison to mean something.
    expect(answered).toBeGreaterThan(10);
  });

  it('takes a typical backend order and copies it (the caller may reuse its object)', () => {
    const input = { id: 'e1', type: 'order_completed', timestamp: 1_767_225_600_000, userId: 'm1', source: 'server', properties: { orderId: 'o1', currency: 'CNY', total: 19_900, pointsRedeemed: 500, products: [{ productId: 'p1', price: 20_400, quantity: 1, discount: 500 }] } };
    const fast = fastOrderEvent(input, 'order_completed');
    expect(fast).toStrictEqual(parseEvent(input));
    expect(fast?.properties.products[0]).not.toBe(input.properties.products[0]);
  });

  it('leaves ISO timestamps, padded ids, context and missing sources of identity to parseEvent', () => {
    const base = { id: 'e1', type: 'order_refunded', timestamp: 0, userId: 'm1', properties: { orderId: 'o1', currency: 'CNY' } };
    expect(fastOrderEvent(base, 'order_refunded')?.source).toBe('client');
    expect(fastOrderEvent({ ...base, timestamp: '2026-01-01T00:00:00Z' }, 'order_refunded')).toBeUndefined();
    expect(fastOrderEvent({ ...base, id: ' e1' }, 'order_refunded')).toBeUndefined();
    expect(fastOrderEvent({ ...base, context: {} }, 'order_refunded')).toBeUndefined();
    expect(fastOrderEvent({ ...base, userId: undefined }, 'order_refunded')).toBeUndefined();
    expect(fastOrderEvent(base, 'order_completed')).toBeUndefined();
  });
});
