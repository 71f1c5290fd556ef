import { MemberkitError } from '../errors/memberkitError.ts';
import type { IdentifierKind } from '../events/eventTypes.ts';
import { normalizePhone } from './normalizePhone.ts';

/**
 * Options for {@link normalizeIdentifier}.
 *
 * @example
 * ```ts
 * import { normalizeIdentifier, type NormalizeIdentifierOptions } from '@memberkit/core';
 * const us: NormalizeIdentifierOptions = { defaultCountryCode: '1', field: 'identifiers.phone' };
 * normalizeIdentifier('phone', '415 555 0132', us);
 * //=> '+14155550132'
 * ```
 */
export interface NormalizeIdentifierOptions {
  /** Country calling code for phone numbers written without one. Default `'86'`. */
  readonly defaultCountryCode?: string;
  /** The input field, named in errors. Defaults to the kind. */
  readonly field?: string;
}

// Deliberately simple: one @, no spaces, a dot in the domain. Full RFC 5322
// parsing accepts addresses no shop can mail to.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Cleans one identifier so that equal people get equal keys (R-PROF-2):
 * phones to E.164, emails trimmed and lower-cased, member card numbers without
 * spaces and upper-cased, opaque ids (openid, unionid, userId, anonymousId)
 * trimmed. Throws a {@link MemberkitError} (`invalid_phone`, `invalid_email`,
 * `invalid_identifier`) naming the field.
 *
 * @example
 * ```ts
 * import { normalizeIdentifier } from '@memberkit/core';
 * normalizeIdentifier('email', '  Zhang.Li@Example.COM ');
 * //=> 'zhang.li@example.com'
 * normalizeIdentifier('memberCardNo', 'vip 0012 3456');
 * //=> 'VIP00123456'
 * ```
 */
export function normalizeIdentifier(kind: IdentifierKind, raw: string, options: NormalizeIdentifierOptions = {}): string {
  const field = options.field ?? kind;
  if (typeof raw !== 'string') {
    throw new MemberkitError('invalid_identifier', `${field} must be a string`, { field });
  }
  switch (kind) {
    case 'phone':
      return normalizePhone(raw, { field, ...(options.defaultCountryCode ? { defaultCountryCode: options.defaultCountryCode } : {}) });
    case 'email': {
      const email = raw.trim().toLowerCase();
      if (!EMAIL.test(email) || email.length > 320) {
        throw new MemberkitError('invalid_email', `Invalid email ${JSON.stringify(raw)}`, { field });
      }
      return email;
    }
    case 'memberCardNo': {
      const card = raw.replace(/[\s\-\u3000]/g, '').toUpperCase();
      if (!/^[0-9A-Z]{1,64}$/.test(card)) {
        throw new MemberkitError('invalid_identifier', `Invalid member card number ${JSON.stringify(raw)}: letters and digits only`, { field });
      }
      return card;
    }
    default: {
      const id = raw.trim();
      if (id === '') throw new MemberkitError('invalid_identifier', `${field} must not be empty`, { field });
      return id;
    }
  }
}
