import { z } from 'zod';
import { parseOrThrow } from '../errors/parseOrThrow.ts';

const score = z.number().int().min(1).max(5);
const range = z
  .tuple([score, score])
  .refine(([lo, hi]) => lo <= hi, 'lower bound must not exceed upper bound');

/**
 * The zod schema of one segment rule: a name and an inclusive score range for
 * each of R, F and M.
 *
 * @example
 * ```ts
 * import { rfmSegmentRuleSchema } from '@memberkit/core';
 * rfmSegmentRuleSchema.safeParse({ name: 'Lost', r: [1, 1], f: [1, 5], m: [1, 5] }).success;
 * //=> true
 * ```
 */
export const rfmSegmentRuleSchema = z.object({
  name: z.string().trim().min(1).max(100),
  r: range,
  f: range,
  m: range,
  /** A display label, e.g. the Chinese name an operator (运营) sees. */
  label: z.string().max(100).optional(),
  description: z.string().max(500).optional(),
});

/**
 * One row of a segment table: a customer whose r, f and m scores all lie in
 * the inclusive ranges belongs to `name`. Tables are ordered; the first rule
 * that matches wins.
 *
 * @example
 * ```ts
 * import type { RfmSegmentRule } from '@memberkit/core';
 * const champions: RfmSegmentRule = { name: 'Champions', r: [5, 5], f: [4, 5], m: [1, 5] };
 * ```
 */
export interface RfmSegmentRule {
  readonly name: string;
  readonly r: readonly [number, number];
  readonly f: readonly [number, number];
  readonly m: readonly [number, number];
  readonly label?: string | undefined;
  readonly description?: string | undefined;
}

/** A segment table resolved into a 125-cell lookup: `cells[cellIndex(r, f, m)]` indexes `names`. */
export interface CompiledRfmSegments {
  /** The distinct segment names in rule order, then the fallback (last). */
  readonly names: readonly string[];
  /** For each of the 125 cells, the index into `names`; cells no rule reaches point at the fallback. */
  readonly cells: Uint8Array;
  /** For each cell, the index of the rule that claims it, or -1. */
  readonly ruleOfCell: Int16Array;
}

/**
 * The index 0..124 of the score cell (r, f, m), each score in 1..5.
 *
 * @example
 * ```ts
 * import { rfmCellIndex } from '@memberkit/core';
 * rfmCellIndex(5, 5, 5);
 * //=> 124
 * ```
 */
export function rfmCellIndex(r: number, f: number, m: number): number {
  return (r - 1) * 25 + (f - 1) * 5 + (m - 1);
}

/**
 * Validates an ordered segment table and resolves it into a lookup over the
 * 125 (r, f, m) cells, so scoring a million customers costs one array read
 * each instead of walking the rules. Throws a `MemberkitError` with code
 * `invalid_config` naming the bad rule.
 *
 * @example
 * ```ts
 * import { compileRfmSegments, rfmCellIndex } from '@memberkit/core';
 * const c = compileRfmSegments([{ name: 'Best', r: [5, 5], f: [5, 5], m: [5, 5] }], 'Others');
 * c.names[c.cells[rfmCellIndex(5, 5, 5)]];
 * //=> 'Best'
 * ```
 */
export function compileRfmSegments(rules: readonly RfmSegmentRule[], fallback: string): CompiledRfmSegments {
  const parsed = parseOrThrow(z.array(rfmSegmentRuleSchema).max(250), rules, 'invalid_config', 'segments');
  const fb = parseOrThrow(z.string().trim().min(1).max(100), fallback, 'invalid_config', 'fallback');
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const ruleName = parsed.map((rule) => {
    let idx = nameIndex.get(rule.name);
    if (idx === undefined) {
      idx = names.length;
      names.push(rule.name);
      nameIndex.set(rule.name, idx);
    }
    return idx;
  });
  const fallbackIdx = nameIndex.get(fb) ?? names.push(fb) - 1;
  const cells = new Uint8Array(125).fill(fallbackIdx);
  const ruleOfCell = new Int16Array(125).fill(-1);
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      for (let m = 1; m <= 5; m++) {
        const i = parsed.findIndex(
          (rule) => r >= rule.r[0] && r <= rule.r[1] && f >= rule.f[0] && f <= rule.f[1] && m >= rule.m[0] && m <= rule.m[1],
        );
        if (i >= 0) {
          const cell = rfmCellIndex(r, f, m);
          cells[cell] = ruleName[i] ?? fallbackIdx;
          ruleOfCell[cell] = i;
        }
      }
    }
  }
  return { names, cells, ruleOfCell };
}
