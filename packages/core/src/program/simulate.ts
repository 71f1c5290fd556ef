import type { CouponTemplate } from '../coupons/couponTemplate.ts';
import { isMemberkitError } from '../errors/memberkitError.ts';
import { timestampSchema } from '../events/eventSchema.ts';
import { manualClock } from '../ports/clock.ts';
import type { MemberLoyaltyRecord } from '../ports/loyaltyStore.ts';
import { memoryLoyaltyStore } from '../ports/memoryLoyaltyStore.ts';
import { balanceAt } from '../points/balanceAt.ts';
import type { LedgerEntry } from '../points/ledgerEntry.ts';
import { effectiveTier } from '../tiers/effectiveTier.ts';
import { tierMetric } from '../tiers/tierMetric.ts';
import type { TierChange } from '../tiers/tierState.ts';
import { createLoyaltyEngine } from './loyaltyEngine.ts';
import type { LoyaltyAction, LoyaltyProgram } from './programSchema.ts';

/**
 * What `simulate` can replay: canonical events (`order_completed`,
 * `order_refunded`, `signed_up` → sign-up bonus, `product_reviewed` →
 * review bonus; others are ignored), plus loyalty commands and a plain
 * advance of time (to see expiries and period-end downgrades).
 *
 * @example
 * ```ts
 * import type { SimulationEvent } from '@memberkit/core';
 * const later: SimulationEvent = { type: 'advance', at: '2027-01-01T00:00:00Z' };
 * ```
 */
export type SimulationEvent =
  | { readonly type: string; readonly timestamp: unknown; readonly [k: string]: unknown }
  | { readonly type: 'action'; readonly action: LoyaltyAction; readonly at: unknown; readonly ref?: string }
  | { readonly type: 'redeem'; readonly points: number; readonly at: unknown; readonly orderId?: string }
  | { readonly type: 'advance'; readonly at: unknown };

/**
 * What a set of events would change for a member.
 *
 * @example
 * ```ts
 * import type { SimulationResult } from '@memberkit/core';
 * const upgraded = (s: SimulationResult) => s.tier.before !== s.tier.after;
 * ```
 */
export interface SimulationResult {
  readonly memberId: string;
  readonly points: {
    readonly before: { readonly available: number; readonly pending: number };
    readonly after: { readonly available: number; readonly pending: number };
    readonly delta: { readonly available: number; readonly pending: number };
    readonly entries: readonly LedgerEntry[];
  };
  readonly tier: { readonly before: string; readonly after: string; readonly changes: readonly TierChange[]; readonly valueBefore: number; readonly valueAfter: number };
  /** Coupon templates the events would issue (birthday gifts), resolved from the program. */
  readonly coupons: { readonly issued: readonly { readonly templateId: string; readonly template: CouponTemplate | undefined; readonly reason: string }[] };
  /** One outcome per event: the command result, `ignored`, or the error a live run would raise. */
  readonly outcomes: readonly ({ readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly code: string; readonly message: string })[];
}

const timeOf = (v: unknown): number => timestampSchema.parse(v);

/**
 * Previews what `events` would do to a member under `program` — points,
 * tier, coupons — on a private copy, touching nothing: use it to check a
 * program change before saving it, or to answer "what if I buy this?".
 * Time runs from each event's timestamp; commands a live engine would refuse
 * are reported in `outcomes` and change nothing, as they would live.
 *
 * @example
 * ```ts
 * import { defineProgram, simulate } from '@memberkit/core';
 * const program = defineProgram({ currency: 'CNY', tiers: { metric: 'spend', levels: [{ id: 'basic', name: '普通', threshold: 0 }, { id: 'gold', name: '金卡', threshold: 100000 }] } });
 * const s = await simulate(program, 'm1', [{ id: 'e1', type: 'order_completed', timestamp: '2026-03-01T00:00:00Z', userId: 'm1', source: 'server',
 *   properties: { orderId: 'o1', currency: 'CNY', total: 120000, products: [{ productId: 'p', price: 120000, quantity: 1 }] } }]);
 * [s.tier.before, s.tier.after, s.points.delta.pending];
 * //=> ['basic', 'gold', 1200]
 * ```
 */
