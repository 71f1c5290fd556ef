import { MemberkitError } from '../../errors/memberkitError.ts';

/**
 * One bin of a calibration table: customers whose predicted probability fell
 * in [from, to), how many, the mean prediction and the observed rate.
 *
 * @example
 * ```ts
 * import type { CalibrationBin } from '@memberkit/core';
 * const bin: CalibrationBin = { from: 0.9, to: 1, count: 120, meanPredicted: 0.94, observedRate: 0.93 };
 * ```
 */
export interface CalibrationBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanPredicted: number;
  readonly observedRate: number;
}

/**
 * How well probabilities match outcomes: the Brier score (mean squared
 * error of the probability, 0 is perfect, 0.25 is a coin toss for a 50 %
 * base rate) and a table of equal-width bins with predicted vs observed
 * rates, empty bins left out.
 *
 * @example
 * ```ts
 * import { calibrationTable } from '@memberkit/core';
 * const t = calibrationTable([0.1, 0.1, 0.9, 0.9], [0, 0, 1, 1], 2);
 * [t.brier.toFixed(2), t.bins.map((b) => b.observedRate)];
 * //=> ['0.01', [0, 1]]
 * ```
 */
export function calibrationTable(predicted: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): { brier: number; bins: CalibrationBin[] } {
  const n = predicted.length;
  if (labels.length !== n || n === 0) throw new MemberkitError('invalid_input', 'predictions and labels must be non-empty and of equal length', { field: 'labels' });
  if (!Number.isInteger(bins) || bins < 1) throw new MemberkitError('invalid_input', 'bins must be a positive integer', { field: 'bins' });
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  let brier = 0;
  for (let i = 0; i < n; i++) {
    const p = predicted[i]!;
    if (!(p >= 0 && p <= 1)) throw new MemberkitError('invalid_input', `prediction ${i} is not a probability`, { field: `predicted.${i}` });
    const y = labels[i]!;
    brier += (p - y) ** 2;
    const b = Math.min(bins - 1, Math.floor(p * bins));
    count[b]!++;
    sumP[b]! += p;
    sumY[b]! += y;
  }
  const table: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    table.push({ from: b / bins, to: (b + 1) / bins, count: count[b]!, meanPredicted: sumP[b]! / count[b]!, observedRate: sumY[b]! / count[b]! });
  }
  return { brier: brier / n, bins: table };
}
