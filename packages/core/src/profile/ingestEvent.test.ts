import { describe, expect, it } from 'vitest';
import { createMemberkit, manualClock, MemberkitError, memoryStore } from '../index.ts';

const T0 = Date.parse('2026-03-01T02:00:00Z');
let n = 0;
const ev = (over: Record<string, unknown>) => ({ id: `e${++n}`, timestamp: T0, type: 'signed_in', properties: {}, ...over });
const order = (id: string, over: Record<string, unknown>, total = 20000) =>
  ev({ type: 'order_completed', source: 'server', ...over, properties: { orderId: id, currency: 'CNY', total, products: [{ productId: 'p1', price: total, quantity: 1 }] } });

describe('ingest: identity resolution', () => {
  it('creates a profile and links every cleaned identifier', async () => {
    const mk = createMemberkit({ clock: manualClock(T0) });
    const r = await mk.ingest(ev({ userId: 'u1', anonymousId: 'dev1', identifiers: { phone: '138 1234 5678', email: 'A@B.CN' } }));
    expect(r).toMatchObject({ status: 'accepted', created: true, merges: [], conflicts: [] });
    const p = await mk.findProfile('phone', '+86-138-1234-5678');
    expect(p?.id).toBe(r.profileId);
    expect((await mk.findProfile('email', 'a@b.cn'))?.id).toBe(r.profileId);
  });

  it('gives each new profile its own tags, traits and segments: changing one leaves the others', async () => {
    const mk = createMemberkit({
      clock: manualClock(T0),
      ruleTags: [{ id: 'buyer', kind: 'dynamic', rule: { event: 'order_completed' } }],
      segments: [{ id: 'vip', name: 'VIP', rule: { hasTag: 'vip-service' } }],
    });
    const a = await mk.ingest(ev({ anonymousId: 'dev-a' }));
    const b = await mk.ingest(ev({ anonymousId: 'dev-b' }));
    await mk.ingest(order('o1', { anonymousId: 'dev-a', traits: { gender: 'female' } }));
    await mk.tag(a.profileId, { tag: 'vip-service', by: 'cs_1', reason: 'test' });
    const pa = await mk.getProfile(a.profileId);
    const pb = await mk.getProfile(b.profileId);
    expect(pa).toMatchObject({ traits: { gender: 'female' }, segments: ['vip'] });
    expect(pa?.tags.map((t) => t.tag)).toEqual(['buyer', 'vip-service']);
    expect(pb).toMatchObject({ traits: {}, tags: [], segments: [], attributes: {} });
  });

  it('dedupes by event id: a replay changes nothing', async () => {
    const mk = createMemberkit({ clock: manualClock(T0) });
    const e = ev({ userId: 'u1' });
    const first = await mk.ingest(e);
    const again = await mk.ingest({ ...e, properties: { method: 'changed' } });
    expect(again).toMatchObject({ status: 'duplicate', profileId: first.profileId });
    expect((await mk.view(first.profileId)).eventCount).toBe(1);
  });

  it('merges online and offline histories of one person (R-PROF-1: Ms. Zhang)', async () => {
    const mk = createMemberkit({ clock: manualClock(T0) });
    const online = await mk.ingest(order('o1', { userId: 'zhang-web' }));
    const offline = await mk.ingest(order('o2', { identifiers: { memberCardNo: 'VIP-001', phone: '13912345678' }, context: { channel: 'pos', storeId: 's1' } }, 9900));
    expect(offline.profileId).not.toBe(online.profileId);
    const link = await mk.ingest(ev({ type: 'signed_up', userId: 'zhang-web', identifiers: { phone: '+86 139 1234 5678' }, traits: { name: '张女士' } }));
    expect(link.merges).toHaveLength(1);
    expect(link.profileId).toBe(online.profileId);
    const view = await mk.view(offline.profileId);
    expect(view.id).toBe(online.profileId);
    expect(view.orders.orderCount).toBe(2);
    expect(view.orders.grossRevenue).toBe(29900);
    expect(view.identifiers.memberCardNo).toEqual(['VIP001']);
    expect(view.traits.name).toBe('张女士');
  });

  it('never fuses two accounts that share a device', async () => {
    const mk = createMemberkit({ clock: manualClock(T0) });
    const a = await mk.ingest(ev({ userId: 'u1', anonymousId: 'family-ipad' }));
    const b = await mk.ingest(ev({ userId: 'u2', anonymousId: 'family-ipad' }));
    expect(b.profileId).not.toBe(a.profileId);
    expect(b.conflicts).toEqual([{ kind: 'anonymousId', value: 'family-ipad' }]);
    expect((await mk.findProfile('anonymousId', 'family-ipad'))?.id).toBe(a.profileId);
  });

  it('stitches an anonymous browsing history on login', async () => {
    const mk = createMemberkit({ clock: manualClock(T0) });
    const anon = await mk.ingest(ev({ type: 'product_viewed', anonymousId: 'dev9', properties: { productId: 'p1' } }));
    const login = await mk.ingest(ev({ userId: 'u9', anonymousId: 'dev9' }));
    expect(login.profileId).toBe(anon.profileId);
    expect(login.created).toBe(false);
  });

  it('rejects bad input with the field named and stores nothing', async () => {
    const store = memoryStore();
    const mk = createMemberkit({ store, clock: manualClock(T0) });
    await mk.ingest(ev({ userId: 'u1' }));
    const bad = ev({ userId: 'u1', identifiers: { phone: '12345' } });
    await expect(mk.ingest(bad)).rejects.toMatchObject({ code: 'invalid_phone', field: 'identifiers.phone' });
    await expect(mk.ingest({ ...ev({ userId: 'u1' }), timestamp: 'yesterday' })).rejects.toBeInstanceOf(MemberkitError);
    expect(await store.findEventProfileId(bad.id)).toBeUndefined();
    expect(await store.countProfiles()).toBe(1);
  });

  it('rolls back everything when a write fails mid-transaction', async () => {
    const store = memoryStore();
    const mk = createMemberkit({ store, clock: manualClock(T0) });
    await mk.ingest(ev({ userId: 'u1', anonymousId: 'd1' }));
    await mk.ingest(ev({ identifiers: { phone: '13812345678' }, anonymousId: 'd2' }));
    // Both transaction flavours fail after their body ran: nothing may remain.
    const failing: typeof store = {
      ...store,
      transaction: (fn) => store.transaction(async (tx) => {
        await fn(tx);
        throw new Error('disk full');
      }),
      transactionSync: (fn) => store.transactionSync!((tx) => {
        fn(tx);
        throw new Error('disk full');
      }),
    };
    const mk2 = createMemberkit({ store: failing, clock: manualClock(T0) });
    await expect(mk2.ingest(ev({ userId: 'u1', identifiers: { phone: '13812345678' } }))).rejects.toThrow('disk full');
    expect(await store.countProfiles()).toBe(2);
    expect(await store.listMerges((await mk.findProfile('userId', 'u1'))!.id)).toHaveLength(0);
  });
});

