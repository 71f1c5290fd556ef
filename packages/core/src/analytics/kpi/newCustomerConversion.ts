import { z } from 'zod';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { parseOrThrow } from '../../errors/parseOrThrow.ts';
import { orderTime, type OrderRecord } from '../orderRecord.ts';

/**
 * A newly acquired member (sign-up, first store scan) to follow up.
 *
 * @example
 * ```ts
 * import type { SignupRecord } from '@memberkit/core';
 * const s: SignupRecord = { customerId: 'c1', at: Date.UTC(2026, 0, 1), source: 'store_qr' };
 * ```
 */
export interface SignupRecord {
  readonly customerId: string;
  readonly at: number | Date;
  /** Acquisition source, for conversion per channel (R-EVT-3). */
  readonly source?: string;
}

/**
 * New-customer conversion (新客转化率): the share of new members who place a
 * first order within `withinDays` of signing up, overall and per source.
 *
 * @example
 * ```ts
 * import { newCustomerConversion } from '@memberkit/core';
 * const day = 86_400_000;
 * const signups = [{ customerId: 'a', at: 0 }, { customerId: 'b', at: 0 }];
 * const orders = [{ customerId: 'a', at: 3 * day, amount: 990 }, { customerId: 'b', at: 40 * day, amount: 990 }];
 * newCustomerConversion(signups, orders, { withinDays: 30 }).rate;
 * //=> 0.5
 * ```
 */
export function newCustomerConversion(
  signups: Iterable<SignupRecord>,
  orders: Iterable<OrderRecord>,
  options: { withinDays: number },
): { signups: number; converted: number; rate: number; bySource: { source: string; signups: number; converted: number; rate: number }[] } {
  const { withinDays } = parseOrThrow(z.object({ withinDays: z.number().positive() }), options, 'invalid_input', 'conversion options');
  const signedUp = new Map<string, { at: number; source: string }>();
  let i = 0;
  for (const s of signups) {
    const at = s.at instanceof Date ? s.at.getTime() : s.at;
    if (typeof s.customerId !== 'string' || !Number.isFinite(at)) throw new MemberkitError('invalid_input', `signup ${i} is invalid`, { field: `signups.${i}` });
    i++;
    const prev = signedUp.get(s.customerId);
    if (!prev || at < prev.at) signedUp.set(s.customerId, { at, source: s.source ?? 'unknown' });
  }
  if (signedUp.size === 0) throw new MemberkitError('insufficient_data', 'no signups', { field: 'signups' });
  const converted = new Set<string>();
  const horizon = withinDays * 86_400_000;
  let row = 0;
  for (const o of orders) {
    const at = orderTime(o, row++);
    const s = signedUp.get(o.customerId);
    if (s && at >= s.at && at - s.at <= horizon) converted.add(o.customerId);
  }
  const bySource = new Map<string, { signups: number; converted: number }>();
  for (const [id, s] of signedUp) {
    const b = bySource.get(s.source) ?? { signups: 0, converted: 0 };
    b.signups++;
    if (converted.has(id)) b.converted++;
    bySource.set(s.source, b);
  }
  return {
    signups: signedUp.size,
    converted: converted.size,
    rate: converted.size / signedUp.size,
    bySource: [...bySource.entries()]
      .map(([source, b]) => ({ source, ...b, rate: b.converted / b.signups }))
      .sort((x, y) => y.signups - x.signups || (x.source < y.source ? -1 : 1)),
  };
}
