import type { WalletCoupon } from '../coupons/walletCoupon.ts';

/**
 * Issue limits a store enforces atomically when it inserts a coupon.
 *
 * @example
 * ```ts
 * import type { IssueLimits } from '@memberkit/core';
 * const limits: IssueLimits = { perMember: 1, total: 10_000 };
 * ```
 */
export interface IssueLimits {
  /** At most this many coupons of the template per member (每人限领). */
  readonly perMember?: number | undefined;
  /** At most this many coupons of the template in all (发行量). */
  readonly total?: number | undefined;
}

/**
 * Outcome of {@link CouponStore.insertCoupon}.
 *
 * @example
 * ```ts
 * import type { InsertCouponResult } from '@memberkit/core';
 * const full = (r: InsertCouponResult) => r.status === 'limit_reached';
 * ```
 */
export type InsertCouponResult =
  | { readonly status: 'inserted' }
  | { readonly status: 'limit_reached'; readonly scope: 'member' | 'total'; readonly limit: number }
  | { readonly status: 'duplicate_code' };

/**
 * Outcome of {@link CouponStore.beginRequest}.
 *
 * @example
 * ```ts
 * import type { BeginRequestResult } from '@memberkit/core';
 * const replay = (r: BeginRequestResult) => (r.status === 'done' ? r.result : undefined);
 * ```
 */
export type BeginRequestResult =
  /** First time this key is seen: it is now recorded as in progress. */
  | { readonly status: 'new' }
  /** The key completed before with the same fingerprint: replay `result`. */
  | { readonly status: 'done'; readonly result: unknown }
  /** Another call with this key is still running. */
  | { readonly status: 'in_progress' }
  /** The key was used with different parameters. */
  | { readonly status: 'conflict' };

/**
 * Where wallet coupons, issue counters and idempotency keys live. Every
 * method is one atomic step; the wallet never holds a lock across calls and
 * relies on two primitives to stay correct under concurrency:
 *
 * - **`insertCoupon`** checks the issue limits and inserts in one step, so a
 *   burst of claims never issues more than the limits. SQL: in one
 *   transaction, `UPDATE coupon_issue_counts SET issued = issued + 1 WHERE
 *   template_id = $1 AND issued < $total` (and the same on a
 *   `(template_id, member_id)` row for `perMember`; insert the rows first with
 *   `ON CONFLICT DO NOTHING`), roll back when either updates zero rows, then
 *   `INSERT` the coupon (a unique index on `code` gives `duplicate_code`).
 *   Counters count every coupon ever issued: voiding one does not give the
 *   stock back.
 * - **`compareAndSet`** replaces a coupon only if its stored `version` still
 *   equals `expectedVersion`; `next.version` is `expectedVersion + 1`. SQL:
 *   `UPDATE coupons SET state = $s, …, version = $v + 1 WHERE id = $id AND
 *   version = $v` and succeed iff one row changed. Two checkouts that read the
 *   same version cannot both move it, so a single-use coupon is never used
 *   twice.
 * - **`beginRequest` / `completeRequest` / `abandonRequest`** record
 *   idempotency keys: `beginRequest` atomically inserts the key as in
 *   progress (SQL: `INSERT … ON CONFLICT (key) DO NOTHING`, then read it).
 *   Only successful results are completed; a failed call abandons (deletes)
 *   its key so a retry runs again. Results must be JSON-serialisable.
 *
 * Reads (`getCoupon`, …) may return the stored object; callers never mutate
 * what they get.
 *
 * @example
 * ```ts
 * import { memoryCouponStore, type CouponStore } from '@memberkit/core';
 * const store: CouponStore = memoryCouponStore();
 * await store.getCouponByCode('nope');
 * //=> undefined
 * ```
 */
export interface CouponStore {
  insertCoupon(coupon: WalletCoupon, limits: IssueLimits): Promise<InsertCouponResult>;
  getCoupon(id: string): Promise<WalletCoupon | undefined>;
  getCouponByCode(code: string): Promise<WalletCoupon | undefined>;
  /** A member's coupons, oldest issue first. */
  listMemberCoupons(memberId: string): Promise<WalletCoupon[]>;
  /** Up to `limit` coupons stored as `available` or `locked` whose `endsAt` is at or before `before`. */
  listExpiring(before: number, limit: number): Promise<WalletCoupon[]>;
  /** Coupons ever issued of a template, for one member or in all. */
  countIssued(templateId: string, memberId?: string): Promise<number>;
  /** Stores `next` iff the stored version of `next.id` is `expectedVersion`. */
  compareAndSet(next: WalletCoupon, expectedVersion: number): Promise<boolean>;
  beginRequest(key: string, fingerprint: string): Promise<BeginRequestResult>;
  completeRequest(key: string, result: unknown): Promise<void>;
  abandonRequest(key: string): Promise<void>;
}
