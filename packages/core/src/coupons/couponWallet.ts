import { z } from 'zod';
import { MemberkitError } from '../errors/memberkitError.ts';
import { parseOrThrow } from '../errors/parseOrThrow.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { CouponStore } from '../ports/couponStore.ts';
import { sequentialIds, type IdGenerator } from '../ports/idGenerator.ts';
import { couponOrderSchema, type CouponOrderInput } from './couponOrder.ts';
import { couponTemplateSchema, type CouponTemplate, type CouponTemplateInput } from './couponTemplate.ts';
import { couponWindow, effectiveCouponState } from './couponValidity.ts';
import { claimCouponInputSchema, expireCouponsInputSchema, issueCouponInputSchema, voidCouponInputSchema, type CouponWalletInputs } from './couponWalletInputs.ts';
import { couponUnusableReason } from './couponUnusableReason.ts';
import { lockCoupons, redeemCoupons, unlockCoupons, type CouponRedemptionResult } from './checkoutCoupons.ts';
import { quoteCoupons, type CouponQuote, type ThresholdMode } from './quoteCoupons.ts';
import { runIdempotent } from './runIdempotent.ts';
import type { CouponSource, WalletCoupon } from './walletCoupon.ts';

/**
 * How to build a {@link CouponWallet}.
 *
 * @example
 * ```ts
 * import { memoryCouponStore, type CouponWalletOptions } from '@memberkit/core';
 * const options: CouponWalletOptions = { store: memoryCouponStore(), templates: [], lockTtlMs: 10 * 60_000 };
 * ```
 */
export interface CouponWalletOptions {
  readonly store: CouponStore;
  /** The templates coupons can be issued from (usually the program's `coupons`). */
  readonly templates: readonly (CouponTemplate | CouponTemplateInput)[];
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  /** How long a checkout lock holds when `lock` is not given `ttlMs`; default 15 minutes. */
  readonly lockTtlMs?: number;
  /** How thresholds are measured when coupons stack; default `parallel` (see {@link ThresholdMode}). */
  readonly thresholds?: ThresholdMode;
}

/**
 * A member coupon wallet (券包) over a {@link CouponStore}: issue and claim
 * within limits, quote an order, lock during checkout, redeem, void, expire.
 * Every mutating call takes an idempotency `key` (replay → first result;
 * same key, other parameters → `idempotency_conflict`) and is safe under
 * concurrency through the store's atomic insert and compare-and-set.
 *
 * @example
 * ```ts
 * import type { CouponWallet } from '@memberkit/core';
 * const usable = async (wallet: CouponWallet, memberId: string) => (await wallet.list(memberId)).filter((c) => c.state === 'available');
 * ```
 */
export interface CouponWallet {
  issue(input: CouponWalletInputs['issue']): Promise<WalletCoupon>;
  claim(input: CouponWalletInputs['claim']): Promise<WalletCoupon>;
  quote(order: CouponOrderInput, codes: readonly string[]): Promise<CouponQuote>;
  lock(input: CouponWalletInputs['lock']): Promise<WalletCoupon[]>;
  unlock(input: CouponWalletInputs['unlock']): Promise<WalletCoupon[]>;
  redeem(input: CouponWalletInputs['redeem']): Promise<CouponRedemptionResult>;
  void(input: CouponWalletInputs['void']): Promise<WalletCoupon>;
  expire(input: CouponWalletInputs['expire']): Promise<{ expired: string[] }>;
  /** A member's coupons with `state` as of now (timed-out locks available, past validity expired). */
  list(memberId: string): Promise<WalletCoupon[]>;
  get(code: string): Promise<WalletCoupon | undefined>;
  readonly templates: ReadonlyMap<string, CouponTemplate>;
}

/**
 * Creates a {@link CouponWallet}.
 *
 * @example
 * ```ts
 * import { createCouponWallet, memoryCouponStore, manualClock } from '@memberkit/core';
 * const wallet = createCouponWallet({
 *   store: memoryCouponStore(),
 *   clock: manualClock('2026-06-01T00:00:00Z'),
 *   templates: [{ id: 'save30', name: '满200减30', currency: 'CNY', benefit: { kind: 'threshold', threshold: { amount: 20000 }, discount: 3000 }, validity: { type: 'relative', validDays: 30 } }],
 * });
 * const c = await wallet.claim({ key: 'claim-1', memberId: 'm1', templateId: 'save30' });
 * const q = await wallet.quote({ memberId: 'm1', currency: 'CNY', lines: [{ productId: 'p1', price: 25000, quantity: 1 }] }, [c.code]);
 * q.total;
 * //=> 22000
 * ```
 */
