import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemberkit, manualClock, memoryStore, type ProfileStore, type RuleTag, type Segment } from '../index.ts';

const T = Date.parse('2026-03-10T00:00:00Z');
const HOUR = 3_600_000;
const ruleTags: RuleTag[] = [
  { id: 'baby-3', kind: 'dynamic', rule: { event: 'product_viewed', where: { category: 'baby' }, within: { last: 7, unit: 'day' }, count: { op: 'gte', value: 3 } } },
  { id: 'not-toys', kind: 'dynamic', rule: { not: { event: 'product_viewed', where: { category: 'toys' } } } },
  { id: 'baby-buyer', kind: 'dynamic', rule: { event: 'order_completed', where: { 'products.category': 'baby' } } },
  { id: 'abandoner', kind: 'dynamic', rule: { event: 'product_added', within: { last: 1, unit: 'day' }, notFollowedBy: { event: 'order_completed', within: { last: 1, unit: 'hour' } } } },
  { id: 'spender', kind: 'static', rule: { event: 'order_completed', sum: { property: 'total', op: 'gte', value: 30_000 } } },
  { id: 'repeat', kind: 'static', rule: { field: 'stats.orderCount', op: 'gte', value: 2 } },
  { id: 'female', kind: 'static', rule: { field: 'traits.gender', op: 'eq', value: 'female' } },
  { id: 'not-male', kind: 'static', rule: { not: { field: 'traits.gender', op: 'eq', value: 'male' } } },
];
const segments: Segment[] = [
  { id: 'prospects', name: 'Prospects', rule: { all: [{ hasTag: 'baby-3' }, { not: { hasTag: 'baby-buyer' } }] } },
  { id: 'mixed', name: 'Mixed', rule: { any: [{ hasTag: 'repeat' }, { event: 'products_searched' }, { field: 'traits.gender', op: 'eq', value: 'female' }] } },
];

const person = fc.integer({ min: 0, max: 5 });
const at = fc.integer({ min: 0, max: 10 * 24 }).map((h) => T - h * HOUR);
const category = fc.constantFrom('baby', 'toys');
const event = fc.oneof(
  fc.record({ who: person, device: fc.boolean(), at, type: fc.constant('product_viewed' as const), category }),
  fc.record({ who: person, device: fc.boolean(), at, type: fc.constant('product_added' as const), category }),
  fc.record({ who: person, device: fc.boolean(), at, type: fc.constant('products_searched' as const), category }),
  fc.record({ who: person, device: fc.boolean(), at, type: fc.constant('signed_in' as const), category, gender: fc.constantFrom('female', 'male') }),
  fc.record({ who: person, device: fc.boolean(), at, type: fc.constant('order_completed' as const), category, total: fc.constantFrom(9_900, 20_000) }),
);
type Gen = typeof event extends fc.Arbitrary<infer E> ? E : never;

function toEvent(e: Gen, i: number): Record<string, unknown> {
  const base = { id: `e${i}`, timestamp: e.at, anonymousId: `${e.device ? 'app' : 'web'}${e.who}` };
  switch (e.type) {
    case 'product_viewed':
      return { ...base, type: e.type, properties: { productId: 'p', category: e.category } };
    case 'product_added':
      return { ...base, type: e.type, properties: { productId: 'p', category: e.category, price: 100, quantity: 1, currency: 'CNY' } };
    case 'products_searched':
      return { ...base, type: e.type, properties: { query: e.category } };
    case 'signed_in':
      return { ...base, type: e.type, userId: `u${e.who}`, traits: { gender: e.gender }, properties: {} };
    case 'order_completed':
      return { ...base, type: e.type, source: 'server', userId: `u${e.who}`, properties: { orderId: `o${i}`, currency: 'CNY', total: e.total, products: [{ productId: 'p', category: e.category, price: e.total, quantity: 1 }] } };
  }
}

// The memory store without its synchronous side: what an async (SQL) store looks like to the engine.
function asyncOnly(store: ProfileStore): ProfileStore {
  return { ...store, transactionSync: undefined, liveProfileIdsSync: undefined };
}

describe('ingest evaluates only the rules an event can affect', () => {
  it('leaves nothing for a batch pass at the same instant to change (merges included)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 40 }), async (generated) => {
        const mk = createMemberkit({ clock: manualClock(T), ruleTags, segments });
        for (const [i, e] of generated.entries()) await mk.ingest(toEvent(e, i));
        const batch = await mk.evaluateAll();
        for (const [id, t] of Object.entries({ ...batch.tags, ...batch.segments })) {
          expect({ id, entered: t.entered, left: t.left }).toEqual({ id, entered: [], left: [] });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same answers on the synchronous and the async store path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 7 }), async (generated, batchSize) => {
        const sync = createMemberkit({ clock: manualClock(T), ruleTags, segments });
        const slow = createMemberkit({ store: asyncOnly(memoryStore()), clock: manualClock(T), ruleTags, segments });
        const inputs = generated.map(toEvent);
        for (let i = 0; i < inputs.length; i += batchSize) {
          expect(await slow.ingestBatch(inputs.slice(i, i + batchSize))).toEqual(await sync.ingestBatch(inputs.slice(i, i + batchSize)));
        }
        const later = T + 2 * 24 * HOUR;
        (sync.context.clock as ReturnType<typeof manualClock>).set(later);
        (slow.context.clock as ReturnType<typeof manualClock>).set(later);
        expect(await slow.evaluateAll()).toEqual(await sync.evaluateAll());
      }),
      { numRuns: 100 },
    );
  });
});
