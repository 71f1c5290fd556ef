import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRules, createMemberkit, manualClock, memoryStore, type ProfileStore, type RuleTag, type StoredEvent } from '../index.ts';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const HOUR = 3_600_000;

// A short window, so that which events a scan counts depends on their times.
const ruleTags: RuleTag[] = [
  { id: 'viewed-2h', kind: 'dynamic', rule: { event: 'product_viewed', within: { last: 2, unit: 'hour' }, count: { op: 'gte', value: 2 } } },
  { id: 'abandoner', kind: 'dynamic', rule: { event: 'product_added', within: { last: 1, unit: 'day' }, notFollowedBy: { event: 'order_completed', within: { last: 1, unit: 'hour' } } } },
];

const step = fc.record({
  id: fc.integer({ min: 0, max: 40 }),
  // Out of order on purpose: inserts land in the middle of a history.
  at: fc.integer({ min: 0, max: 30 }),
  type: fc.constantFrom('product_viewed', 'product_added', 'signed_in', 'order_completed'),
  device: fc.integer({ min: 0, max: 5 }),
  fail: fc.boolean(),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function toInput(s: Step): Record<string, unknown> {
  const base = { id: `e${s.id}`, timestamp: T0 + s.at * HOUR, anonymousId: `dev${s.device}` };
  if (s.type === 'signed_in') return { ...base, type: s.type, userId: `u${s.device >> 1}`, properties: {} };
  if (s.type === 'order_completed') return { ...base, type: s.type, userId: `u${s.device >> 1}`, properties: { orderId: `o${s.id}`, currency: 'CNY', total: 100, products: [{ productId: 'p1', price: 100, quantity: 1 }] } };
  if (s.type === 'product_added') return { ...base, type: s.type, properties: { productId: 'p1', price: 100, quantity: 1, currency: 'CNY' } };
  return { ...base, type: s.type, properties: { productId: 'p1' } };
}

// Every profile the store knows, merged-away ones included, with its events.
async function histories(store: ProfileStore, ids: Iterable<string>): Promise<Map<string, { events: readonly StoredEvent[]; times: readonly number[] }>> {
  const out = new Map<string, { events: readonly StoredEvent[]; times: readonly number[] }>();
  await store.transactionSync!((tx) => {
    for (const id of ids) out.set(id, { events: tx.listEvents(id).slice(), times: tx.listEventTimes!(id).slice() });
  });
  return out;
}

describe('memoryStore', () => {
  it('keeps its times column equal to its events’ timestamps, sorted, through out-of-order appends, merges, unmerges and rolled-back transactions', async () => {
    let merges = 0;
    let rolledBack = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 50 }), fc.boolean(), async (steps, unmergeAll) => {
        const store = memoryStore();
        const mk = createMemberkit({ store, clock: manualClock(T0 + 32 * HOUR), ruleTags });
        const ids = new Set<string>();
        const mergeIds: string[] = [];
        for (const s of steps) {
          if (s.fail && s.id % 4 === 0) {
            // Writes, then throws: nothing may stay, the column included.
            const before = await histories(store, ids);
            await expect(
              store.transaction(async (tx) => {
                const id = [...ids][0] ?? 'prof_x';
                await tx.appendEvent({ ...(toInput(s) as unknown as StoredEvent), id: `fail${s.id}`, source: 'client', profileId: id });
                throw new Error('boom');
              }),
            ).rejects.toThrow('boom');
            expect(await histories(store, ids)).toEqual(before);
            rolledBack++;
            continue;
          }
          const r = await mk.ingest(toInput(s));
          ids.add(r.profileId);
          mergeIds.push(...r.merges);
          merges += r.merges.length;
        }
        if (unmergeAll) for (const id of mergeIds.reverse()) await mk.unmerge(id);
        for (const [id, { events, times }] of await histories(store, [...ids, ...(await allProfileIds(store))])) {
          expect(times).toEqual(events.map((e) => e.timestamp));
          for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
          for (const e of events) expect(e.profileId).toBe(id);
          // Rule windows read the column: the same answers as from the events.
          const profile = await store.getProfile(id);
          if (profile) expect(applyRules(profile, events, T0 + 32 * HOUR, ruleTags, [], undefined, times)).toEqual(applyRules(profile, events, T0 + 32 * HOUR, ruleTags, []));
        }
      }),
      { numRuns: 200 },
    );
    expect(merges).toBeGreaterThan(50);
    expect(rolledBack).toBeGreaterThan(50);
  });

  it('forgets an event id whose append was rolled back, and stores it again once', async () => {
    const store = memoryStore();
    const event: StoredEvent = { id: 'e1', timestamp: T0, anonymousId: 'a1', source: 'client', type: 'products_searched', properties: { query: 'x' }, profileId: 'prof_1' };
    await expect(
      store.transaction(async (tx) => {
        expect(await tx.appendEvent(event)).toBe(true);
        expect(await tx.findEventProfileId('e1')).toBe('prof_1');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.findEventProfileId('e1')).toBeUndefined();
    expect(await store.listEvents('prof_1')).toEqual([]);
    const again = { ...event, profileId: 'prof_2' };
    expect(await store.transaction(async (tx) => [await tx.appendEvent(again), await tx.appendEvent(again)])).toEqual([true, false]);
    expect(await store.findEventProfileId('e1')).toBe('prof_2');
    expect(await store.listEvents('prof_2')).toEqual([again]);
  });

  it('links, unlinks and relinks identifiers, and a rolled-back transaction restores the links it changed', async () => {
    const store = memoryStore();
    await store.transaction(async (tx) => tx.linkIdentifier('email', 'a@b.cn', 'prof_1'));
    await expect(
      store.transaction(async (tx) => {
        await tx.unlinkIdentifier('email', 'a@b.cn');
        await tx.linkIdentifier('email', 'c@d.cn', 'prof_1');
        await tx.linkIdentifier('phone', '+8613800000000', 'prof_1');
        expect(await tx.findProfileId('email', 'a@b.cn')).toBeUndefined();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.findProfileId('email', 'a@b.cn')).toBe('prof_1');
    expect(await store.findProfileId('email', 'c@d.cn')).toBeUndefined();
    expect(await store.findProfileId('phone', '+8613800000000')).toBeUndefined();
    await store.transaction(async (tx) => tx.unlinkIdentifier('email', 'a@b.cn'));
    expect(await store.findProfileId('email', 'a@b.cn')).toBeUndefined();
    await store.transaction(async (tx) => tx.linkIdentifier('email', 'a@b.cn', 'prof_2'));
    expect(await store.findProfileId('email', 'a@b.cn')).toBe('prof_2');
  });

  it('answers an empty times column for a profile it does not know', async () => {
    const store = memoryStore();
    expect(await store.transactionSync!((tx) => tx.listEventTimes!('nobody'))).toEqual([]);
  });
});

async function allProfileIds(store: ProfileStore): Promise<string[]> {
  const out: string[] = [];
  for await (const id of store.listProfileIds()) out.push(id);
  return out;
}
