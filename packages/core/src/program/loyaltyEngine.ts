import { MemberkitError } from '../errors/memberkitError.ts';
import { parseOrThrow } from '../errors/parseOrThrow.ts';
import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import { parseEvent } from '../events/memberkitEvent.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import { emptyMemberRecord } from '../ports/applyMemberChange.ts';
import type { CommitOutcome, LoyaltyStore, MemberLoyaltyRecord, SyncLoyaltyStore } from '../ports/loyaltyStore.ts';
import { blankMemberRecord } from '../ports/blankMemberRecord.ts';
import { memoryLoyaltyStore } from '../ports/memoryLoyaltyStore.ts';
import { resolveBenefits, type ResolvedBenefits } from '../benefits/resolveBenefits.ts';
import { issueBirthdayGift, type BirthdayGift } from '../benefits/issueBirthdayGift.ts';
import type { CouponWallet } from '../coupons/couponWallet.ts';
import { applyAction, type ActionInput, type ActionResult } from '../points/applyAction.ts';
import { applyAdjustment, type AdjustInput, type AdjustmentResult } from '../points/applyAdjustment.ts';
import { applyOrder, assertTrustedOrderEvent, type OrderPointsResult } from '../points/applyOrder.ts';
import { applyRedemption, type RedeemInput, type RedemptionResult } from '../points/applyRedemption.ts';
import { applyRefund, type RefundPointsResult } from '../points/applyRefund.ts';
import { balanceAt, type PointsBalance } from '../points/balanceAt.ts';
import { explainBalance, type BalanceExplanation } from '../points/explainBalance.ts';
import { MemberDraft } from '../points/memberDraft.ts';
import { settleDue } from '../points/settleDue.ts';
import { verifyLedger, type LedgerCheck } from '../points/verifyLedger.ts';
import { applyTierOverride, type TierOverrideInput } from '../tiers/applyTierOverride.ts';
import { effectiveLevel } from '../tiers/effectiveTier.ts';
import { evaluateTier } from '../tiers/evaluateTier.ts';
import { growthTree, type GrowthTree } from '../tiers/growthTree.ts';
import type { TierState } from '../tiers/tierState.ts';
import { loyaltyInputSchemas } from './loyaltyInputSchemas.ts';
import { fastLoyaltyInput } from './fastLoyaltyInput.ts';
import { commandFingerprint as fp } from '../idempotency/commandFingerprint.ts';
import type { LoyaltyProgram } from './programSchema.ts';
import { programCalendar } from './programCalendar.ts';

const NO_OPTIONS: { readonly idempotencyKey?: string | undefined } = Object.freeze({});

// The commands, by kind: the engine dispatches on these instead of taking a closure per call.
const ORDER = 0;
const REFUND = 1;
const REDEEM = 2;
const ADJUST = 3;
const ACTION = 4;
const OVERRIDE = 5;
const SETTLE = 6;
type Kind = typeof ORDER | typeof REFUND | typeof REDEEM | typeof ADJUST | typeof ACTION | typeof OVERRIDE | typeof SETTLE;
type Balance = LoyaltyResult<object>['balance'];

/**
 * The command's result with the member's standing, built as one object literal per kind with
 * every field in place: adding the three fields to the operation's own result gave each kept
 * result a second object for the fields that did not fit (results live as long as their key).
 * The field order is the operation's, then memberId, balance, tierId.
 */
