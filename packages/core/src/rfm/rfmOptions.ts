import { z } from 'zod';
import { parseOrThrow } from '../errors/parseOrThrow.ts';
import { defaultRfmSegments } from './defaultRfmSegments.ts';
import { parseIsoTimeString } from './parseIsoTime.ts';
import { rfmInputError } from './rfmInputError.ts';
import type { RfmSegmentRule } from './rfmSegmentRule.ts';

/**
 * How scores 1..5 are cut from the raw measures:
 * - `'ntile'`: equal-count quintiles, `NTILE(5) OVER (ORDER BY measure ASC, customer_id ASC)`;
 * - `'breaks'`: the R package rfm 0.3.0 rule (quantile breakpoints + 1, ties kept together).
 *
 * @example
 * ```ts
 * import type { RfmMethod } from '@memberkit/core';
 * const method: RfmMethod = 'breaks';
 * ```
 */
export type RfmMethod = 'ntile' | 'breaks';

/**
 * Options of `computeRfm`.
 *
 * @example
 * ```ts
 * import { rfmPackageSegments, type RfmOptions } from '@memberkit/core';
 * const options: RfmOptions = { asOf: '2006-12-31', method: 'breaks', segments: rfmPackageSegments, fallback: 'Others' };
 * ```
 */
export interface RfmOptions {
  /** The analysis date: recency is counted back from here, and no order may be later. Required. */
  readonly asOf: Date | string | number;
  /** `'ntile'` (default) or `'breaks'`. */
  readonly method?: RfmMethod | undefined;
  /** Ordered segment rules, first match wins. Default {@link defaultRfmSegments}. */
  readonly segments?: readonly RfmSegmentRule[] | undefined;
  /** Segment name for customers no rule reaches. Default `'Others'`. */
  readonly fallback?: string | undefined;
  /**
   * Row order of `computeRfm`'s result: `'customerId'` (default: sorted by id, so the
   * same orders in any order give an identical array) or `'input'` (order of each
   * customer's first appearance, or index order for columns and totals: skips a sort
   * that costs a few hundred milliseconds per million customers).
   */
  readonly order?: 'customerId' | 'input' | undefined;
}

const optionsSchema = z.object({
  asOf: z.union([z.date(), z.string(), z.number()]),
  method: z.enum(['ntile', 'breaks']).default('ntile'),
  segments: z.array(z.unknown()).optional(),
  fallback: z.string().trim().min(1).max(100).default('Others'),
  order: z.enum(['customerId', 'input']).default('customerId'),
});

/**
 * {@link RfmOptions} after validation, with `asOf` in epoch milliseconds and
 * every default filled in. Internal.
 *
 * @example
 * ```ts
 * const o = resolveRfmOptions({ asOf: 0 });
 * [o.method, o.fallback, o.order];
 * //=> ['ntile', 'Others', 'customerId']
 * ```
 */
export interface ResolvedRfmOptions {
  readonly asOf: number;
  readonly method: RfmMethod;
  readonly segments: readonly RfmSegmentRule[];
  readonly fallback: string;
  readonly order: 'customerId' | 'input';
}

/**
 * Validates `computeRfm` options, throwing `invalid_input` naming the field
 * (`asOf` is required and must be a valid date). Internal.
 *
 * @example
 * ```ts
 * resolveRfmOptions({ asOf: '2006-12-31' }).asOf;
 * //=> 1167523200000
 * ```
 */
export function resolveRfmOptions(options: RfmOptions): ResolvedRfmOptions {
  const o = parseOrThrow(optionsSchema, options, 'invalid_input', 'RFM options');
  const asOf = typeof o.asOf === 'number' ? o.asOf : typeof o.asOf === 'string' ? parseIsoTimeString(o.asOf) : o.asOf.getTime();
  if (!Number.isFinite(asOf)) throw rfmInputError(['asOf'], 'expected a Date, an ISO 8601 string or epoch milliseconds', o.asOf);
  return {
    asOf,
    method: o.method,
    segments: (o.segments as RfmSegmentRule[] | undefined) ?? defaultRfmSegments,
    fallback: o.fallback,
    order: o.order,
  };
}
