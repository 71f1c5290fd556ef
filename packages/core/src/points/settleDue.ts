import type { MemberDraft } from './memberDraft.ts';

/**
 * Writes the activations and expiries that are due at the draft's time:
 * pending lots whose return window has passed become available (dated at
 * their activation), and lots past their expiry lose what is left (dated at
 * their expiry). Run before and after every operation, so a lot is never
 * spent once expired nor before it activates.
 *
 * @example
 * ```ts
 * import { MemberDraft, emptyMemberRecord, settleDue } from '@memberkit/core';
 * const d = new MemberDraft(emptyMemberRecord('m1'), 10);
 * const lot = d.addLot({ origin: 'order', source: 'order:o1', earnedAt: 0, activatesAt: 5, expiresAt: null, points: 9 });
 * d.append('pending', lot.id, 'pending', 9, 0, 'order:o1');
 * settleDue(d);
 * d.available;
 * //=> 9
 * ```
 */
export function settleDue(draft: MemberDraft): void {
  // Runs twice per command: skip the scan of open lots when nothing can be due.
  if (!draft.hasDue()) return;
  const now = draft.now;
  for (const open of draft.openLots()) {
    if (open.origin === 'debt') continue;
    if (open.pending > 0 && open.activatesAt !== null && open.activatesAt <= now) {
      draft.write('activate', open.id, 'available', open.pending, open.activatesAt, open.source);
    }
    const lot = draft.lot(open.id);
    if (lot !== undefined && lot.available > 0 && lot.pending === 0 && lot.expiresAt !== null && lot.expiresAt <= now) {
      draft.write('expire', lot.id, 'available', -lot.available, Math.max(lot.expiresAt, lot.activatesAt ?? lot.expiresAt), lot.source);
    }
  }
}