export function createCouponWallet(options: CouponWalletOptions): CouponWallet {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? sequentialIds();
  const lockTtlMs = parseOrThrow(z.number().int().positive().max(86_400_000).default(900_000), options.lockTtlMs, 'invalid_config', 'lockTtlMs');
  const parsed = parseOrThrow(z.array(couponTemplateSchema), options.templates, 'invalid_config', 'coupon templates');
  const templates = new Map<string, CouponTemplate>();
  parsed.forEach((t, i) => {
    if (templates.has(t.id)) throw new MemberkitError('invalid_config', `duplicate coupon template id ${t.id}`, { field: `${i}.id` });
    templates.set(t.id, t);
  });
  const thresholds = parseOrThrow(z.enum(['parallel', 'sequential']).default('parallel'), options.thresholds, 'invalid_config', 'thresholds');
  const deps = { store, clock, lockTtlMs, thresholds };

  async function issueFrom(key: string, memberId: string, templateId: string, source: CouponSource, code: string | undefined, op: string, params: unknown) {
    return runIdempotent(store, key, op, params, async () => {
      const template = templates.get(templateId);
      if (!template) throw new MemberkitError('not_found', `no coupon template ${templateId}`, { field: 'templateId' });
      const now = clock.now();
      const { startsAt, endsAt } = couponWindow(template, now);
      if (endsAt <= now) throw new MemberkitError('coupon_expired', `template ${templateId} is no longer valid`, { field: 'templateId', details: { endsAt } });
      const id = ids.next('cpn');
      const coupon: WalletCoupon = { id, code: code ?? id, memberId, templateId, template, source, issuedAt: now, startsAt, endsAt, state: 'available', version: 1, updatedAt: now };
      const inserted = await store.insertCoupon(coupon, template.limits);
      if (inserted.status === 'limit_reached') {
        throw new MemberkitError('coupon_limit_reached', `${inserted.scope === 'member' ? 'per-member' : 'total'} limit of ${inserted.limit} reached for ${templateId}`, {
          field: 'templateId',
          details: { scope: inserted.scope, limit: inserted.limit },
        });
      }
      if (inserted.status === 'duplicate_code') throw new MemberkitError('conflict', `coupon code ${coupon.code} already exists`, { field: 'code' });
      return coupon;
    });
  }

  return {
    templates,
    async issue(input) {
      const i = parseOrThrow(issueCouponInputSchema, input, 'invalid_input', 'issue');
      return issueFrom(i.key, i.memberId, i.templateId, i.source, i.code, 'issue', { ...i, key: undefined });
    },
    async claim(input) {
      const i = parseOrThrow(claimCouponInputSchema, input, 'invalid_input', 'claim');
      const source: CouponSource = i.channel === undefined ? { kind: 'claim' } : { kind: 'claim', channel: i.channel };
      return issueFrom(i.key, i.memberId, i.templateId, source, undefined, 'claim', { ...i, key: undefined });
    },
    async quote(orderInput, codes) {
      const order = parseOrThrow(couponOrderSchema, orderInput, 'invalid_input', 'order');
      const list = parseOrThrow(z.array(z.string().trim().min(1).max(200)).max(50), codes, 'invalid_input', 'codes');
      const candidates = await Promise.all(list.map(async (code) => ({ code, coupon: await store.getCouponByCode(code) })));
      return quoteCoupons(order, candidates, clock.now(), { thresholds });
    },
    lock: (input) => lockCoupons(deps, input),
    unlock: (input) => unlockCoupons(deps, input),
    redeem: (input) => redeemCoupons(deps, input),
    async void(input) {
      const i = parseOrThrow(voidCouponInputSchema, input, 'invalid_input', 'void');
      return runIdempotent(store, i.key, 'void', { ...i, key: undefined }, async () => {
        const coupon = await store.getCouponByCode(i.code);
        if (!coupon) throw new MemberkitError('coupon_not_found', `no coupon ${i.code}`, { field: 'code' });
        const now = clock.now();
        const state = effectiveCouponState(coupon, now);
        if (state !== 'available' && state !== 'locked') {
          const why = couponUnusableReason(coupon, { memberId: coupon.memberId }, now);
          throw new MemberkitError(why?.reason ?? 'conflict', `cannot void coupon ${i.code}: ${why?.message ?? state}`, { field: 'code', details: { state } });
        }
        const { lock: _lock, ...rest } = coupon;
        const next: WalletCoupon = { ...rest, state: 'void', voided: { at: now, reason: i.reason }, version: coupon.version + 1, updatedAt: now };
        if (!(await store.compareAndSet(next, coupon.version))) throw new MemberkitError('conflict', `coupon ${i.code} changed meanwhile; retry`, { field: 'code' });
        return next;
      });
    },
    async expire(input) {
      const i = parseOrThrow(expireCouponsInputSchema, input, 'invalid_input', 'expire');
      return runIdempotent(store, i.key, 'expire', { limit: i.limit }, async () => {
        const now = clock.now();
        const expired: string[] = [];
        for (const c of await store.listExpiring(now, i.limit)) {
          // A coupon still under a live checkout lock is left for that checkout to finish.
          if (effectiveCouponState(c, now) !== 'expired') continue;
          const { lock: _lock, ...rest } = c;
          const next: WalletCoupon = { ...rest, state: 'expired', expiredAt: now, version: c.version + 1, updatedAt: now };
          if (await store.compareAndSet(next, c.version)) expired.push(c.id);
        }
        return { expired };
      });
    },
    async list(memberId) {
      const now = clock.now();
      return (await store.listMemberCoupons(memberId)).map((c) => {
        const state = effectiveCouponState(c, now);
        return state === c.state ? c : { ...c, state };
      });
    },
    get: (code) => store.getCouponByCode(code),
  };
}
