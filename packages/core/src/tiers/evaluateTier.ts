import type { MemberDraft } from '../points/memberDraft.ts';
import { programCalendar } from '../program/programCalendar.ts';
import type { LoyaltyProgram } from '../program/programSchema.ts';
import { tierMetric, tierWindowStart } from './tierMetric.ts';
import type { TierChange, TierState } from './tierState.ts';

const DAY_MS = 86_400_000;

/**
 * The keep check measures the window that closes at the period end (periodEnd
 * is exclusive, so a calendar-year check at 1 January counts the year just
 * ended) plus anything earned during grace, up to `until`.
 */
function keepValue(program: LoyaltyProgram, draft: MemberDraft, periodEnd: number, until: number): number {
  return tierMetric(program, draft.record.growth, until, draft.growth, tierWindowStart(program, periodEnd - 1));
}

function indexOf(levels: LoyaltyProgram['tiers']['levels'], id: string): number {
  for (let i = 0; i < levels.length; i++) if ((levels[i] as { id: string }).id === id) return i;
  return 0;
}

/**
 * When a tier reached at `from` is next checked against its keep threshold:
 * the end of the calendar year for calendar-year programs, otherwise
 * `validityMonths` later.
 *
 * @example
 * ```ts
 * import { defineProgram, tierPeriodEnd } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', validityMonths: 12, levels: [{ id: 'basic', name: '普通', threshold: 0 }] } });
 * new Date(tierPeriodEnd(p, Date.UTC(2026, 2, 15))).toISOString();
 * //=> '2027-03-15T00:00:00.000Z'
 * ```
 */
export function tierPeriodEnd(program: Pick<LoyaltyProgram, 'tiers' | 'timeZoneOffsetMinutes'>, from: number): number {
  const cal = programCalendar(program.timeZoneOffsetMinutes);
  return program.tiers.window.kind === 'calendar_year' ? cal.yearStart(from, 1) : cal.addMonths(from, program.tiers.validityMonths);
}

/**
 * Brings a member's tier up to the draft's time, in this order:
 * 1. an expired override is lifted;
 * 2. every period end that has passed is evaluated in turn (保级): the value
 *    over the window that closes at the period end must reach the tier's
 *    `keep`; a member who misses it keeps the tier through the grace period
 *    and is checked again at its end, counting what they earned during the
 *    grace period too; a member who still misses it drops **one** tier;
 * 3. an upgrade happens at once to the highest tier whose threshold the
 *    current value reaches (this also ends a grace period early).
 * Writes the new state to the draft only when something changed.
 *
 * @example
 * ```ts
 * import { MemberDraft, defineProgram, emptyMemberRecord, evaluateTier } from '@memberkit/core';
 * const p = defineProgram({ currency: 'CNY', tiers: { metric: 'growth', levels: [{ id: 'basic', name: '普通', threshold: 0 }, { id: 'silver', name: '银卡', threshold: 100 }] } });
 * const d = new MemberDraft(emptyMemberRecord('m1'), 0);
 * d.addGrowth({ memberId: 'm1', at: 0, recordedAt: 0, value: 150, spend: 0, orders: 0, source: 'x' });
 * evaluateTier(p, d);
 * d.tier?.tierId;
 * //=> 'silver'
 * ```
 */
export function evaluateTier(program: LoyaltyProgram, draft: MemberDraft): void {
  const levels = program.tiers.levels;
  const now = draft.now;
  const before = draft.currentTier();
  // Without new growth the value can only fall, so nothing can change before the next due date.
  if (before !== null && draft.growth.length === 0 && (before.override === null || before.override.expiresAt > now) && (before.periodEnd === null || (before.graceUntil ?? before.periodEnd) > now)) return;
  let s: TierState = before ?? { tierId: (levels[0] as { id: string }).id, since: now, periodEnd: null, graceUntil: null, override: null, history: [] };
  // Created on the first change: an order re-evaluates the tier, and most orders change nothing.
  let history: TierChange[] | undefined = before === null ? [{ at: now, from: null, to: s.tierId, reason: 'join' }] : undefined;

  if (s.override !== null && s.override.expiresAt <= now) {
    (history ??= []).push({ at: s.override.expiresAt, from: s.override.tierId, to: s.tierId, reason: 'override_expired' });
    s = { ...s, override: null };
  }

  // Evaluate every period end that has passed, oldest first; each may drop one tier.
  for (let guard = 0; s.periodEnd !== null && guard < 1000; guard++) {
    const index = indexOf(levels, s.tierId);
    const level = levels[index] as (typeof levels)[number];
    const keep = level.keep ?? level.threshold;
    const checkAt = s.graceUntil ?? s.periodEnd;
    if (checkAt > now) break;
    if (keepValue(program, draft, s.periodEnd, checkAt - 1) >= keep) {
      (history ??= []).push({ at: checkAt, from: s.tierId, to: s.tierId, reason: 'kept' });
      s = { ...s, periodEnd: tierPeriodEnd(program, s.periodEnd), graceUntil: null };
    } else if (s.graceUntil === null && program.tiers.graceDays > 0) {
      const graceUntil = s.periodEnd + program.tiers.graceDays * DAY_MS;
      (history ??= []).push({ at: s.periodEnd, from: s.tierId, to: s.tierId, reason: 'grace', note: `keep ${keep} not reached; grace until ${new Date(graceUntil).toISOString()}` });
      s = { ...s, graceUntil };
    } else {
      const lower = levels[index - 1] as (typeof levels)[number];
      (history ??= []).push({ at: checkAt, from: s.tierId, to: lower.id, reason: 'downgrade' });
      s = { ...s, tierId: lower.id, since: checkAt, periodEnd: index - 1 === 0 ? null : tierPeriodEnd(program, checkAt), graceUntil: null };
    }
  }

  const value = tierMetric(program, draft.record.growth, now, draft.growth);
  let qualified = 0;
  for (let i = levels.length - 1; i > 0; i--) {
    if (value >= (levels[i] as { threshold: number }).threshold) {
      qualified = i;
      break;
    }
  }
  const current = indexOf(levels, s.tierId);
  if (qualified > current) {
    const to = (levels[qualified] as { id: string }).id;
    (history ??= []).push({ at: now, from: s.tierId, to, reason: 'upgrade' });
    s = { ...s, tierId: to, since: now, periodEnd: tierPeriodEnd(program, now), graceUntil: null };
  } else if (s.graceUntil !== null) {
    const level = levels[current] as (typeof levels)[number];
    if (keepValue(program, draft, s.periodEnd ?? now, now) >= (level.keep ?? level.threshold)) {
      (history ??= []).push({ at: now, from: s.tierId, to: s.tierId, reason: 'kept' });
      s = { ...s, periodEnd: tierPeriodEnd(program, s.periodEnd ?? now), graceUntil: null };
    }
  }

  // Field by field, not a spread copy: the state lives as long as the member, and V8 places a
  // literal's objects straight in the old generation once they are seen to live on.
  if (history !== undefined) {
    draft.tier = { tierId: s.tierId, since: s.since, periodEnd: s.periodEnd, graceUntil: s.graceUntil, override: s.override, history: s.history.length === 0 ? history : [...s.history, ...history] };
  }
}
