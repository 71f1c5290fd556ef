import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRfmSegments, defaultRfmSegments, MemberkitError, rfmCellIndex, rfmPackageSegments, validateSegments } from '../index.ts';

describe('segment tables', () => {
  it('the default R×F grid reaches all 125 cells and every rule matches somewhere', () => {
    const report = validateSegments(defaultRfmSegments);
    expect(report.ok).toBe(true);
    expect(report.unreachableCells).toEqual([]);
    expect(report.cellsPerRule.reduce((a, b) => a + b, 0)).toBe(125);
    expect(defaultRfmSegments.map((s) => s.name)).toEqual([
      'Champions', 'Loyal', 'Potential Loyalist', 'New', 'Promising', 'Need Attention', 'About to Sleep', 'At Risk', "Can't Lose", 'Hibernating',
    ]);
  });

  it('every (r, f, m) cell gets a default segment that is never the fallback (property)', () => {
    const compiled = compileRfmSegments(defaultRfmSegments, 'Others');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (r, f, m) => {
        expect(compiled.names[compiled.cells[rfmCellIndex(r, f, m)]!]).not.toBe('Others');
      }),
    );
  });

  it('the default grid ignores M: the segment depends on R and F only', () => {
    const c = compileRfmSegments(defaultRfmSegments, 'Others');
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) expect(new Set([1, 2, 3, 4, 5].map((m) => c.cells[rfmCellIndex(r, f, m)])).size).toBe(1);
    expect(c.names[c.cells[rfmCellIndex(5, 5, 1)]!]).toBe('Champions');
    expect(c.names[c.cells[rfmCellIndex(1, 5, 5)]!]).toBe("Can't Lose");
    expect(c.names[c.cells[rfmCellIndex(3, 3, 3)]!]).toBe('Need Attention');
  });

  it("the rfm package table leaves cells to 'Others' and every rule is reachable", () => {
    const report = validateSegments(rfmPackageSegments);
    expect(report.neverMatching).toEqual([]);
    expect(report.unreachableCells.length).toBeGreaterThan(0);
    // r = 2, f = 1, m = 5 matches none of the ten rules (About To Sleep stops at m = 4).
    expect(report.unreachableCells).toContain(215);
    expect(report.cellsPerRule[0]).toBe(1);
  });

  it('reports a rule shadowed by earlier rules and the cells nobody reaches', () => {
    const report = validateSegments([
      { name: 'Recent', r: [4, 5], f: [1, 5], m: [1, 5] },
      { name: 'Best', r: [5, 5], f: [5, 5], m: [5, 5] },
      { name: 'Old', r: [1, 2], f: [1, 5], m: [1, 5] },
    ]);
    expect(report.ok).toBe(false);
    expect(report.neverMatching).toEqual([{ index: 1, name: 'Best', shadowedBy: ['Recent'] }]);
    expect(report.unreachableCells).toHaveLength(25);
    expect(report.unreachableCells[0]).toBe(311);
  });

  it('rejects malformed rules with invalid_config naming the field', () => {
    const bad = () => validateSegments([{ name: 'x', r: [4, 2], f: [1, 5], m: [1, 5] }]);
    expect(bad).toThrow(MemberkitError);
    try {
      bad();
    } catch (e) {
      expect((e as MemberkitError).code).toBe('invalid_config');
      expect((e as MemberkitError).field).toBe('0.r');
    }
    expect(() => validateSegments([{ name: 'x', r: [0, 2], f: [1, 5], m: [1, 5] }])).toThrow(/0\.r\.0/);
  });
});