describe('360° view', () => {
  it('derives order stats, preferred hour and channel, first and latest source', async () => {
    const clock = manualClock(T0);
    const mk = createMemberkit({ clock });
    const day = 86_400_000;
    await mk.ingest(ev({ type: 'page_viewed', anonymousId: 'd', timestamp: T0 - 40 * day, context: { utm: { source: 'douyin', campaign: 'spring' }, channel: 'h5' } }));
    await mk.ingest(order('o1', { anonymousId: 'd', timestamp: T0 - 30 * day, context: { channel: 'wechat_miniprogram' } }, 10000));
    await mk.ingest(order('o2', { anonymousId: 'd', timestamp: T0 - 10 * day, context: { channel: 'wechat_miniprogram', scene: 'store_scan' } }, 30000));
    const r = await mk.ingest(ev({ type: 'order_refunded', source: 'server', anonymousId: 'd', timestamp: T0 - 9 * day, properties: { orderId: 'o2', currency: 'CNY', total: 5000 } }));
    const v = await mk.view(r.profileId);
    expect(v.orders).toMatchObject({ orderCount: 2, grossRevenue: 40000, refundedAmount: 5000, netRevenue: 35000, aov: 20000, unitsPerOrder: 1, repurchaseIntervalDays: 20 });
    expect(v.preferredHour).toBe(10); // 02:00Z is 10:00 in Shanghai
    expect(v.preferredChannel).toBe('wechat_miniprogram');
    expect(v.firstSource?.utm?.source).toBe('douyin');
    expect(v.latestSource?.scene).toBe('store_scan');
  });

  it('answers not_found for unknown ids', async () => {
    await expect(createMemberkit().view('nobody')).rejects.toMatchObject({ code: 'not_found' });
  });
});
