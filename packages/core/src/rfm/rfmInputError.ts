import type { MemberkitErrorCode } from '../errors/errorCodes.ts';
import { MemberkitError } from '../errors/memberkitError.ts';

/**
 * Builds the {@link MemberkitError} for one bad input value, with a
 * zod-shaped issue, so the hot loops can validate with plain comparisons
 * (zod per row would cost more than the scoring) and still report like every
 * other boundary. Internal to the rfm folder.
 *
 * @example
 * ```ts
 * rfmInputError(['orders', 3, 'amount'], 'amount must be a non-negative number', -5).field;
 * //=> 'orders.3.amount'
 * ```
 */
export function rfmInputError(
  path: readonly PropertyKey[],
  message: string,
  value: unknown,
  code: MemberkitErrorCode = 'invalid_input',
  details: Readonly<Record<string, unknown>> = {},
): MemberkitError {
  const field = path.map(String).join('.');
  return new MemberkitError(code, `Invalid RFM input at ${field}: ${message}`, {
    field,
    issues: [{ path, field, code: 'invalid_value', message }],
    details: { value, ...details },
  });
}