export async function simulate(program: LoyaltyProgram, member: MemberLoyaltyRecord | string, events: readonly SimulationEvent[]): Promise<SimulationResult> {
  const record = typeof member === 'string' ? undefined : member;
  const memberId = typeof member === 'string' ? member : member.memberId;
  const times = events.map((e) => ('timestamp' in e && e.timestamp !== undefined ? timeOf(e.timestamp) : timeOf((e as { at: unknown }).at)));
  const start = times.length > 0 ? Math.min(...times) : 0;
  const clock = manualClock(start);
  const engine = createLoyaltyEngine({ program, clock, store: memoryLoyaltyStore({ seed: record === undefined ? [] : [record] }) });
  const before = record === undefined ? { available: 0, pending: 0 } : balanceAt(record, start);
  const outcomes: SimulationResult['outcomes'][number][] = [];
  const issued: { templateId: string; template: CouponTemplate | undefined; reason: string }[] = [];
  let n = 0;
  for (const [i, e] of events.entries()) {
    clock.set(Math.max(clock.now(), times[i] as number));
    const key = `simulate:${n++}`;
    try {
      let result: unknown = 'ignored';
      if (e.type === 'order_completed') result = await engine.recordOrder(e);
      else if (e.type === 'order_refunded') result = await engine.recordRefund(e);
      else if (e.type === 'signed_up' || e.type === 'product_reviewed' || e.type === 'action') {
        const action: LoyaltyAction = e.type === 'signed_up' ? 'sign_up' : e.type === 'product_reviewed' ? 'review' : (e as { action: LoyaltyAction }).action;
        const ref = e.type === 'product_reviewed' ? String((e as { properties?: { reviewId?: string } }).properties?.reviewId ?? (e as { id?: string }).id ?? key) : (e as { ref?: string }).ref;
        const r = await engine.recordAction({ memberId, action, idempotencyKey: key, ...(ref === undefined ? {} : { ref }) });
        for (const templateId of r.couponTemplateIds) issued.push({ templateId, template: program.coupons.find((c) => c.id === templateId), reason: action });
        result = r;
      } else if (e.type === 'redeem') {
        const r = e as { points: number; orderId?: string };
        result = await engine.redeemPoints({ memberId, points: r.points, idempotencyKey: key, ...(r.orderId === undefined ? {} : { orderId: r.orderId }) });
      } else if (e.type === 'advance') result = await engine.settle(memberId);
      outcomes.push({ ok: true, result });
    } catch (err) {
      if (!isMemberkitError(err)) throw err;
      outcomes.push({ ok: false, code: err.code, message: err.message });
    }
  }
  await engine.settle(memberId);
  const after = (await engine.member(memberId)) ?? record;
  const afterBalance = after === undefined ? before : balanceAt(after, clock.now());
  const historyBefore = record?.tier?.history.length ?? 0;
  return {
    memberId,
    points: {
      before: { available: before.available, pending: before.pending },
      after: { available: afterBalance.available, pending: afterBalance.pending },
      delta: { available: afterBalance.available - before.available, pending: afterBalance.pending - before.pending },
      entries: after?.entries.slice(record?.entries.length ?? 0) ?? [],
    },
    tier: {
      before: effectiveTier(program, record?.tier ?? null, start).level.id,
      after: effectiveTier(program, after?.tier ?? null, clock.now()).level.id,
      changes: (after?.tier?.history ?? []).slice(historyBefore).filter((c) => c.reason !== 'join'),
      valueBefore: tierMetric(program, record?.growth ?? [], start),
      valueAfter: tierMetric(program, after?.growth ?? [], clock.now()),
    },
    coupons: { issued },
    outcomes,
  };
}
