import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemberkit, manualClock, memoryStore, type Profile } from '../index.ts';

const T0 = Date.parse('2026-03-01T00:00:00Z');

async function snapshot(mk: ReturnType<typeof createMemberkit>, id: string) {
  const store = mk.context.store;
  const profile = (await store.getProfile(id)) as Profile;
  const events = (await store.listEvents(id)).map((e) => e.id);
  const links = await Promise.all(profile.identities.map(async (i) => [i.kind, i.value, await store.findProfileId(i.kind, i.value)]));
  return { profile, events, links };
}

describe('merge and unmerge', () => {
  it('unmerge restores both profiles exactly, and undoing twice is a no-op', async () => {
    const mk = createMemberkit({ clock: manualClock(T0) });
    const a = await mk.ingest({ id: 'a1', type: 'signed_up', timestamp: T0, userId: 'u1', traits: { name: 'Li' }, properties: {} });
    await mk.tag(a.profileId, { tag: 'vip', by: 'cs1' });
    const b = await mk.ingest({ id: 'b1', type: 'store_visited', timestamp: T0 + 1, identifiers: { phone: '13800000001' }, traits: { city: '上海' }, properties: { storeId: 's1' } });
    const beforeA = await snapshot(mk, a.profileId);
    const beforeB = await snapshot(mk, b.profileId);
    const m = await mk.ingest({ id: 'm1', type: 'signed_in', timestamp: T0 + 2, userId: 'u1', identifiers: { phone: '13800000001' }, properties: {} });
    expect(m.merges).toHaveLength(1);
    const merged = await mk.getProfile(b.profileId);
    expect(merged?.mergedInto).toBe(a.profileId);
    expect((await mk.view(a.profileId)).traits).toEqual({ name: 'Li', city: '上海' });

    const { survivor, restored } = await mk.unmerge(m.merges[0]!);
    expect(restored).toEqual(beforeB.profile);
    expect(survivor.traits).toEqual(beforeA.profile.traits);
    const afterB = await snapshot(mk, b.profileId);
    expect(afterB).toEqual(beforeB);
    // The event that caused the merge arrived after it and stays with the survivor.
    expect((await snapshot(mk, a.profileId)).events).toEqual([...beforeA.events, 'm1']);
    await expect(mk.unmerge(m.merges[0]!)).resolves.toBeDefined();
    expect(await snapshot(mk, b.profileId)).toEqual(beforeB);
  });

  it('refuses to undo an older merge while a later one stands', async () => {
    const mk = createMemberkit({ clock: manualClock(T0) });
    await mk.ingest({ id: '1', type: 'signed_in', timestamp: T0, userId: 'u', properties: {} });
    await mk.ingest({ id: '2', type: 'signed_in', timestamp: T0, identifiers: { email: 'x@y.cn' }, properties: {} });
    await mk.ingest({ id: '3', type: 'signed_in', timestamp: T0, identifiers: { openid: 'o1' }, properties: {} });
    const m1 = await mk.ingest({ id: '4', type: 'signed_in', timestamp: T0, userId: 'u', identifiers: { email: 'x@y.cn' }, properties: {} });
    const m2 = await mk.ingest({ id: '5', type: 'signed_in', timestamp: T0, userId: 'u', identifiers: { openid: 'o1' }, properties: {} });
    await expect(mk.unmerge(m1.merges[0]!)).rejects.toMatchObject({ code: 'merge_conflict' });
    await mk.unmerge(m2.merges[0]!);
    await expect(mk.unmerge(m1.merges[0]!)).resolves.toBeDefined();
    await expect(mk.unmerge('merge_404')).rejects.toMatchObject({ code: 'merge_not_found' });
  });

  it('property: any history, merged by a shared identifier then unmerged, restores both profiles', async () => {
    const kinds = ['product_viewed', 'signed_in', 'store_visited'] as const;
    const eventArb = fc.record({ kind: fc.constantFrom(...kinds), at: fc.integer({ min: 0, max: 1_000_000 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(eventArb, { minLength: 1, maxLength: 8 }), fc.array(eventArb, { minLength: 1, maxLength: 8 }), async (histA, histB) => {
        const mk = createMemberkit({ store: memoryStore(), clock: manualClock(T0) });
        let n = 0;
        const make = (who: { userId?: string; identifiers?: Record<string, string> }, h: { kind: (typeof kinds)[number]; at: number }) => ({
          id: `e${n++}`,
          type: h.kind,
          timestamp: T0 + h.at,
          ...who,
          properties: h.kind === 'product_viewed' ? { productId: 'p' } : h.kind === 'store_visited' ? { storeId: 's' } : {},
        });
        let idA = '';
        let idB = '';
        for (const h of histA) idA = (await mk.ingest(make({ userId: 'ua' }, h))).profileId;
        for (const h of histB) idB = (await mk.ingest(make({ identifiers: { phone: '13800000002' } }, h))).profileId;
        const beforeA = await snapshot(mk, idA);
        const beforeB = await snapshot(mk, idB);
        const link = await mk.ingest({ id: 'link', type: 'signed_in', timestamp: T0, userId: 'ua', identifiers: { phone: '13800000002' }, properties: {} });
        expect(link.merges).toHaveLength(1);
        await mk.unmerge(link.merges[0]!);
        const afterA = await snapshot(mk, idA);
        const afterB = await snapshot(mk, idB);
        // The linking event stays with the survivor, which is A (created first).
        expect(afterA.events.filter((e) => e !== 'link')).toEqual(beforeA.events);
        expect(afterA.profile.identities).toEqual(beforeA.profile.identities);
        expect(afterA.links).toEqual(beforeA.links);
        expect(afterB).toEqual(beforeB);
      }),
      { numRuns: 100 },
    );
  });
});
