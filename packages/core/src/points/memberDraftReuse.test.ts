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
const blankOrder = { orderId: '', memberId: '', completed: false, at: 0, total: 0, eligible: 0, points: 0, growth: 0, lotId: null, lines: [], refundIds: [], refundedAmount: 0, refundedEligible: 0, pointsReversed: 0, pointsForgiven: 0, growthReversed: 0, redeemed: [], restored: [] };

describe('MemberDraft.reuse', () => {
  it('a reused draft computes the same change as a new one, whatever the draft held before', async () => {
    const store = memoryLoyaltyStore();
    const seed = new MemberDraft(emptyMemberRecord('m2'), 5);
    write(seed, 7);
    expect(store.sync?.commitDirect?.(seed)).toBeUndefined();
    const other = (await store.getMember('m2')) as MemberLoyaltyRecord;

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
    expect(store.sync?.commitDirect?.(d)).toBeUndefined();
    const record = (await store.getMember('m1')) as MemberLoyaltyRecord;
    expect(d.reuse(record, 1).isEmpty()).toBe(true);
    write(d, 6);
    expect(store.sync?.commitDirect?.(d)).toBeUndefined();
    const after = (await store.getMember('m1')) as MemberLoyaltyRecord;
    expect(after.entries.map((e) => e.points)).toEqual([5, -1, 6, -1]);
    expect(after.available).toBe(9);
    expect([...after.orders.keys()]).toEqual(['o5', 'o6']);
    expect(after.counters.get('check_in:6')).toBe(1);
  });
});
