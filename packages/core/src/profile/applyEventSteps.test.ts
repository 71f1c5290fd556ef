import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemberkit, manualClock, memoryStore, type ProfileStore, type RuleTag, type Segment } from '../index.ts';

const T0 = Date.parse('2026-03-01T02:00:00Z');
const ruleTags: RuleTag[] = [
  { id: 'viewed-baby', kind: 'dynamic', rule: { event: 'product_viewed', where: { category: 'baby' }, within: { last: 7, unit: 'day' }, count: { op: 'gte', value: 2 } } },
  { id: 'buyer', kind: 'dynamic', rule: { event: 'order_completed' } },
  { id: 'female', kind: 'static', rule: { field: 'traits.gender', op: 'eq', value: 'female' } },
];
const segments: Segment[] = [{ id: 'prospects', name: 'Prospects', rule: { all: [{ hasTag: 'viewed-baby' }, { not: { hasTag: 'buyer' } }] } }];

// The memory store without its synchronous transactions: ingest then runs
// the generator steps, as it does on any async store.
function asyncOnly(store: ProfileStore): ProfileStore {
  const { transactionSync: _, liveProfileIdsSync: __, ...rest } = store;
  return { ...rest, transaction: (fn) => store.transaction(fn), listProfileIds: () => store.listProfileIds(), countProfiles: () => store.countProfiles() };
}

// Four people with two devices each (as in the ingest benchmark), who
// sign in now and then, plus a few events naming somebody else's user id or
// phone: events link, merge and conflict.
const event = fc.record({
  id: fc.integer({ min: 0, max: 60 }),
  at: fc.integer({ min: 0, max: 72 }),
  type: fc.constantFrom('product_viewed', 'signed_in', 'order_completed'),
  device: fc.integer({ min: 0, max: 7 }),
  user: fc.boolean(),
  phone: fc.boolean(),
  stranger: fc.integer({ min: 0, max: 9 }),
  category: fc.constantFrom('baby', 'toys'),
  gender: fc.constantFrom('female', 'male', undefined),
});
type Gen = typeof event extends fc.Arbitrary<infer T> ? T : never;

function toInput(e: Gen, i: number): Record<string, unknown> {
  const person = e.stranger === 0 ? (e.device + 3) % 4 : e.device >> 1;
  const base: Record<string, unknown> = { id: `e${e.id}`, timestamp: T0 + e.at * 3_600_000 + i, type: e.type, anonymousId: `dev${e.device}` };
  if (e.user && e.type !== 'product_viewed') base.userId = `u${person}`;
  if (e.phone && e.type === 'signed_in') base.identifiers = { phone: `1381234000${e.stranger === 1 ? (person + 1) % 4 : person}` };
  if (e.gender !== undefined) base.traits = { gender: e.gender };
  if (e.type === 'product_viewed') base.properties = { productId: 'p1', category: e.category };
  else if (e.type === 'order_completed') base.properties = { orderId: `o${e.id}`, currency: 'CNY', total: 100, products: [{ productId: 'p1', category: e.category, price: 100, quantity: 1 }] };
  else base.properties = {};
  return base;
}

async function snapshot(store: ProfileStore): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const id of store.listProfileIds()) out.push({ profile: await store.getProfile(id), events: await store.listEvents(id), merges: await store.listMerges(id) });
  return out.sort((a, b) => ((a as { profile: { id: string } }).profile.id < (b as { profile: { id: string } }).profile.id ? -1 : 1));
}

describe('applyEventSync (the memory store path)', () => {
  it('answers and stores exactly what the generator steps do on an async store, merges and conflicts included', async () => {
    let merges = 0;
    let conflicts = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 20, maxLength: 60 }), fc.boolean(), async (gens, batched) => {
        const syncStore = memoryStore();
        const asyncStore = memoryStore();
        const clock = manualClock(T0 + 80 * 3_600_000);
        const a = createMemberkit({ store: syncStore, clock, ruleTags, segments });
        const b = createMemberkit({ store: asyncOnly(asyncStore), clock, ruleTags, segments });
        // Each engine parses its own copy: stored events are the parsed objects.
        const run = async (mk: typeof a) => {
          const copies = gens.map(toInput);
          return batched ? mk.ingestBatch(copies) : Promise.all(copies.map((e) => mk.ingest(e)));
        };
        const fromSync = await run(a);
        const fromAsync = await run(b);
        expect(fromSync).toEqual(fromAsync);
        for (const r of fromSync) {
          if (r.status === 'rejected') continue;
          merges += r.merges.length;
          conflicts += r.conflicts.length;
        }
        expect(await snapshot(syncStore)).toEqual(await snapshot(asyncStore));
      }),
      { numRuns: 300 },
    );
    // The generator must see merges often, or the comparison says little.
    expect(merges).toBeGreaterThan(100);
    expect(conflicts).toBeGreaterThan(100);
  });
});
