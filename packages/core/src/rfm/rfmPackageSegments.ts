import type { RfmSegmentRule } from './rfmSegmentRule.ts';

/**
 * The ten-rule segment table of the R package rfm 0.3.0 (README and the
 * `rfm_segment()` documentation), in its order; the first matching rule wins
 * and customers no rule reaches are called `'Others'`, so pass it with
 * `fallback: 'Others'` (memberkit's default fallback). Descriptions are the
 * package vignette's.
 *
 * @example
 * ```ts
 * import { rfmPackageSegments, validateSegments } from '@memberkit/core';
 * validateSegments(rfmPackageSegments).unreachableCells.slice(0, 3);
 * //=> [215, 241, 251]
 * ```
 */
export const rfmPackageSegments: readonly RfmSegmentRule[] = Object.freeze([
  { name: 'Champions', r: [5, 5], f: [5, 5], m: [5, 5], description: 'Bought recently, buy often and spend the most' },
  { name: 'Potential Loyalist', r: [3, 5], f: [3, 5], m: [2, 5], description: 'Recent customers, spent good amount, bought more than once' },
  { name: 'Loyal Customers', r: [2, 4], f: [2, 4], m: [2, 4], description: 'Spend good money. Responsive to promotions' },
  { name: 'Promising', r: [3, 4], f: [1, 3], m: [3, 5], description: "Recent shoppers, but haven't spent much" },
  { name: 'New Customers', r: [4, 5], f: [1, 3], m: [1, 5], description: 'Bought more recently, but not often' },
  { name: "Can't Lose Them", r: [1, 2], f: [3, 4], m: [4, 5], description: 'Made big purchases and often, but long time ago' },
  { name: 'At Risk', r: [1, 2], f: [2, 5], m: [4, 5], description: 'Spent big money, purchased often but long time ago' },
  { name: 'Need Attention', r: [1, 3], f: [3, 5], m: [3, 5], description: 'Above average recency, frequency & monetary values' },
  { name: 'About To Sleep', r: [2, 3], f: [1, 3], m: [1, 4], description: 'Below average recency, frequency & monetary values' },
  { name: 'Lost', r: [1, 1], f: [1, 5], m: [1, 5], description: 'Bought a long time ago, average amount spent' },
] satisfies RfmSegmentRule[]);
