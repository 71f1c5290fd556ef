import type { IdentifierKind } from '../events/eventTypes.ts';
import type { MemberkitEvent } from '../events/memberkitEvent.ts';
import { IDENTIFIER_PRECEDENCE } from './identityPolicy.ts';
import { normalizeIdentifier, type NormalizeIdentifierOptions } from './normalizeIdentifier.ts';

const FIELDS = { phone: 'identifiers.phone', email: 'identifiers.email', memberCardNo: 'identifiers.memberCardNo', openid: 'identifiers.openid', unionid: 'identifiers.unionid' } as const;

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
  let out: Identifier[] | undefined;
  const ids = event.identifiers;
  const options = optionsFor(defaultCountryCode);
  // Walked in precedence order straight off the event: no intermediate map.
  for (const kind of IDENTIFIER_PRECEDENCE) {
    let value: string | undefined;
    if (kind === 'userId' || kind === 'anonymousId') {
      value = event[kind];
    } else {
      value = ids?.[kind];
      if (value !== undefined && value.trim() === '') value = undefined;
    }
    if (value === undefined) continue;
    const identifier: Identifier = { kind, value: normalizeIdentifier(kind, value, options[kind]) };
    // Most events carry one identifier: a one-element literal, not an
    // array pushed to (which reserves ~16 slots).
    if (out === undefined) out = [identifier];
    else out.push(identifier);
  }
  return out ?? [];
}

// The options each kind is normalised with (the field errors name), made
// once per country code rather than once per identifier of every event.
let optionsCode: string | undefined;
let optionsByKind: Readonly<Record<IdentifierKind, NormalizeIdentifierOptions>> | undefined;
function optionsFor(defaultCountryCode: string): Readonly<Record<IdentifierKind, NormalizeIdentifierOptions>> {
  if (optionsCode !== defaultCountryCode || optionsByKind === undefined) {
    const field = (kind: IdentifierKind): string => (kind === 'userId' || kind === 'anonymousId' ? kind : FIELDS[kind]);
    optionsByKind = Object.fromEntries(IDENTIFIER_PRECEDENCE.map((kind) => [kind, { field: field(kind), defaultCountryCode }])) as Record<IdentifierKind, NormalizeIdentifierOptions>;
    optionsCode = defaultCountryCode;
  }
  return optionsByKind;
}
