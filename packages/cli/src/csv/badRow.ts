/**
 * Why a row was not used; each kind has an English and a Chinese message in the report.
 *
 * @example
 * ```ts
 * import type { BadRowKind } from '@memberkit/cli';
 * const kind: BadRowKind = 'invalid_date';
 * ```
 */
export type BadRowKind =
  | 'malformed'
  | 'column_count'
  | 'missing_value'
  | 'invalid_date'
  | 'invalid_amount'
  | 'negative_amount'
  | 'order_customer_conflict';

/**
 * A row the reader refused, with the 1-based line number in the file (the
 * header is line 1), so a merchant can open the file and fix it.
 *
 * @example
 * ```ts
 * import type { BadRow } from '@memberkit/cli';
 * const bad: BadRow = { line: 42, kind: 'invalid_date', column: 'order_date', value: '2026-02-30', message: 'not a calendar date' };
 * ```
 */
export interface BadRow {
  readonly line: number;
  readonly kind: BadRowKind;
  /** The header name of the offending column, when one is at fault. */
  readonly column?: string;
  /** The offending text, cut to 80 characters. */
  readonly value?: string;
  /** An English explanation, also used in the CLI's summary. */
  readonly message: string;
}
