import { programCalendar } from '../program/programCalendar.ts';
import type { LoyaltyAction, LoyaltyProgram } from '../program/programSchema.ts';
import { effectiveLevel } from '../tiers/effectiveTier.ts';
import { lotExpiry } from './lotExpiry.ts';
import type { MemberDraft } from './memberDraft.ts';
import { NO_ITEMS } from './noItems.ts';

/**
 * A bonus action by a member (sign-up, birthday, review, check-in).
 *
 * @example
 * ```ts
 * import type { ActionInput } from '@memberkit/core';
 * const a: ActionInput = { memberId: 'm1', action: 'review', ref: 'review-881', idempotencyKey: 'review-881' };
 * ```
 */
export interface ActionInput {
  readonly memberId: string;
  readonly action: LoyaltyAction;
  /**
   * What the action is about, so the same thing never earns twice: a review
   * id; defaults to the day for check-in, the year for birthday, `once` for
   * sign-up, and the idempotency key for review.
   */
  readonly ref?: string | undefined;
  readonly idempotencyKey: string;
}

/**
 * What a bonus action earned, after caps.
 *
 * @example
 * ```ts
 * import type { ActionResult } from '@memberkit/core';
 * const capped = (r: ActionResult) => r.cappedPoints || r.cappedGrowth;
 * ```
 */
export interface ActionResult {
  readonly action: LoyaltyAction;
  readonly points: number;
  readonly growth: number;
  readonly cappedPoints: boolean;
  readonly cappedGrowth: boolean;
  readonly lotId: string | null;
  /** Coupon templates the action grants (the tier's birthday gift); the engine issues them when it has a coupon wallet. */
  readonly couponTemplateIds: readonly string[];
  /** What the action was recorded as (`action:birthday:2026`): one per member, ever. */
  readonly source: string;
  /** When it was recorded (epoch ms). */
  readonly at: number;
}

/**
 * `prefix + period`, the same string object for every member while the period lasts. Counter
 * keys (`points:check_in:2026-01-02`) and default sources (`action:check_in:2026-01-02`) are kept
 * by every member's record; built per command, each was a chain of three or four string objects
 * held for good, a tenth of what a check-in left on the heap. `last` remembers the newest key per
 * prefix for one kind of period.
 */
function periodKey(prefix: string, period: string, last: Map<string, { period: string; key: string }>): string {
  const seen = last.get(prefix);
  if (seen !== undefined && seen.period === period) return seen.key;
  const key = prefix + period;
  last.set(prefix, { period, key });
  return key;
}
// One cache per kind of period: a command asks for a prefix's day key and then its year key, which
// in one cache evicted each other, so every member kept two strings of its own.
const lastDayKeys = new Map<string, { period: string; key: string }>();
const lastYearKeys = new Map<string, { period: string; key: string }>();
const lastRefKeys = new Map<string, { period: string; key: string }>();

/** `kind:action:`, built once per pair. */
function counterPrefix(kind: 'points' | 'growth' | 'action', action: LoyaltyAction): string {
  const byAction = prefixes[kind];
  let prefix = byAction.get(action);
  if (prefix === undefined) {
    prefix = `${kind}:${action}:`;
    byAction.set(action, prefix);
  }
  return prefix;
}
const prefixes = { points: new Map<string, string>(), growth: new Map<string, string>(), action: new Map<string, string>() };

/** The last year number and its text, so a command does not build "2026" again. */
let lastYear = Number.NaN;
let lastYearText = '';

/** Grants `amount` unless a per-day or per-year cap is reached; returns [granted, capped]. */
function award(draft: MemberDraft, action: LoyaltyAction, day: string, year: string, kind: 'points' | 'growth', rule: { maxPerDay?: number | undefined; maxPerYear?: number | undefined } | undefined, amount: number): [number, boolean] {
  if (rule === undefined || amount === 0) return [0, false];
  const prefix = counterPrefix(kind, action);
  const dayKey = periodKey(prefix, day, lastDayKeys);
  const yearKey = periodKey(prefix, year, lastYearKeys);
  if ((rule.maxPerDay !== undefined && draft.counter(dayKey) >= rule.maxPerDay) || (rule.maxPerYear !== undefined && draft.counter(yearKey) >= rule.maxPerYear)) return [0, true];
  draft.bump(dayKey);
  draft.bump(yearKey);
  return [amount, false];
}

/**
 * Awards the points and growth value of a bonus action, available at once,
 * within the per-day and per-year caps (counted in the program's time zone).
 * The same action on the same `ref` earns once, ever.
 *
 * @example
 * ```ts
 * import { MemberDraft, applyAction, defineProgram, emptyMemberRecord } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', points: { actions: { check_in: { points: 5, maxPerDay: 1 } } }, tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * applyAction(p, new MemberDraft(emptyMemberRecord('m1'), 0), { memberId: 'm1', action: 'check_in', idempotencyKey: 'k' }).points;
 * //=> 5
 * ```
 */
export function applyAction(program: LoyaltyProgram, draft: MemberDraft, input: ActionInput): ActionResult {
  const cal = programCalendar(program.timeZoneOffsetMinutes);
  const day = cal.dayKey(draft.now);
  const yearNumber = cal.year(draft.now);
  if (yearNumber !== lastYear) {
    lastYear = yearNumber;
    lastYearText = String(yearNumber);
  }
  const year = lastYearText;
  const defaultRef = input.action === 'check_in' ? day : input.action === 'birthday' ? year : input.action === 'sign_up' ? 'once' : input.idempotencyKey;
  // A default ref is shared by every member for the period (see periodKey); a review key is not.
  const source = input.ref === undefined && input.action !== 'review' ? periodKey(counterPrefix('action', input.action), defaultRef, lastRefKeys) : `action:${input.action}:${input.ref ?? defaultRef}`;
  draft.claimSource(source);

  const pointsRule = program.points.actions[input.action];
  const growthRule = program.growth.actions[input.action];
  const [points, cappedPoints] = award(draft, input.action, day, year, 'points', pointsRule, pointsRule?.points ?? 0);
  const [growth, cappedGrowth] = award(draft, input.action, day, year, 'growth', growthRule, growthRule?.value ?? 0);
  let lotId: string | null = null;
  if (points > 0) {
    const lot = draft.addLot({ origin: 'action', source, earnedAt: draft.now, activatesAt: null, expiresAt: lotExpiry(program, draft.now), points });
    draft.write('earn', lot.id, 'available', points, draft.now, source);
    lotId = lot.id;
  }
  if (growth > 0) draft.addGrowth({ memberId: draft.memberId, at: draft.now, recordedAt: draft.now, value: growth, spend: 0, orders: 0, source });
  const gift = effectiveLevel(program, draft.currentTier(), draft.now).benefits.birthdayCouponTemplateId;
  const couponTemplateIds = input.action === 'birthday' && gift !== undefined ? [gift] : NO_ITEMS;
  return { action: input.action, points, growth, cappedPoints, cappedGrowth, lotId, couponTemplateIds, source, at: draft.now };
}
