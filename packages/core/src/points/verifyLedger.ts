import type { MemberLoyaltyRecord } from '../ports/loyaltyStore.ts';
import { entryEffect } from './ledgerEntry.ts';

/**
 * The result of {@link verifyLedger}.
 *
 * @example
 * ```ts
 * import type { LedgerCheck } from '@memberkit/core';
 * const ok = (c: LedgerCheck) => c.ok;
 * ```
 */
export interface LedgerCheck {
  readonly ok: boolean;
  /** Totals recomputed from the entries. */
  readonly ledger: { readonly available: number; readonly pending: number };
  /** Totals of the lot remainders. */
  readonly lots: { readonly available: number; readonly pending: number };
  /** The cached snapshot. */
  readonly cached: { readonly available: number; readonly pending: number };
  readonly problems: readonly string[];
}

/**
 * Proves the cached balance is the ledger: recomputes every lot and the
 * totals from the entries alone and compares them with the cached lot
 * remainders, open-lot index and snapshot. Also checks that entries are
 * numbered without gaps and that no non-debt lot is negative.
 *
 * @example
 * ```ts
 * import { emptyMemberRecord, verifyLedger } from '@memberkit/core';
 * verifyLedger(emptyMemberRecord('m1')).ok;
 * //=> true
 * ```
 */
export function verifyLedger(record: MemberLoyaltyRecord): LedgerCheck {
  const problems: string[] = [];
  const perLot = new Map<string, { available: number; pending: number }>();
  const ledger = { available: 0, pending: 0 };
  record.entries.forEach((e, i) => {
    if (e.seq !== i) problems.push(`entry ${e.id} has seq ${e.seq}, expected ${i}`);
    const d = entryEffect(e);
    const lot = perLot.get(e.lotId) ?? { available: 0, pending: 0 };
    lot.available += d.available;
    lot.pending += d.pending;
    perLot.set(e.lotId, lot);
    ledger.available += d.available;
    ledger.pending += d.pending;
  });
  const lots = { available: 0, pending: 0 };
  let next = Number.POSITIVE_INFINITY;
  for (const lot of record.lots.values()) {
    if (lot.pending > 0 && lot.activatesAt !== null && lot.activatesAt < next) next = lot.activatesAt;
    if (lot.available > 0 && lot.expiresAt !== null && lot.expiresAt < next) next = lot.expiresAt;
    const sum = perLot.get(lot.id) ?? { available: 0, pending: 0 };
    if (sum.available !== lot.available || sum.pending !== lot.pending) problems.push(`lot ${lot.id} holds ${lot.available}/${lot.pending} but its entries sum to ${sum.available}/${sum.pending}`);
    if (lot.origin !== 'debt' && (lot.available < 0 || lot.pending < 0)) problems.push(`lot ${lot.id} is negative`);
    const open = lot.available !== 0 || lot.pending !== 0;
    if (open !== record.openLots.has(lot.id)) problems.push(`lot ${lot.id} open-index is stale`);
    lots.available += lot.available;
    lots.pending += lot.pending;
  }
  for (const id of perLot.keys()) if (!record.lots.has(id)) problems.push(`entries name unknown lot ${id}`);
  // Reads and commands skip work until this instant, so it must be the true earliest transition.
  if (record.nextTransitionAt !== next) problems.push(`cached next transition ${record.nextTransitionAt} differs from the lots' ${next}`);
  const cached = { available: record.available, pending: record.pending };
  if (cached.available !== ledger.available || cached.pending !== ledger.pending) problems.push(`cached ${cached.available}/${cached.pending} differs from ledger ${ledger.available}/${ledger.pending}`);
  if (lots.available !== ledger.available || lots.pending !== ledger.pending) problems.push(`lots ${lots.available}/${lots.pending} differ from ledger ${ledger.available}/${ledger.pending}`);
  return { ok: problems.length === 0, ledger, lots, cached, problems };
}
