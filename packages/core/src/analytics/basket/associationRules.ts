import { z } from 'zod';
import { MemberkitError } from '../../errors/memberkitError.ts';
import { parseOrThrow } from '../../errors/parseOrThrow.ts';
import { itemsetCount, mineItemsetTree } from './mineItemsetTree.ts';
import { indexBaskets } from './basketIndex.ts';

/**
 * One association rule `antecedent ⇒ consequent` (one item on the right).
 * `count` is the number of baskets holding every item of the rule;
 * `support = count / N`, `confidence = count / count(antecedent)`,
 * `lift = confidence / support(consequent)`, as in arules.
 *
 * @example
 * ```ts
 * import type { AssociationRule } from '@memberkit/core';
 * const rule: AssociationRule = { antecedent: ['milk powder'], consequent: ['diapers'], support: 0.02, confidence: 0.6, lift: 3, count: 20 };
 * ```
 */
export interface AssociationRule {
  /** Items on the left, sorted by label; empty for `{} ⇒ {item}`. */
  readonly antecedent: readonly string[];
  /** Exactly one item. */
  readonly consequent: readonly string[];
  readonly support: number;
  readonly confidence: number;
  readonly lift: number;
  readonly count: number;
}

/**
 * A frequent itemset with its basket count and support.
 *
 * @example
 * ```ts
 * import type { FrequentItemset } from '@memberkit/core';
 * const set: FrequentItemset = { items: ['bread', 'milk'], count: 12, support: 0.12 };
 * ```
 */
export interface FrequentItemset {
  readonly items: readonly string[];
  readonly count: number;
  readonly support: number;
}

/**
 * Options of {@link associationRules}.
 *
 * @example
 * ```ts
 * import type { AssociationRuleOptions } from '@memberkit/core';
 * const options: AssociationRuleOptions = { minSupport: 0.001, minConfidence: 0.8 };
 * ```
 */
export interface AssociationRuleOptions {
  /** Share of baskets, in (0, 1]; an itemset is frequent when its count ≥ ⌈minSupport · N⌉. */
  readonly minSupport: number;
  /** In [0, 1]. */
  readonly minConfidence: number;
  /** Fewest items in a rule (antecedent + consequent), default 1 as in arules: `{} ⇒ {item}` qualifies when the item alone reaches `minConfidence`. */
  readonly minLength?: number;
  /** Most items in a rule or itemset, default 10 as in arules. */
  readonly maxLength?: number;
  /** Also return every frequent itemset within the length bounds (default false). */
  readonly itemsets?: boolean;
  /** Give up (with a `MemberkitError`) past this many frequent itemsets, default 5,000,000 (about 100 MB), like arules' `maxtime` guard. */
  readonly maxItemsets?: number;
}

/**
 * What {@link associationRules} found.
 *
 * @example
 * ```ts
 * import type { AssociationRuleResult } from '@memberkit/core';
 * const empty: AssociationRuleResult = { rules: [], transactionCount: 10, minCount: 1, itemsetCount: 0 };
 * ```
 */
export interface AssociationRuleResult {
  /** Sorted by lift, then confidence, then count (all descending), then antecedent size and labels: the order never depends on input order. */
  readonly rules: AssociationRule[];
  /** Number of baskets N, empty baskets included. */
  readonly transactionCount: number;
  /** ⌈minSupport · N⌉: the basket count an itemset needs. */
  readonly minCount: number;
  /** Number of frequent itemsets within the length bounds. */
  readonly itemsetCount: number;
  /** Present when `itemsets: true`: sorted by count descending, then size, then labels. */
  readonly itemsets?: FrequentItemset[];
}

const optionsSchema = z.object({
  minSupport: z.number().gt(0).max(1),
  minConfidence: z.number().min(0).max(1),
  minLength: z.number().int().min(1).max(64).default(1),
  maxLength: z.number().int().min(1).max(64).default(10),
  itemsets: z.boolean().default(false),
  maxItemsets: z.number().int().positive().default(5_000_000),
});

/**
 * ⌈minSupport · N⌉, forgiving the last bit of float error so that
 * 0.01 · 100 is 1 basket short of nothing (it is 1.0000000000000002).
 */
function supportCount(minSupport: number, n: number): number {
  return Math.max(1, Math.ceil(minSupport * n * (1 - 1e-12)));
}

const byLabel = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

