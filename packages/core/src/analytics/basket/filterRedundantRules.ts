import type { AssociationRule } from './associationRules.ts';

const SEP = '\u0000';

function bodyKey(items: readonly string[]): string {
  return [...items].sort().join(SEP);
}

function isProperSubset(small: readonly string[], big: ReadonlySet<string>): boolean {
  return small.length < big.size && small.every((x) => big.has(x));
}

/**
 * Drops redundant rules with the semantics of arules' `is.redundant` (measure
 * confidence): a rule `X ⇒ Y` is redundant when the same set holds a more
 * general rule `X' ⇒ Y`, `X'` a proper subset of `X` (possibly empty), whose
 * confidence is the same or higher: adding items to the left made the rule
 * no more predictive (Bayardo et al. 2000, improvement ≤ 0). Like arules,
 * only rules present in `rules` are compared. Order is kept.
 *
 * @example
 * ```ts
 * import { filterRedundantRules } from '@memberkit/core';
 * const general = { antecedent: ['milk powder'], consequent: ['diapers'], support: 0.2, confidence: 0.8, lift: 2, count: 20 };
 * const specific = { antecedent: ['milk powder', 'wipes'], consequent: ['diapers'], support: 0.1, confidence: 0.75, lift: 1.9, count: 10 };
 * filterRedundantRules([general, specific]).length;
 * //=> 1
 * ```
 */
export function filterRedundantRules<R extends AssociationRule>(rules: readonly R[]): R[] {
  const groups = new Map<string, R[]>();
  for (const r of rules) {
    const head = r.consequent.join(SEP);
    const g = groups.get(head);
    if (g) g.push(r);
    else groups.set(head, [r]);
  }
  const redundant = new Set<R>();
  for (const group of groups.values()) {
    // Highest confidence per antecedent, so that a subset is one lookup.
    const best = new Map<string, number>();
    for (const r of group) {
      const k = bodyKey(r.antecedent);
      best.set(k, Math.max(best.get(k) ?? -Infinity, r.confidence));
    }
    for (const r of group) {
      const body = [...r.antecedent].sort();
      if (body.length === 0) continue;
      if (2 ** body.length - 1 <= group.length) {
        // Enumerate the proper subsets (bit masks short of all-ones).
        const full = 2 ** body.length - 1;
        for (let mask = 0; mask < full; mask++) {
          const sub: string[] = [];
          for (let b = 0; b < body.length; b++) if (mask & (1 << b)) sub.push(body[b]!);
          const c = best.get(sub.join(SEP));
          if (c !== undefined && c >= r.confidence) {
            redundant.add(r);
            break;
          }
        }
      } else {
        const set = new Set(body);
        if (group.some((g) => g.confidence >= r.confidence && isProperSubset(g.antecedent, set))) redundant.add(r);
      }
    }
  }
  return rules.filter((r) => !redundant.has(r));
}
