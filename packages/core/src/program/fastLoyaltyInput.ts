import type { z } from 'zod';
import { LOYALTY_ACTIONS } from './programSchema.ts';
import { inputChecks as c } from './inputChecks.ts';
import type { loyaltyInputSchemas } from './loyaltyInputSchemas.ts';

/**
 * The engine commands with a fast input path.
 *
 * @example
 * ```ts
 * import type { LoyaltyInputKind } from '@memberkit/core';
 * const k: LoyaltyInputKind = 'redeem';
 * ```
 */
export type LoyaltyInputKind = 'redeem' | 'adjust' | 'action' | 'override' | 'eventOptions';

type Output<K extends LoyaltyInputKind> = z.output<(typeof loyaltyInputSchemas)[K]>;

const KEYS = {
  redeem: new Set(['memberId', 'points', 'orderId', 'reason', 'idempotencyKey']),
  adjust: new Set(['memberId', 'points', 'reason', 'idempotencyKey']),
  action: new Set(['memberId', 'action', 'ref', 'idempotencyKey']),
  override: new Set(['memberId', 'tierId', 'reason', 'expiresAt', 'idempotencyKey']),
  eventOptions: new Set(['idempotencyKey']),
} as const;
const ACTIONS: ReadonlySet<unknown> = new Set(LOYALTY_ACTIONS);

const memberId = (v: unknown) => c.trimmed(v, 1, 200);
const key = (v: unknown) => c.bounded(v, 1, 300);

function accepts(kind: LoyaltyInputKind, v: Record<string, unknown>): boolean {
  if (!c.onlyKeys(v, KEYS[kind])) return false;
  switch (kind) {
    case 'redeem':
      return memberId(v.memberId) && c.safeInt(v.points, 1) && key(v.idempotencyKey) && c.optional(v, 'orderId', (x) => c.trimmed(x, 1, 200)) && c.optional(v, 'reason', (x) => c.bounded(x, 0, 500));
    case 'adjust':
      return memberId(v.memberId) && c.safeInt(v.points, Number.MIN_SAFE_INTEGER) && v.points !== 0 && c.trimmed(v.reason, 1, 500) && key(v.idempotencyKey);
    case 'action':
      return memberId(v.memberId) && ACTIONS.has(v.action) && key(v.idempotencyKey) && c.optional(v, 'ref', (x) => c.bounded(x, 1, 200));
    case 'override':
      // Epoch ms only; ISO strings and Dates are converted by zod.
      return memberId(v.memberId) && c.bounded(v.tierId, 1, 100) && c.trimmed(v.reason, 1, 500) && c.safeInt(v.expiresAt, 0) && key(v.idempotencyKey);
    case 'eventOptions':
      return c.optional(v, 'idempotencyKey', key);
  }
}

/**
 * The common valid shapes of an engine command's input, checked by hand:
 * returns what `loyaltyInputSchemas[kind]` would (a copy with the same keys),
 * or `undefined` when the input needs zod (anything to trim or convert, or
 * anything invalid). Zod costs several microseconds per call, more than the
 * rest of a ledger command; a property test checks that both agree.
 *
 * @example
 * ```ts
 * import { fastLoyaltyInput } from '@memberkit/core';
 * fastLoyaltyInput('redeem', { memberId: 'm1', points: 5, idempotencyKey: 'k' });
 * //=> { memberId: 'm1', points: 5, idempotencyKey: 'k' }
 * fastLoyaltyInput('redeem', { memberId: ' m1 ', points: 5, idempotencyKey: 'k' });
 * //=> undefined
 * ```
 */
export function fastLoyaltyInput<K extends LoyaltyInputKind>(kind: K, value: unknown): Output<K> | undefined {
  if (!c.plain(value) || !accepts(kind, value)) return undefined;
  // Every key is known and valid as it is: a copy is exactly what zod returns.
  return { ...value } as Output<K>;
}
