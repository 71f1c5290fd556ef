import type { LedgerEntry } from '../points/ledgerEntry.ts';
import type { PointsOrderRecord } from '../points/pointsOrderRecord.ts';
import type { PointsLot } from '../points/pointsLot.ts';
import type { GrowthEntry } from '../tiers/growthEntry.ts';
import type { TierState } from '../tiers/tierState.ts';
import type { MutableMemberRecord } from './applyMemberChange.ts';

/**
 * Everything the loyalty engine keeps about one member, as one aggregate.
 * Consumers treat it as read-only. `available`, `pending` and the lot
 * remainders are a cache of the ledger sum that `verifyLedger` proves equal.
 *
 * @example
 * ```ts
 * import type { MemberLoyaltyRecord } from '@memberkit/core';
 * const entriesOf = (r: MemberLoyaltyRecord) => r.entries.length;
 * ```
 */
export interface MemberLoyaltyRecord {
  readonly memberId: string;
  /** Bumped by every commit; the optimistic-concurrency token. */
  readonly version: number;
  readonly entries: readonly LedgerEntry[];
  /** `entries.length`, offered by a store that builds `entries` on read (the memory store) so a command need not. */
  readonly entryCount?: number | undefined;
  readonly lots: ReadonlyMap<string, PointsLot>;
  /** Lots with pending points or a non-zero available remainder. */
  readonly openLots: ReadonlySet<string>;
  readonly orders: ReadonlyMap<string, PointsOrderRecord>;
  readonly growth: readonly GrowthEntry[];
  readonly tier: TierState | null;
  /** Per-period action counts for caps (`points:check_in:2026-01-02`). */
  readonly counters: ReadonlyMap<string, number>;
  /** Sources already written (`order:o1`, `refund:r1`, `redeem:o1` …): one entry set per source, ever. */
  readonly sourceKeys: ReadonlySet<string>;
  readonly available: number;
  readonly pending: number;
  /** Earliest activation or expiry among open lots (Infinity if none): before it, the cached totals are current. */
  readonly nextTransitionAt: number;
}

/**
 * One atomic change to a member aggregate, built by the engine and applied by
 * the store all-or-nothing (see {@link LoyaltyStore.commit}).
 *
 * @example
 * ```ts
 * import type { MemberChange } from '@memberkit/core';
 * const isNoop = (c: MemberChange) => c.entries.length === 0 && c.growth.length === 0 && c.tier === undefined;
 * ```
 */
export interface MemberChange {
  readonly memberId: string;
  /** The version the change was computed from; the commit fails if it moved. */
  readonly expectedVersion: number;
  /** New lots, created with zero remainders; the entries fill them. */
  readonly lots: readonly PointsLot[];
  readonly entries: readonly LedgerEntry[];
  /** Orders to insert or replace whole. */
  readonly orders: readonly PointsOrderRecord[];
  readonly growth: readonly GrowthEntry[];
  readonly tier?: TierState | undefined;
  /** Counter increments. */
  readonly counters: readonly (readonly [string, number])[];
  /** Sources this change writes; the commit fails if any is already present. */
  readonly sourceKeys: readonly string[];
  /** Stored with the change so a replay returns `result` without recomputing. */
  readonly idempotency?: IdempotencyRecord | undefined;
}

/**
 * What a store remembers about an idempotency key.
 *
 * @example
 * ```ts
 * import type { IdempotencyRecord } from '@memberkit/core';
 * const r: IdempotencyRecord = { key: 'k1', memberId: 'm1', fingerprint: 'redeem:2kq1nhd8b0x', result: { ok: true } };
 * ```
 */
export interface IdempotencyRecord {
  readonly key: string;
  readonly memberId: string;
  /** The operation and its parameters, canonically serialised: a reused key with other parameters is a conflict. */
  readonly fingerprint: string;
  readonly result: unknown;
}

/**
 * The outcome of {@link LoyaltyStore.commit}.
 *
 * @example
 * ```ts
 * import type { CommitOutcome } from '@memberkit/core';
 * const retry = (o: CommitOutcome) => o.status === 'version_conflict';
 * ```
 */
export type CommitOutcome =
  | { readonly status: 'committed'; readonly record: MemberLoyaltyRecord }
  | { readonly status: 'version_conflict' }
  | { readonly status: 'duplicate_source'; readonly source: string }
  | { readonly status: 'replay'; readonly existing: IdempotencyRecord };

