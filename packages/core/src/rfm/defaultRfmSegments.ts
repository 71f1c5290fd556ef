import type { RfmSegmentRule } from './rfmSegmentRule.ts';

const anyM = [1, 5] as const;

/**
 * memberkit's default segment table: the widely used R×F grid, where recency
 * (rows) and frequency (columns) pick one of ten segments and the monetary
 * score is left to the operator's reports. Its ten rules cover all 25 R×F
 * squares, so all 125 (r, f, m) cells, and no fallback is ever used.
 *
 * ```
 *        F=1          F=2          F=3             F=4        F=5
 * R=5    New          Potential L. Potential L.    Champions  Champions
 * R=4    Promising    Potential L. Potential L.    Loyal      Loyal
 * R=3    About to Sl. About to Sl. Need Attention  Loyal      Loyal
 * R=2    Hibernating  Hibernating  At Risk         At Risk    Can't Lose
 * R=1    Hibernating  Hibernating  At Risk         At Risk    Can't Lose
 * ```
 *
 * @example
 * ```ts
 * import { defaultRfmSegments, validateSegments } from '@memberkit/core';
 * validateSegments(defaultRfmSegments).ok;
 * //=> true
 * ```
 */
export const defaultRfmSegments: readonly RfmSegmentRule[] = Object.freeze([
  { name: 'Champions', label: '冠军客户', r: [5, 5], f: [4, 5], m: anyM, description: 'Bought very recently and buy often: reward them, ask for reviews and referrals.' },
  { name: 'Loyal', label: '忠诚客户', r: [3, 4], f: [4, 5], m: anyM, description: 'Buy often and fairly recently: upsell, invite to the next tier.' },
  { name: 'Potential Loyalist', label: '潜力客户', r: [4, 5], f: [2, 3], m: anyM, description: 'Recent customers with a few orders: membership and growth offers.' },
  { name: 'New', label: '新客户', r: [5, 5], f: [1, 1], m: anyM, description: 'First order very recently: onboarding, second-order coupon.' },
  { name: 'Promising', label: '有望客户', r: [4, 4], f: [1, 1], m: anyM, description: 'One order, fairly recent: build awareness, a free trial or sample.' },
  { name: 'Need Attention', label: '需关注客户', r: [3, 3], f: [3, 3], m: anyM, description: 'Middling recency and frequency: limited-time offers based on past purchases.' },
  { name: 'About to Sleep', label: '即将沉睡客户', r: [3, 3], f: [1, 2], m: anyM, description: 'Below-average recency and frequency: reconnect before they are lost.' },
  { name: 'At Risk', label: '流失风险客户', r: [1, 2], f: [3, 4], m: anyM, description: 'Used to buy often, not for a long time: personal win-back message.' },
  { name: "Can't Lose", label: '重要挽回客户', r: [1, 2], f: [5, 5], m: anyM, description: 'Were among the most frequent buyers, now gone quiet: win back at almost any cost.' },
  { name: 'Hibernating', label: '沉睡客户', r: [1, 2], f: [1, 2], m: anyM, description: 'Few orders, long ago: recall offer (回归礼包) or let go.' },
] satisfies RfmSegmentRule[]);
