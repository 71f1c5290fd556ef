import { compileRfmSegments, rfmCellIndex, type RfmSegmentRule } from './rfmSegmentRule.ts';

/** What {@link validateSegments} found in a segment table. */
export interface RfmSegmentReport {
  /** True when every cell is reached and every rule can match. */
  readonly ok: boolean;
  /** Scores (`100r + 10f + m`) of the cells no rule reaches: those customers get the fallback. */
  readonly unreachableCells: readonly number[];
  /** Rules that can never match because earlier rules claim all of their cells. */
  readonly neverMatching: readonly { readonly index: number; readonly name: string; readonly shadowedBy: readonly string[] }[];
  /** How many of the 125 cells each rule claims, by rule position. */
  readonly cellsPerRule: readonly number[];
}

/**
 * Checks an ordered segment table (first match wins): which of the 125 score
 * cells no rule reaches, and which rules can never match because earlier
 * rules already claim every cell they cover. Throws a `MemberkitError`
 * (`invalid_config`) when a rule itself is malformed.
 *
 * @example
 * ```ts
 * import { validateSegments } from '@memberkit/core';
 * const report = validateSegments([
 *   { name: 'Recent', r: [4, 5], f: [1, 5], m: [1, 5] },
 *   { name: 'Best', r: [5, 5], f: [5, 5], m: [5, 5] },
 * ]);
 * [report.unreachableCells.length, report.neverMatching[0]?.name];
 * //=> [75, 'Best']
 * ```
 */
export function validateSegments(segments: readonly RfmSegmentRule[]): RfmSegmentReport {
  const compiled = compileRfmSegments(segments, '\u0000fallback');
  const cellsPerRule = segments.map(() => 0);
  const unreachableCells: number[] = [];
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      for (let m = 1; m <= 5; m++) {
        const rule = compiled.ruleOfCell[rfmCellIndex(r, f, m)] ?? -1;
        if (rule < 0) unreachableCells.push(100 * r + 10 * f + m);
        else cellsPerRule[rule] = (cellsPerRule[rule] ?? 0) + 1;
      }
    }
  }
  const neverMatching = segments.flatMap((rule, index) => {
    if (cellsPerRule[index] !== 0) return [];
    // The rule covers at least one cell (ranges are validated), so some earlier rule claims each one.
    const shadowedBy = new Set<string>();
    for (let r = rule.r[0]; r <= rule.r[1]; r++) {
      for (let f = rule.f[0]; f <= rule.f[1]; f++) {
        for (let m = rule.m[0]; m <= rule.m[1]; m++) {
          const owner = segments[compiled.ruleOfCell[rfmCellIndex(r, f, m)] ?? -1];
          if (owner) shadowedBy.add(owner.name);
        }
      }
    }
    return [{ index, name: rule.name, shadowedBy: [...shadowedBy] }];
  });
  return { ok: unreachableCells.length === 0 && neverMatching.length === 0, unreachableCells, neverMatching, cellsPerRule };
}
