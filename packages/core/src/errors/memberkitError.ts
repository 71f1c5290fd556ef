import type { MemberkitErrorCode } from './errorCodes.ts';

/**
 * One problem found in an input, in the shape of a zod issue: where it is
 * (`path`, joined as `field`), what kind of problem (`code`) and a message.
 *
 * @example
 * ```ts
 * import type { MemberkitIssue } from '@memberkit/core';
 * const issue: MemberkitIssue = { path: ['properties', 'orderId'], field: 'properties.orderId', code: 'invalid_type', message: 'Required' };
 * ```
 */
export interface MemberkitIssue {
  readonly path: readonly PropertyKey[];
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * Options accepted by the {@link MemberkitError} constructor.
 *
 * @example
 * ```ts
 * import { MemberkitError, type MemberkitErrorOptions } from '@memberkit/core';
 * const options: MemberkitErrorOptions = { field: 'code', details: { minSpend: 20000, currency: 'CNY' } };
 * new MemberkitError('min_spend_not_met', 'spend ¥200 to use this coupon', options).field;
 * //=> 'code'
 * ```
 */
export interface MemberkitErrorOptions {
  /** The input field at fault, dotted (`properties.products.0.price`). */
  readonly field?: string;
  /** Every problem found, when validation found several. */
  readonly issues?: readonly MemberkitIssue[];
  /** Structured facts for the caller and the locale messages (e.g. `{ minSpend, currency }`). */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * The single error type memberkit throws for anything a caller can get wrong
 * or a rule can refuse. Branch on `code`, show `field` to the user; a server
 * sends `toJSON()` as the body of a 4xx answer.
 *
 * @example
 * ```ts
 * import { MemberkitError } from '@memberkit/core';
 * const error = new MemberkitError('insufficient_points', 'balance 20 is below 50', { details: { balance: 20, requested: 50 } });
 * [error instanceof MemberkitError, error.code, error.details];
 * //=> [true, 'insufficient_points', { balance: 20, requested: 50 }]
 * ```
 */
export class MemberkitError extends Error {
  override readonly name = 'MemberkitError';
  readonly code: MemberkitErrorCode;
  readonly field: string | undefined;
  readonly issues: readonly MemberkitIssue[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: MemberkitErrorCode, message: string, options: MemberkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field ?? options.issues?.[0]?.field;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }

  /** A plain, serialisable body with no stack trace, for HTTP answers and logs. */
  toJSON(): { code: MemberkitErrorCode; message: string; field?: string; issues?: MemberkitIssue[]; details?: Record<string, unknown> } {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.issues.length === 0 ? {} : { issues: this.issues.map((i) => ({ ...i, path: i.path.map(String) })) }),
      ...(Object.keys(this.details).length === 0 ? {} : { details: { ...this.details } }),
    };
  }
}

/**
 * True when `value` is a {@link MemberkitError}, optionally of one code.
 *
 * @example
 * ```ts
 * import { isMemberkitError, MemberkitError } from '@memberkit/core';
 * isMemberkitError(new MemberkitError('not_found', 'no such profile'), 'not_found');
 * //=> true
 * ```
 */
export function isMemberkitError(value: unknown, code?: MemberkitErrorCode): value is MemberkitError {
  return value instanceof MemberkitError && (code === undefined || value.code === code);
}
