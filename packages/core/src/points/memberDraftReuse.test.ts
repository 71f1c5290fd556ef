import { describe, expect, it } from 'vitest';
import { MemberDraft } from './memberDraft.ts';
import { emptyMemberRecord } from '../ports/applyMemberChange.ts';
import { memoryLoyaltyStore } from '../ports/memoryLoyaltyStore.ts';
import type { MemberLoyaltyRecord } from '../ports/loyaltyStore.ts';

/** A command's writes: a lot with an entry, an order, a counter, a source. */
function write(d: MemberDraft, n: number): void {
  const lot = d.addLot({ origin: 'adjust', source: `adjust:${n}`, earnedAt: d.now, activatesAt: null, expiresAt: null, points: n });
  d.write('adjust', lot.id, 'available', n, d.now, `adjust:${n}`, 'note');
  d.write('redeem', lot.id, 'available', -1, d.now, `redeem:${n}`);
  d.putOrder({ ...blankOrder, orderId: `o${n}`, memberId: d.memberId });
  d.bump(`check_in:${n}`);
  d.claimSource(`adjust:${n}`);
}
/** A store holding what `draft` wrote, and the member record it stored. */
async function committed(draft: MemberDraft, store = memoryLoyaltyStore()): Promise<MemberLoyaltyRecord> {
  expect(store.sync?.commitDirect?.(draft)).toBeUndefined();
  return (await store.getMember(draft.memberId)) as MemberLoyaltyRecord;
}

const blankOrder = { orderId: '', memberId: '', completed: false, at: 0, total: 0, eligible: 0, points: 0, growth: 0, lotId: null, lines: [], refundIds: [], refundedAmount: 0, refundedEligible: 0, pointsReversed: 0, pointsForgiven: 0, growthReversed: 0, redeemed: [], restored: [] };

describe('MemberDraft.reuse', () => {
  it('a reused draft computes the same change as a new one, whatever the draft held before', async () => {
    const seed = new MemberDraft(emptyMemberRecord('m2'), 5);
    write(seed, 7);
    const other = await committed(seed);

    // The reused draft first half-ran a command on another member (more entries than the next one) and threw.
    const reused = new MemberDraft(emptyMemberRecord('m1'), 1);
    write(reused, 3);
    write(reused, 4);
    expect(() => reused.claimSource('adjust:3')).toThrow();
    reused.reuse(other, 10);
    const fresh = new MemberDraft(other, 10);
    for (const d of [reused, fresh]) write(d, 9);
    expect(reused.toChange()).toEqual(fresh.toChange());
    expect(reused.entries).toEqual(fresh.entries);
    expect(reused.entryCount).toBe(2);
    expect(reused.available).toBe(fresh.available);
  });

  it('a reused draft that writes nothing is empty, and commits directly like a new one', async () => {
    const store = memoryLoyaltyStore();
    const d = new MemberDraft(emptyMemberRecord('m1'), 0);
    write(d, 5);
    const record = await committed(d, store);
    expect(d.reuse(record, 1).isEmpty()).toBe(true);
    write(d, 6);
    const after = await committed(d, store);
    expect(after.entries.map((e) => e.points)).toEqual([5, -1, 6, -1]);
    expect(after.available).toBe(9);
    expect([...after.orders.keys()]).toEqual(['o5', 'o6']);
    expect(after.counters.get('check_in:6')).toBe(1);
  });
});

describe('MemberDraft.collectOpenLots', () => {
  it('lists what openLots lists, below and past the open-lot set’s linear limit, into a reused list', async () => {
    for (const lots of [3, 12]) {
      const seed = new MemberDraft(emptyMemberRecord('m1'), 0);
      for (let i = 1; i <= lots; i++) {
        const lot = seed.addLot({ origin: 'adjust', source: `adjust:${i}`, earnedAt: 0, activatesAt: null, expiresAt: null, points: i });
        seed.write('adjust', lot.id, 'available', i, 0, `adjust:${i}`);
      }
      const record = await committed(seed);
      const d = new MemberDraft(record, 1);
      // Empty one stored lot and add a new one in the draft.
      d.write('redeem', 'L2', 'available', -2, 1, 'redeem:x');
      const fresh = d.addLot({ origin: 'adjust', source: 'adjust:new', earnedAt: 1, activatesAt: null, expiresAt: null, points: 7 });
      d.write('adjust', fresh.id, 'available', 7, 1, 'adjust:new');
      const out = Array.from({ length: 20 }, () => d.lot('L1')!);
      const n = d.collectOpenLots(out);
      expect(out.slice(0, n).map((l) => l.id)).toEqual(d.openLots().map((l) => l.id));
      expect(n).toBe(lots);
      expect(d.openLots().some((l) => l.id === 'L2')).toBe(false);
    }
  });
});