function finish(kind: Kind, value: unknown, memberId: string, balance: Balance, tierId: string): object {
  switch (kind) {
    case ORDER: {
      const v = value as OrderPointsResult;
      const r: LoyaltyResult<OrderPointsResult> = { orderId: v.orderId, points: v.points, growth: v.growth, multiplier: v.multiplier, lotId: v.lotId, activatesAt: v.activatesAt, expiresAt: v.expiresAt, pointsRedeemed: v.pointsRedeemed, redeemed: v.redeemed, memberId, balance, tierId };
      return r;
    }
    case REFUND: {
      const v = value as RefundPointsResult;
      const r: LoyaltyResult<RefundPointsResult> = { orderId: v.orderId, refundId: v.refundId, pointsReversed: v.pointsReversed, pointsForgiven: v.pointsForgiven, pointsRestored: v.pointsRestored, growthReversed: v.growthReversed, fullyRefunded: v.fullyRefunded, memberId, balance, tierId };
      return r;
    }
    case REDEEM: {
      const v = value as RedemptionResult;
      const r: LoyaltyResult<RedemptionResult> = { points: v.points, orderId: v.orderId, allocations: v.allocations, memberId, balance, tierId };
      return r;
    }
    case ADJUST: {
      const v = value as AdjustmentResult;
      const r: LoyaltyResult<AdjustmentResult> = { points: v.points, lotId: v.lotId, allocations: v.allocations, memberId, balance, tierId };
      return r;
    }
    case ACTION: {
      const v = value as ActionResult;
      const r: LoyaltyResult<ActionResult> = { action: v.action, points: v.points, growth: v.growth, cappedPoints: v.cappedPoints, cappedGrowth: v.cappedGrowth, lotId: v.lotId, couponTemplateIds: v.couponTemplateIds, source: v.source, at: v.at, memberId, balance, tierId };
      return r;
    }
    default:
      // Rare commands: extend the operation's fresh result in place.
      return Object.assign(value as object, { memberId, balance, tierId });
  }
}

/**
 * Every command result carries the member's standing after it.
 *
 * @example
 * ```ts
 * import type { LoyaltyResult, RedemptionResult } from '@memberkit/core';
 * const left = (r: LoyaltyResult<RedemptionResult>) => r.balance.available;
 * ```
 */
export type LoyaltyResult<T> = T & { readonly memberId: string; readonly balance: { readonly available: number; readonly pending: number }; readonly tierId: string };

/**
 * Options for {@link createLoyaltyEngine}.
 *
 * @example
 * ```ts
 * import { defineProgram, memoryLoyaltyStore, systemClock, type LoyaltyEngineOptions } from '@memberkit/core';
 * const program = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * const options: LoyaltyEngineOptions = { program, store: memoryLoyaltyStore(), clock: systemClock };
 * ```
 */
export interface LoyaltyEngineOptions {
  readonly program: LoyaltyProgram;
  readonly store?: LoyaltyStore;
  readonly clock?: Clock;
  /** Recomputations after a version conflict before giving up with `conflict` (default 20). */
  readonly maxRetries?: number;
  /** The coupon wallet that issues the tier's birthday gift coupon when a `birthday` action is recorded (see `issueBirthdayGift`). */
  readonly coupons?: CouponWallet;
}

/**
 * The loyalty engine: points ledger, tiers and growth, benefits. Every
 * command is idempotent by key and commits one atomic change through the
 * store; see {@link createLoyaltyEngine}.
 *
 * @example
 * ```ts
 * import type { LoyaltyEngine } from '@memberkit/core';
 * const spendable = async (engine: LoyaltyEngine, memberId: string) => (await engine.balance(memberId)).available;
 * ```
 */
export interface LoyaltyEngine {
  readonly program: LoyaltyProgram;
  readonly store: LoyaltyStore;
  /** Earns from an `order_completed` event reported by the backend. Key defaults to `event:<id>`. */
  recordOrder(event: unknown, options?: { idempotencyKey?: string }): Promise<LoyaltyResult<OrderPointsResult>>;
  /** Reverses for an `order_refunded` event reported by the backend. Key defaults to `event:<id>`. */
  recordRefund(event: unknown, options?: { idempotencyKey?: string }): Promise<LoyaltyResult<RefundPointsResult>>;
  redeemPoints(input: RedeemInput): Promise<LoyaltyResult<RedemptionResult>>;
  adjustPoints(input: AdjustInput): Promise<LoyaltyResult<AdjustmentResult>>;
  /** With a `coupons` wallet, a `birthday` action also issues the tier's gift coupon (`gifts`), once per member per year. */
  recordAction(input: ActionInput): Promise<LoyaltyResult<ActionResult> & { readonly gifts?: readonly BirthdayGift[] }>;
  /** `expiresAt` may be epoch ms, an ISO string or a Date. */
  overrideTier(input: Omit<TierOverrideInput, 'expiresAt'> & { readonly expiresAt: number | string | Date }): Promise<LoyaltyResult<{ tier: TierState }>>;
  /** Writes due activations, expiries and tier period ends for one member. */
  settle(memberId: string): Promise<LoyaltyResult<{ entries: number }>>;
  /** {@link LoyaltyEngine.settle} for every member (a nightly job). */
  settleAll(): Promise<{ members: number; entries: number }>;
  balance(memberId: string): Promise<PointsBalance>;
  explainBalance(memberId: string): Promise<BalanceExplanation>;
  growthTree(memberId: string): Promise<GrowthTree>;
  benefits(memberId: string): Promise<ResolvedBenefits>;
  verify(memberId: string): Promise<LedgerCheck>;
  member(memberId: string): Promise<MemberLoyaltyRecord | undefined>;
}