/**
 * A change that writes itself into a member record: what the engine hands a
 * store in this process instead of a {@link MemberChange} (the engine's
 * draft implements it). The store runs the same checks as `commit`
 * (version, idempotency key, sources), then calls `writeTo` with its own
 * record, so the change is not first copied into a change object and then
 * walked again entry by entry.
 *
 * The change is valid only during the call: the engine reuses its draft for
 * the next command. A store keeps what `writeTo` hands over (lots, orders,
 * growth entries, tier state) and copies what it needs of `idempotency`;
 * it never keeps the change object itself.
 *
 * @example
 * ```ts
 * import type { DirectChange } from '@memberkit/core';
 * const keyOf = (c: DirectChange) => c.idempotency?.key;
 * ```
 */
export interface DirectChange {
  readonly memberId: string;
  /** The version the change was computed from (see {@link MemberChange.expectedVersion}). */
  readonly expectedVersion: number;
  /** Sources the change writes (see {@link MemberChange.sourceKeys}). */
  readonly sourceKeys: readonly string[];
  readonly idempotency: IdempotencyRecord | undefined;
  /**
   * The record the change was computed on, whose `sourceKeys` it already
   * checked every source against. A store that holds this very object, still
   * at `expectedVersion`, may skip checking them again: the record is updated
   * in place, and every commit that could add a source bumps the version.
   */
  readonly record?: MemberLoyaltyRecord | undefined;
  /**
   * Applies the change to `record` after the checks passed, as
   * `applyMemberChange` would apply the equivalent {@link MemberChange}: the
   * record's version is `expectedVersion`, and afterwards the record owns
   * every lot, entry and order the change wrote.
   */
  writeTo(record: MutableMemberRecord): void;
}

/**
 * Synchronous access to a {@link LoyaltyStore} that holds its data in this
 * process (the memory store). Same methods and the same commit contract,
 * without a promise per call: the engine uses it when a store offers it, so a
 * command costs one promise instead of four. A store over a network or a
 * database leaves it out.
 *
 * @example
 * ```ts
 * import { memoryLoyaltyStore } from '@memberkit/core';
 * memoryLoyaltyStore().sync?.getMember('m1');
 * //=> undefined
 * ```
 */
export interface SyncLoyaltyStore {
  getMember(memberId: string): MemberLoyaltyRecord | undefined;
  getIdempotency(key: string): IdempotencyRecord | undefined;
  commit(change: MemberChange): CommitOutcome;
  /**
   * `commit` for a change that writes itself: the same contract and checks,
   * and `undefined` when it committed (no outcome object for the usual case).
   */
  commitDirect?(change: DirectChange): Exclude<CommitOutcome, { status: 'committed' }> | undefined;
}

/**
 * The storage port of the loyalty engine. It is asynchronous so that a SQL
 * store fits; the memory store resolves at once.
 *
 * **The commit contract** (what every implementation must guarantee, and
 * what makes double credits and overdrafts impossible):
 * 1. `commit` is atomic: all of the change is applied, or none of it.
 * 2. It applies only if the member's version still equals
 *    `expectedVersion` (0 = the member does not exist yet); otherwise it
 *    returns `version_conflict` and the engine re-reads and recomputes. The
 *    engine computes every check (balance ≥ redemption, caps) on the version
 *    it read, so a check made on a stale version can never be applied.
 * 3. A source key may be written once per member, ever (`duplicate_source`),
 *    and an idempotency key once per store (`replay`, with the stored record),
 *    even when the two commits race.
 * 4. A committed change bumps the version by one and leaves the cached
 *    totals equal to the ledger sum (apply the entries with `entryEffect`).
 *
 * A SQL store implements it in one transaction: `UPDATE loyalty_member SET
 * version = version + 1 … WHERE member_id = $1 AND version = $2` (0 rows →
 * `version_conflict`; or `SELECT … FOR UPDATE` first and compare), inserts
 * into `points_entry`, `points_lot`, `loyalty_source (member_id, source)
 * PRIMARY KEY` and `idempotency_key (key) PRIMARY KEY` (a unique violation
 * maps to `duplicate_source` / `replay`), under READ COMMITTED with the row
 * lock or under SERIALIZABLE (a serialization failure maps to
 * `version_conflict`).
 *
 * @example
 * ```ts
 * import { memoryLoyaltyStore, type LoyaltyStore } from '@memberkit/core';
 * const store: LoyaltyStore = memoryLoyaltyStore();
 * await store.getMember('m1');
 * //=> undefined
 * ```
 */
export interface LoyaltyStore {
  /** The member's aggregate, or undefined if nothing was ever committed for them. */
  getMember(memberId: string): Promise<MemberLoyaltyRecord | undefined>;
  getIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  /** Atomic check-and-append; see the contract above. */
  commit(change: MemberChange): Promise<CommitOutcome>;
  /** Every member id, for batch jobs (expiry sweeps, tier period ends). */
  memberIds(): AsyncIterable<string>;
  /** The same store without promises, when it lives in this process; see {@link SyncLoyaltyStore}. */
  readonly sync?: SyncLoyaltyStore | undefined;
}
