/**
 * The kinds of points-ledger entry (R-LOY-3). The ledger is append-only: a
 * mistake is corrected by a new `reverse` or `adjust` entry, never an edit.
 *
 * - `pending`: points from an order, not spendable until the return window passes;
 * - `activate`: moves a lot's pending points to available;
 * - `earn`: points available at once (bonus actions);
 * - `redeem`: points spent;
 * - `expire`: what was left of a lot at its expiry;
 * - `reverse`: a refund taking points back, or giving back points paid with;
 * - `adjust`: a manual correction by staff.
 *
 * @example
 * ```ts
 * import { ENTRY_KINDS } from '@memberkit/core';
 * ENTRY_KINDS.length;
 * //=> 7
 * ```
 */
export const ENTRY_KINDS = ['earn', 'pending', 'activate', 'redeem', 'expire', 'reverse', 'adjust'] as const;

/**
 * One ledger entry kind.
 *
 * @example
 * ```ts
 * import type { EntryKind } from '@memberkit/core';
 * const k: EntryKind = 'redeem';
 * ```
 */
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * One immutable line of a member's points ledger. Every entry belongs to
 * exactly one lot and moves points in one bucket, so the balance, the lot
 * remainders and the ledger sum are the same numbers by construction.
 *
 * @example
 * ```ts
 * import type { LedgerEntry } from '@memberkit/core';
 * const e: LedgerEntry = { id: 'pte_1', memberId: 'm1', seq: 0, kind: 'earn', lotId: 'lot_1', bucket: 'available', points: 50, at: 0, recordedAt: 0, source: 'action:sign_up', operationId: 'op_1' };
 * ```
 */
export interface LedgerEntry {
  readonly id: string;
  readonly memberId: string;
  /** Position in the member's ledger, from 0. */
  readonly seq: number;
  readonly kind: EntryKind;
  readonly lotId: string;
  /** The bucket `points` moves; `activate` adds `points` to available and takes them from pending. */
  readonly bucket: 'available' | 'pending';
  /** Signed change in `bucket`. */
  readonly points: number;
  /** When the change took effect (an expiry is dated at the lot's expiry, not when it was written). */
  readonly at: number;
  /** When it was written. */
  readonly recordedAt: number;
  /** What caused it: `order:<id>`, `refund:<id>`, `redeem:<id>`, `action:<name>:<ref>`, `adjust:<key>`. */
  readonly source: string;
  /** Entries written by one call share this id (a redemption spanning three lots has three entries). */
  readonly operationId: string;
  /** Free text (a staff reason); `undefined` when there is none. */
  readonly note?: string | undefined;
}

/**
 * What an entry does to the available and pending totals.
 *
 * @example
 * ```ts
 * import { entryEffect } from '@memberkit/core';
 * entryEffect({ kind: 'activate', bucket: 'available', points: 30 });
 * //=> { available: 30, pending: -30 }
 * ```
 */
export function entryEffect(entry: Pick<LedgerEntry, 'kind' | 'bucket' | 'points'>): { available: number; pending: number } {
  if (entry.kind === 'activate') return { available: entry.points, pending: -entry.points };
  return entry.bucket === 'available' ? { available: entry.points, pending: 0 } : { available: 0, pending: entry.points };
}

const KIND_INDEX = Object.fromEntries(ENTRY_KINDS.map((kind, i) => [kind, i])) as Readonly<Record<EntryKind, number>>;

/**
 * An entry's kind and bucket as one small number — the kind's position in
 * {@link ENTRY_KINDS} × 2, plus 1 in the available bucket — as the engine's
 * draft and the memory store's `EntryLog` keep them (`ENTRY_KINDS[code >> 1]`
 * and `code & 1` read it back).
 *
 * @example
 * ```ts
 * import { entryKindCode } from './ledgerEntry.ts';
 * [entryKindCode('earn', 'available'), entryKindCode('pending', 'pending')];
 * //=> [1, 2]
 * ```
 */
export function entryKindCode(kind: EntryKind, bucket: 'available' | 'pending'): number {
  return KIND_INDEX[kind] * 2 + (bucket === 'available' ? 1 : 0);
}
