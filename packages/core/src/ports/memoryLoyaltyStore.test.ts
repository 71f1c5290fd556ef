import { describe, expect, it } from 'vitest';
import { MemberDraft } from '../points/memberDraft.ts';
import { blankMemberRecord } from './blankMemberRecord.ts';
import type { MemberChange, MemberLoyaltyRecord } from './loyaltyStore.ts';
import { cloneMemberRecord, memoryLoyaltyStore } from './memoryLoyaltyStore.ts';

/** A change crediting `points` to a member as read, under `key`. */
function credit(record: MemberLoyaltyRecord, key: string, points: number): MemberChange {
  const d = new MemberDraft(record, 0);
  const lot = d.addLot({ origin: 'adjust', source: `adjust:${key}`, earnedAt: 0, activatesAt: null, expiresAt: null, points });
  d.append('adjust', lot.id, 'available', points, 0, `adjust:${key}`);
  d.claimSource(`adjust:${key}`);
  return d.toChange({ key, memberId: record.memberId, fingerprint: 'f', result: points });
}

describe('memoryLoyaltyStore look-ups', () => {
  it('a key read as missing and then stored by another commit is a replay, not a second write', async () => {
    const store = memoryLoyaltyStore();
    // Two writers read the same missing key (as two interleaved commands do), then both commit.
    expect(await store.getIdempotency('k')).toBeUndefined();
    const first = credit(blankMemberRecord('a'), 'k', 5);
    expect(await store.getIdempotency('k')).toBeUndefined();
    const second = credit(blankMemberRecord('b'), 'k', 7);
    expect((await store.commit(first)).status).toBe('committed');
    const outcome = await store.commit(second);
    expect(outcome.status).toBe('replay');
    expect(await store.getMember('b')).toBeUndefined();
  });

  it('a commit for another member than the one read last checks that member’s own version and sources', async () => {
    const store = memoryLoyaltyStore();
    expect((await store.commit(credit(blankMemberRecord('a'), 'k1', 5))).status).toBe('committed');
    expect((await store.commit(credit(blankMemberRecord('b'), 'k2', 5))).status).toBe('committed');
    const a = (await store.getMember('a'))!;
    const b = (await store.getMember('b'))!;
    // Both computed on member a's version 1 (the store updates records in place, so compute first),
    // committed after b was read last: the second is stale.
    const c3 = credit(a, 'k3', 1);
    const c4 = credit(a, 'k4', 1);
    expect((await store.commit(c3)).status).toBe('committed');
    expect((await store.commit(c4)).status).toBe('version_conflict');
    expect((await store.getMember('a'))!.available).toBe(6);
    expect(b.available).toBe(5);
    // The same source as member b's first change, under a new key: a duplicate for b.
    const again = new MemberDraft(b, 0);
    const lot = again.addLot({ origin: 'adjust', source: 'adjust:k2', earnedAt: 0, activatesAt: null, expiresAt: null, points: 1 });
    again.append('adjust', lot.id, 'available', 1, 0, 'adjust:k2');
    const dup = { ...again.toChange({ key: 'k5', memberId: 'b', fingerprint: 'f', result: 1 }), sourceKeys: ['adjust:k2'] };
    expect(await store.commit(dup)).toEqual({ status: 'duplicate_source', source: 'adjust:k2' });
  });

  it('a direct commit re-checks sources unless its draft was computed on the stored record itself', async () => {
    const store = memoryLoyaltyStore();
    expect((await store.commit(credit(blankMemberRecord('a'), 'k1', 5))).status).toBe('committed');
    const sync = store.sync!;
    const stored = sync.getMember('a')!;
    // A copy at the same version whose sources were emptied: its draft's own claim check passes.
    const copy = cloneMemberRecord(stored);
    copy.sourceKeys.clear();
    const foreign = new MemberDraft(copy, 0);
    foreign.claimSource('adjust:k1');
    expect(sync.commitDirect!(foreign)).toEqual({ status: 'duplicate_source', source: 'adjust:k1' });
    // On the stored record the draft itself refuses the claim, so nothing reaches the store twice.
    expect(() => new MemberDraft(stored, 0).claimSource('adjust:k1')).toThrow(expect.objectContaining({ code: 'duplicate_request' }));
    const fresh = new MemberDraft(stored, 0);
    fresh.claimSource('adjust:k9');
    expect(sync.commitDirect!(fresh)).toBeUndefined();
    expect(sync.getMember('a')!.sourceKeys.has('adjust:k9')).toBe(true);
  });
});
