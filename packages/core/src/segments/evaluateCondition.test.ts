import { describe, expect, it } from 'vitest';
import { conditionSchema, createMemberkit, defineSegment, manualClock, MemberkitError, type RuleTag, type Segment } from '../index.ts';

const T0 = Date.parse('2026-03-10T00:00:00Z');
const H = 3_600_000;
const D = 24 * H;
let n = 0;
const view = (who: string, at: number, category: string) => ({ id: `v${++n}`, type: 'product_viewed', timestamp: at, anonymousId: who, properties: { productId: `p${n}`, category } });
const cart = (who: string, at: number) => ({ id: `c${++n}`, type: 'product_added', timestamp: at, anonymousId: who, properties: { productId: 'p1', price: 100, quantity: 1, currency: 'CNY' } });
const order = (who: string, at: number, total: number, category = 'baby') => ({
  id: `o${++n}`,
  type: 'order_completed',
  source: 'server',
  timestamp: at,
  anonymousId: who,
  properties: { orderId: `ord${n}`, currency: 'CNY', total, products: [{ productId: 'p1', price: total, quantity: 1, category }] },
});

const ruleTags: RuleTag[] = [
  { id: 'baby-interest', kind: 'dynamic', rule: { event: 'product_viewed', where: { category: 'baby' }, within: { last: 7, unit: 'day' }, count: { op: 'gte', value: 3 } } },
  { id: 'cart-abandoner', kind: 'dynamic', rule: { event: 'product_added', within: { last: 1, unit: 'day' }, notFollowedBy: { event: 'order_completed', within: { last: 1, unit: 'hour' } } } },
  { id: 'big-spender', kind: 'static', rule: { event: 'order_completed', sum: { property: 'total', op: 'gte', value: 100000 } } },
];
const segments: Segment[] = [
  { id: 'baby-buyers', name: '母婴买家', rule: { event: 'order_completed', where: { 'products.category': 'baby' } } },
  { id: 'gold', name: 'Gold', rule: { field: 'attributes.tier', op: 'eq', value: 'gold' } },
  { id: 'interested-not-buying', name: 'Interested, not buying', rule: { all: [{ hasTag: 'baby-interest' }, { not: { field: 'stats.orderCount', op: 'gt', value: 0 } }] } },
  { id: 'sleeping', name: '沉睡客', rule: { all: [{ field: 'stats.orderCount', op: 'gte', value: 1 }, { field: 'stats.daysSinceLastOrder', op: 'gte', value: 30 }] } },
];

describe('rule tags and segments', () => {
  it('≥3 baby product views in the last 7 days, evaluated on each event', async () => {
    const clock = manualClock(T0);
    const mk = createMemberkit({ clock, ruleTags, segments });
    await mk.ingest(view('a', T0 - 8 * D, 'baby'));
    await mk.ingest(view('a', T0 - 2 * D, 'baby'));
    const second = await mk.ingest(view('a', T0 - D, 'toys'));
    expect(second.tagsEntered).toEqual([]);
    const r = await mk.ingest(view('a', T0 - H, 'baby'));
    expect(r.tagsEntered).toEqual([]); // only 2 baby views inside the window so far
    const r2 = await mk.ingest(view('a', T0, 'baby'));
    expect(r2.tagsEntered).toEqual(['baby-interest']);
    expect(r2.segmentsEntered).toEqual(['interested-not-buying']);
    const bought = await mk.ingest(order('a', T0 + 1, 5000));
    expect(bought.segmentsEntered).toEqual(['baby-buyers']);
    expect(bought.segmentsLeft).toEqual(['interested-not-buying']);
  });

  it('cart added and no order within 1 hour: only once the hour has passed; batch picks it up', async () => {
    const clock = manualClock(T0);
    const mk = createMemberkit({ clock, ruleTags, segments });
    const added = await mk.ingest(cart('b', T0));
    expect(added.tagsEntered).toEqual([]);
    const paid = await mk.ingest(cart('c', T0));
    await mk.ingest(order('c', T0 + 30 * 60_000, 100));
    clock.advance(2 * H);
    const batch = await mk.evaluateAll();
    expect(batch.tags['cart-abandoner']).toEqual({ entered: [added.profileId], left: [], size: 1 });
    expect(batch.tags['cart-abandoner']!.entered).not.toContain(paid.profileId);
    clock.advance(2 * D);
    const later = await mk.evaluateAll();
    expect(later.tags['cart-abandoner']!.left).toEqual([added.profileId]);
    expect(later.segments['sleeping']!.size).toBe(0);
    clock.advance(30 * D);
    expect((await mk.evaluateAll()).segments['sleeping']!.entered).toEqual([paid.profileId]);
  });

  it('sums, attributes and manual tags are queried the same way', async () => {
    const mk = createMemberkit({ clock: manualClock(T0), ruleTags, segments: [...segments, { id: 'vip-care', name: 'VIP care', rule: { any: [{ hasTag: 'vip-service' }, { hasTag: 'big-spender' }] } }] });
    const r1 = await mk.ingest(order('d', T0, 60000));
    expect(r1.tagsEntered).toEqual([]);
    const r2 = await mk.ingest(order('d', T0 + 1, 40000));
    expect(r2.tagsEntered).toEqual(['big-spender']);
    expect(r2.segmentsEntered).toContain('vip-care');
    const e = await mk.ingest(view('e', T0, 'shoes'));
    const tagged = await mk.tag(e.profileId, { tag: 'vip-service', by: 'cs_042', reason: 'complaint about delivery' });
    expect(tagged.changes.segmentsEntered).toEqual(['vip-care']);
    expect(tagged.profile.tags.find((t) => t.tag === 'vip-service')).toMatchObject({ origin: 'manual', by: 'cs_042' });
    const again = await mk.tag(e.profileId, { tag: 'vip-service', by: 'cs_042' });
    expect(again.changes.tagsEntered).toEqual([]);
    const removed = await mk.untag(e.profileId, 'vip-service');
    expect(removed.changes.segmentsLeft).toEqual(['vip-care']);
    await expect(mk.tag(e.profileId, { tag: '', by: 'x' })).rejects.toMatchObject({ code: 'invalid_input', field: 'tag' });
  });

  it('rejects invalid rule definitions with the field named', () => {
    expect(() => defineSegment({ id: 'x', name: 'X', rule: { field: 'color', op: 'eq', value: 1 } as never })).toThrowError(MemberkitError);
    expect(() => createMemberkit({ segments: [{ id: 'x', name: 'X', rule: { event: 'nope' } as never }] })).toThrowError(MemberkitError);
    expect(() => createMemberkit({ segments: [segments[0]!, segments[0]!] })).toThrow(/Duplicate segments id/);
    expect(conditionSchema.safeParse({ field: 'traits.gender', op: 'in', value: 'female' }).success).toBe(false);
    try {
      defineSegment({ id: 's', name: 'S', rule: { all: [{ event: 'product_viewed', count: { op: 'gte', value: 'three' } }] } as never });
    } catch (e) {
      expect((e as MemberkitError).issues.length).toBeGreaterThan(0);
    }
  });
});
