import type { IdentifierKind } from '../events/eventTypes.ts';

/**
 * The order in which identifiers decide whose profile an event belongs to,
 * strongest first. A login id beats a member card, which beats a phone
 * number, down to the anonymous device id.
 *
 * @example
 * ```ts
 * import { IDENTIFIER_PRECEDENCE } from '@memberkit/core';
 * IDENTIFIER_PRECEDENCE[0];
 * //=> 'userId'
 * ```
 */
export const IDENTIFIER_PRECEDENCE: readonly IdentifierKind[] = ['userId', 'memberCardNo', 'phone', 'unionid', 'email', 'openid', 'anonymousId'];

/**
 * Kinds a person has at most one of. Two profiles holding different values
 * of one of these are different people and are never merged (a shared
 * device or a family tablet does not fuse two accounts).
 *
 * @example
 * ```ts
 * import { UNIQUE_IDENTIFIER_KINDS } from '@memberkit/core';
 * UNIQUE_IDENTIFIER_KINDS.has('phone');
 * //=> true
 * ```
 */
export const UNIQUE_IDENTIFIER_KINDS: ReadonlySet<IdentifierKind> = new Set<IdentifierKind>(['userId', 'memberCardNo', 'phone', 'unionid']);

/**
 * True when two sets of identities can belong to one person: no unique kind
 * with two different values.
 *
 * @example
 * ```ts
 * import { identitiesCompatible } from '@memberkit/core';
 * identitiesCompatible([{ kind: 'userId', value: 'u1' }], [{ kind: 'userId', value: 'u2' }]);
 * //=> false
 * ```
 */
export function identitiesCompatible(
  a: ReadonlyArray<{ readonly kind: IdentifierKind; readonly value: string }>,
  b: ReadonlyArray<{ readonly kind: IdentifierKind; readonly value: string }>,
): boolean {
  if (a.length === 0 || b.length === 0) return true;
  for (const x of a) {
    if (!UNIQUE_IDENTIFIER_KINDS.has(x.kind)) continue;
    for (const y of b) if (y.kind === x.kind && y.value !== x.value) return false;
  }
  return true;
}