/**
 * Creates a {@link LoyaltyEngine} over a store (memory by default) and a
 * clock. A command runs as: look up the idempotency key (a replay returns the
 * first result; other parameters under the same key → `idempotency_conflict`);
 * read the member; in a draft, settle what is due, apply the command, settle
 * and evaluate the tier again; commit atomically with the version read.
 * A version conflict (a concurrent writer) recomputes from fresh state, so a
 * balance check can never pass on stale points.
 *
 * @example
 * ```ts
 * import { createLoyaltyEngine, defineProgram, manualClock } from '@memberkit/core';
 * const program = defineProgram({ currency: 'CNY', returnWindowDays: 0, tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * const engine = createLoyaltyEngine({ program, clock: manualClock('2026-01-01T00:00:00Z') });
 * await engine.recordOrder({ id: 'e1', type: 'order_completed', timestamp: '2026-01-01T00:00:00Z', userId: 'm1', source: 'server',
 *   properties: { orderId: 'o1', currency: 'CNY', total: 19900, products: [{ productId: 'p1', price: 19900, quantity: 1 }] } });
 * (await engine.balance('m1')).available;
 * //=> 199
 * ```
 */
export function createLoyaltyEngine(options: LoyaltyEngineOptions): LoyaltyEngine {
  const { program } = options;
  const store = options.store ?? memoryLoyaltyStore();
  const clock = options.clock ?? systemClock;
  const maxRetries = options.maxRetries ?? 20;
  const wallet = options.coupons;

  /**
   * One attempt on one version: settle, apply, settle, evaluate the tier. Returns the draft to
   * commit (undefined if nothing changed and there is no key to store) and leaves the result in
   * `attempted` — not a pair object per command, which would only be garbage. The command comes
   * as a kind and its checked input, not a closure per call.
   */
  let attempted: unknown;
  function attempt(draft: MemberDraft, memberId: string, key: string | undefined, fingerprint: string, kind: Kind, input: unknown): MemberDraft | undefined {
    settleDue(draft);
    evaluateTier(program, draft);
    const value = apply(kind, draft, input);
    settleDue(draft);
    evaluateTier(program, draft);
    const result = finish(kind, value, memberId, { available: draft.available, pending: draft.pending }, effectiveLevel(program, draft.currentTier(), draft.now).id);
    attempted = result;
    if (key === undefined && draft.isEmpty()) return undefined;
    if (key !== undefined) draft.idempotency = { key, memberId, fingerprint, result };
    return draft;
  }

  function apply(kind: Kind, d: MemberDraft, input: unknown): unknown {
    switch (kind) {
      case ORDER:
        return applyOrder(program, d, input as MemberkitEvent<'order_completed'>);
      case REFUND:
        return applyRefund(program, d, input as MemberkitEvent<'order_refunded'>);
      case REDEEM:
        return applyRedemption(d, input as RedeemInput);
      case ADJUST:
        return applyAdjustment(program, d, input as AdjustInput);
      case ACTION:
        return applyAction(program, d, input as ActionInput);
      case OVERRIDE:
        return { tier: applyTierOverride(program, d, input as TierOverrideInput) };
      default:
        return { entries: d.entryCount };
    }
  }

  /** What a commit outcome means for the command: its result, a retry (undefined), or an error. */
  function settleOutcome<T>(outcome: CommitOutcome, result: LoyaltyResult<T>, memberId: string, fingerprint: string): LoyaltyResult<T> | undefined {
    if (outcome.status === 'committed') return result;
    if (outcome.status === 'replay') return replay(outcome.existing, memberId, fingerprint);
    if (outcome.status === 'duplicate_source') {
      throw new MemberkitError('duplicate_request', `${outcome.source} was already recorded for member ${memberId}`, { field: 'source', details: { source: outcome.source } });
    }
    return undefined;
  }

  function gaveUp(memberId: string): MemberkitError {
    return new MemberkitError('conflict', `member ${memberId} kept changing; gave up after ${maxRetries} attempts`, { details: { memberId } });
  }

  async function runAsync<T>(memberId: string, key: string | undefined, fingerprint: string, kind: Kind, input: unknown): Promise<LoyaltyResult<T>> {
    if (key !== undefined) {
      const seen = await store.getIdempotency(key);
      if (seen !== undefined) return replay(seen, memberId, fingerprint);
    }
    for (let i = 0; i < maxRetries; i++) {
      const draft = attempt(new MemberDraft((await store.getMember(memberId)) ?? blankMemberRecord(memberId), clock.now()), memberId, key, fingerprint, kind, input);
      const result = attempted as LoyaltyResult<T>;
      if (draft === undefined) return result;
      const done = settleOutcome(await store.commit(draft.toChange(draft.idempotency)), result, memberId, fingerprint);
      if (done !== undefined) return done;
    }
    throw gaveUp(memberId);
  }

  // The same steps without a promise per store call, for a store in this process. Such a store
  // never keeps a draft (see DirectChange), and a command runs to its end before the next starts,
  // so one draft serves them all (see MemberDraft.reuse).
  let spare: MemberDraft | undefined;
  function runSync<T>(sync: SyncLoyaltyStore, memberId: string, key: string | undefined, fingerprint: string, kind: Kind, input: unknown): LoyaltyResult<T> {
    if (key !== undefined) {
      const seen = sync.getIdempotency(key);
      if (seen !== undefined) return replay(seen, memberId, fingerprint);
    }
    for (let i = 0; i < maxRetries; i++) {
      const record = sync.getMember(memberId) ?? blankMemberRecord(memberId);
      const draft = attempt(spare === undefined ? (spare = new MemberDraft(record, clock.now())) : spare.reuse(record, clock.now()), memberId, key, fingerprint, kind, input);
      const result = attempted as LoyaltyResult<T>;
      if (draft === undefined) return result;
      // A store that takes a draft as it is writes it in directly: no change object, no second walk.
      const outcome = sync.commitDirect === undefined ? sync.commit(draft.toChange(draft.idempotency)) : sync.commitDirect(draft);
      if (outcome === undefined) return result;
      const done = settleOutcome(outcome, result, memberId, fingerprint);
      if (done !== undefined) return done;
    }
    throw gaveUp(memberId);
  }

  const sync = store.sync;
  /**
   * Runs a command: look up the key, compute on the member's version, commit,
   * retry on a version conflict. With a sync store the value itself comes
   * back, so the calling async method settles its one promise directly
   * (returning a promise from an async function costs three more ticks).
   */
  const run = <T>(memberId: string, key: string | undefined, fingerprint: string, kind: Kind, input: unknown): LoyaltyResult<T> | Promise<LoyaltyResult<T>> =>
    sync === undefined ? runAsync<T>(memberId, key, fingerprint, kind, input) : runSync<T>(sync, memberId, key, fingerprint, kind, input);

  function replay<T>(seen: { memberId: string; fingerprint: string; result: unknown }, memberId: string, fingerprint: string): T {
    if (seen.memberId !== memberId || seen.fingerprint !== fingerprint) {
      throw new MemberkitError('idempotency_conflict', 'this idempotency key was used with different parameters', { field: 'idempotencyKey' });
    }
    return seen.result as T;
  }

  function orderEvent<K extends 'order_completed' | 'order_refunded'>(input: unknown, type: K, opts: unknown): { event: MemberkitEvent<K>; memberId: string; key: string } {
    // No options (the usual call) means no key: skip checking an empty object.
    const { idempotencyKey } =
      opts === undefined || opts === null ? NO_OPTIONS : (fastLoyaltyInput('eventOptions', opts) ?? parseOrThrow(loyaltyInputSchemas.eventOptions, opts, 'invalid_input', 'options'));
    // parseEvent checks the common shape by hand first (fastParseEvent); zod, with its issues, for the rest.
    const event = parseEvent(input);
    if (event.type !== type) throw new MemberkitError('invalid_event', `expected a ${type} event, got ${event.type}`, { field: 'type' });
    const memberId = assertTrustedOrderEvent(event as MemberkitEvent<K>, program.currency);
    return { event: event as MemberkitEvent<K>, memberId, key: idempotencyKey ?? `event:${event.id}` };
  }

  const read = async (memberId: string) => store.getMember(memberId);

  const engine: LoyaltyEngine = {
    program,
    store,
    recordOrder: async (input, opts) => {
      const { event, memberId, key } = orderEvent(input, 'order_completed', opts);
      return run<OrderPointsResult>(memberId, key, fp.orderEvent('order', event), ORDER, event);
    },
    recordRefund: async (input, opts) => {
      const { event, memberId, key } = orderEvent(input, 'order_refunded', opts);
      return run<RefundPointsResult>(memberId, key, fp.orderEvent('refund', event), REFUND, event);
    },
    redeemPoints: async (input) => {
      const i = fastLoyaltyInput('redeem', input) ?? parseOrThrow(loyaltyInputSchemas.redeem, input, 'invalid_input', 'redemption');
      return run<RedemptionResult>(i.memberId, i.idempotencyKey, fp.redeem(i), REDEEM, i);
    },
    adjustPoints: async (input) => {
      const i = fastLoyaltyInput('adjust', input) ?? parseOrThrow(loyaltyInputSchemas.adjust, input, 'invalid_input', 'adjustment');
      return run<AdjustmentResult>(i.memberId, i.idempotencyKey, fp.adjust(i), ADJUST, i);
    },
    recordAction: async (input) => {
      const i = fastLoyaltyInput('action', input) ?? parseOrThrow(loyaltyInputSchemas.action, input, 'invalid_input', 'action');
      const done = run<ActionResult>(i.memberId, i.idempotencyKey, fp.action(i), ACTION, i);
      if (wallet === undefined || i.action !== 'birthday') return done;
      const result = await done;
      // Also on a replay: the wallet's key makes a second issue return the first coupon, and retries one that failed.
      if (result.couponTemplateIds.length === 0) return result;
      const year = programCalendar(program.timeZoneOffsetMinutes).year(result.at);
      return { ...result, gifts: await issueBirthdayGift(wallet, { memberId: result.memberId, year, couponTemplateIds: result.couponTemplateIds }) };
    },
    overrideTier: async (input) => {
      const i = fastLoyaltyInput('override', input) ?? parseOrThrow(loyaltyInputSchemas.override, input, 'invalid_input', 'tier override');
      return run<{ tier: TierState }>(i.memberId, i.idempotencyKey, fp.override(i), OVERRIDE, i);
    },
    settle: async (memberId) => run<{ entries: number }>(memberId, undefined, '', SETTLE, undefined),
    settleAll: async () => {
      let members = 0;
      let entries = 0;
      for await (const id of store.memberIds()) {
        const r = await engine.settle(id);
        members += 1;
        entries += r.entries;
      }
      return { members, entries };
    },
    balance: async (memberId) => {
      const r = await read(memberId);
      return r === undefined ? { available: 0, pending: 0, asOf: clock.now() } : balanceAt(r, clock.now());
    },
    explainBalance: async (memberId) => explainBalance(program, (await read(memberId)) ?? emptyMemberRecord(memberId), clock.now()),
    growthTree: async (memberId) => growthTree(program, await read(memberId), clock.now()),
    benefits: async (memberId) => resolveBenefits(program, await read(memberId), clock.now()),
    verify: async (memberId) => verifyLedger((await read(memberId)) ?? emptyMemberRecord(memberId)),
    member: read,
  };
  return engine;
}
