import type { Condition } from './condition.ts';
import { compileCondition } from './compileCondition.ts';
import type { ConditionSubject } from './conditionSubject.ts';

/**
 * Evaluates a (validated) condition for one subject. Pure and synchronous,
 * so it can run on every event and in batch over all profiles; the condition
 * is compiled on first use and the compiled form reused.
 *
 * @example
 * ```ts
 * import { conditionSubject, evaluateCondition } from '@memberkit/core';
 * const p = { id: 'p', createdAt: 0, updatedAt: 0, identities: [], traits: {}, tags: [{ tag: 'vip', origin: 'manual' as const, at: 0 }], segments: [], attributes: { tier: 'gold' } };
 * evaluateCondition({ all: [{ hasTag: 'vip' }, { not: { field: 'attributes.tier', op: 'eq', value: 'silver' } }] }, conditionSubject(p, [], 0));
 * //=> true
 * ```
 */
export function evaluateCondition(condition: Condition, subject: ConditionSubject): boolean {
  return compileCondition(condition)(subject);
}
