import type { IdentifierKind } from '../events/eventTypes.ts';
import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import { IDENTIFIER_PRECEDENCE } from './identityPolicy.ts';
import { normalizeIdentifier } from './normalizeIdentifier.ts';

/**
 * A normalised identifier taken from an event.
 *
 * @example
 * ```ts
 * import type { Identifier } from '@memberkit/core';
 * const id: Identifier = { kind: 'email', value: 'a@b.cn' };
 * ```
 */
export interface Identifier {
  readonly kind: IdentifierKind;
  readonly value: string;
}

/**
 * Every identifier an event carries, normalised and ordered strongest first
 * ({@link IDENTIFIER_PRECEDENCE}). Throws a `MemberkitError` naming the field
 * (e.g. `identifiers.phone`) when one is invalid.
 *
 * @example
 * ```ts
 * import { eventIdentifiers, parseEvent } from '@memberkit/core';
 * const e = parseEvent({ id: 'e1', type: 'signed_in', timestamp: 0, anonymousId: 'dev-1', identifiers: { phone: '138 1234 5678' }, properties: {} });
 * eventIdentifiers(e);
 * //=> [{ kind: 'phone', value: '+8613812345678' }, { kind: 'anonymousId', value: 'dev-1' }]
 * ```
 */
export function eventIdentifiers(event: MemberkitEvent, defaultCountryCode = '86'): Identifier[] {
  const raw: Partial<Record<IdentifierKind, { value: string; field: string }>> = {};
  if (event.userId !== undefined) raw.userId = { value: event.userId, field: 'userId' };
  if (event.anonymousId !== undefined) raw.anonymousId = { value: event.anonymousId, field: 'anonymousId' };
  const ids = event.identifiers ?? {};
  for (const kind of ['phone', 'email', 'memberCardNo', 'openid', 'unionid'] as const) {
    const value = ids[kind];
    if (value !== undefined && value.trim() !== '') raw[kind] = { value, field: `identifiers.${kind}` };
  }
  const out: Identifier[] = [];
  for (const kind of IDENTIFIER_PRECEDENCE) {
    const entry = raw[kind];
    if (entry) out.push({ kind, value: normalizeIdentifier(kind, entry.value, { field: entry.field, defaultCountryCode }) });
  }
  return out;
}