function compareLabels(x: readonly string[], y: readonly string[]): number {
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) {
    const c = byLabel(x[i]!, y[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Mines association rules from baskets (market-basket analysis, 购物篮分析)
 * with the semantics of R's arules `apriori`: an itemset is frequent when it
 * is in at least ⌈minSupport · N⌉ baskets, a rule has one item on the right
 * and is kept when its confidence reaches `minConfidence`. Items are interned
 * to integers and mined depth first over typed-array tid lists (occurrence
 * delivery, see `mineItemsetTree`); the baskets are read once, so any
 * iterable works (a generator over a file, a query cursor).
 *
 * @example
 * ```ts
 * import { associationRules } from '@memberkit/core';
 * const baskets = [['milk powder', 'diapers'], ['milk powder', 'diapers', 'stroller'], ['milk powder'], ['bread']];
 * const { rules } = associationRules(baskets, { minSupport: 0.5, minConfidence: 0.6, minLength: 2 });
 * rules.map((r) => [r.antecedent, r.consequent, r.support, r.confidence, r.lift, r.count]);
 * //=> [[['diapers'], ['milk powder'], 0.5, 1, 4 / 3, 2], [['milk powder'], ['diapers'], 0.5, 2 / 3, 4 / 3, 2]]
 * ```
 */
export function associationRules(baskets: Iterable<readonly string[]>, options: AssociationRuleOptions): AssociationRuleResult {
  const opts = parseOrThrow(optionsSchema, options, 'invalid_input', 'association rule options');
  if (opts.minLength > opts.maxLength) {
    throw new MemberkitError('invalid_input', `minLength ${opts.minLength} is above maxLength ${opts.maxLength}`, { field: 'minLength' });
  }
  if (baskets == null || typeof (baskets as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') {
    throw new MemberkitError('invalid_input', 'baskets must be an iterable of string arrays', { field: 'baskets' });
  }
  const lists = indexBaskets(baskets, (n) => supportCount(opts.minSupport, n));
  const n = lists.transactionCount;
  if (n === 0) throw new MemberkitError('insufficient_data', 'no baskets to mine', { field: 'baskets' });
  const minCount = supportCount(opts.minSupport, n);
  const tree = mineItemsetTree(lists, minCount, opts.maxLength, opts.maxItemsets);

  const ruleNode: number[] = [];
  const ruleHead: number[] = []; // rank of the consequent
  const ruleBody: number[] = []; // count of the antecedent
  const path = new Int32Array(opts.maxLength);
  const ancestor = new Int32Array(opts.maxLength + 1); // ancestor[m]: the node of path[0..m)
  let itemsetTotal = 0;
  for (let node = 1; node < tree.size; node++) {
    const d = tree.depth[node]!;
    if (d < opts.minLength) continue;
    itemsetTotal++;
    const count = tree.count[node]!;
    for (let k = d - 1, at = node; k >= 0; k--, at = tree.parent[at]!) {
      path[k] = tree.item[at]!;
      ancestor[k + 1] = at;
    }
    for (let k = 0; k < d; k++) {
      // the antecedent without path[k] shares the prefix path[0..k) with this itemset
      const body = itemsetCount(tree, path, d, k, k + 1, ancestor[k]!);
      if (count / body >= opts.minConfidence) {
        ruleNode.push(node);
        ruleHead.push(path[k]!);
        ruleBody.push(body);
      }
    }
  }

  const rules: AssociationRule[] = new Array<AssociationRule>(ruleNode.length);
  for (let i = 0; i < ruleNode.length; i++) {
    const node = ruleNode[i]!;
    const head = ruleHead[i]!;
    const antecedent: string[] = [];
    for (let at = node; at > 0; at = tree.parent[at]!) if (tree.item[at] !== head) antecedent.push(lists.labels[tree.item[at]!]!);
    antecedent.sort(byLabel);
    const count = tree.count[node]!;
    const confidence = count / ruleBody[i]!;
    rules[i] = {
      antecedent,
      consequent: [lists.labels[head]!],
      support: count / n,
      confidence,
      lift: (confidence * n) / lists.counts[head]!,
      count,
    };
  }
  rules.sort(
    (x, y) =>
      y.lift - x.lift ||
      y.confidence - x.confidence ||
      y.count - x.count ||
      compareLabels(x.antecedent, y.antecedent) ||
      byLabel(x.consequent[0]!, y.consequent[0]!),
  );

  const result: AssociationRuleResult = { rules, transactionCount: n, minCount, itemsetCount: itemsetTotal };
  if (!opts.itemsets) return result;
  const itemsets: FrequentItemset[] = [];
  for (let node = 1; node < tree.size; node++) {
    if (tree.depth[node]! < opts.minLength) continue;
    const items: string[] = [];
    for (let at = node; at > 0; at = tree.parent[at]!) items.push(lists.labels[tree.item[at]!]!);
    items.sort(byLabel);
    itemsets.push({ items, count: tree.count[node]!, support: tree.count[node]! / n });
  }
  itemsets.sort((x, y) => y.count - x.count || compareLabels(x.items, y.items));
  return { ...result, itemsets };
}
