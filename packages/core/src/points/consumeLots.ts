import type { MemberDraft } from './memberDraft.ts';
import type { PointsLot } from './pointsLot.ts';

/**
 * Points taken from one lot by a redemption or a clawback.
 *
 * @example
 * ```ts
 * import type { LotAllocation } from '@memberkit/core';
 * const a: LotAllocation = { lotId: 'L1', points: 40 };
 * ```
 */
export interface LotAllocation {
  readonly lotId: string;
  readonly points: number;
}

/**
 * The lots a spend may draw from, in the order it draws: closest expiry
 * first (never-expiring last), then oldest, then by id, so members lose as
 * few points to expiry as possible and the choice is deterministic. Pending,
 * expired and debt lots are never spendable.
 *
 * @example
 * ```ts
 * import { MemberDraft, emptyMemberRecord, spendableLots } from '@memberkit/core';
 * spendableLots(new MemberDraft(emptyMemberRecord('m1'), 0));
 * //=> []
 * ```
 */
export function spendableLots(draft: MemberDraft): PointsLot[] {
  const lots: PointsLot[] = [];
  lots.length = collectSpendable(draft, lots);
  return lots;
}

/** {@link spendableLots} written into `out` from its start; returns how many. */
function collectSpendable(draft: MemberDraft, out: PointsLot[]): number {
  const now = draft.now;
  // Filtered in place, no second array: every spend runs this.
  const open = draft.collectOpenLots(out);
  let n = 0;
  for (let i = 0; i < open; i++) {
    const l = out[i] as PointsLot;
    if (l.origin !== 'debt' && l.available > 0 && (l.expiresAt === null || l.expiresAt > now)) out[n++] = l;
  }
  if (n > SMALL) {
    const sorted = out.slice(0, n).sort(spendOrder);
    for (let i = 0; i < n; i++) out[i] = sorted[i] as PointsLot;
    return n;
  }
  // A member has a few open lots: insertion sort, without the library sort's set-up.
  for (let i = 1; i < n; i++) {
    const l = out[i] as PointsLot;
    let j = i;
    while (j > 0 && spendOrder(l, out[j - 1] as PointsLot) < 0) {
      out[j] = out[j - 1] as PointsLot;
      j--;
    }
    out[j] = l;
  }
  return n;
}

// The list consumeLots collects into, reused by every call: a spend never starts another spend.
const SPENDABLE: PointsLot[] = [];

const SMALL = 16;

/** Closest expiry first (never-expiring last), then oldest, then by id. */
function spendOrder(a: PointsLot, b: PointsLot): number {
  return (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) || a.earnedAt - b.earnedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Takes `points` from spendable lots (see {@link spendableLots}), one entry
 * of `kind` per lot, and returns which lots paid. Takes less if the lots hold
 * less; callers check the balance first.
 *
 * @example
 * ```ts
 * import { MemberDraft, consumeLots, emptyMemberRecord } from '@memberkit/core';
 * const d = new MemberDraft(emptyMemberRecord('m1'), 0);
 * const lot = d.addLot({ origin: 'action', source: 's', earnedAt: 0, activatesAt: null, expiresAt: null, points: 9 });
 * d.append('earn', lot.id, 'available', 9, 0, 's');
 * consumeLots(d, 4, 'redeem', 'redeem:o1');
 * //=> [{ lotId: 'L1', points: 4 }]
 * ```
 */
export function consumeLots(draft: MemberDraft, points: number, kind: 'redeem' | 'adjust' | 'reverse', source: string, excludeLotId?: string): LotAllocation[] {
  // The list is kept (with the order and the result): made by a literal on the first lot, so the
  // usual one-lot list is one allocation V8 can place in the old generation, not an array grown by push.
  let taken: LotAllocation[] | undefined;
  let left = points;
  const n = collectSpendable(draft, SPENDABLE);
  for (let i = 0; i < n; i++) {
    const lot = SPENDABLE[i] as PointsLot;
    if (left <= 0) break;
    if (lot.id === excludeLotId) continue;
    const take = Math.min(left, lot.available);
    draft.write(kind, lot.id, 'available', -take, draft.now, source);
    const allocation = { lotId: lot.id, points: take };
    if (taken === undefined) taken = [allocation];
    else taken.push(allocation);
    left -= take;
  }
  return taken ?? [];
}
