import { MemberkitError } from '../../errors/memberkitError.ts';
import type { RandomSource } from '../../ports/random.ts';
import type { ChurnDataset } from './churnDataset.ts';

function subset(d: ChurnDataset, rows: readonly number[]): ChurnDataset {
  const p = d.featureNames.length;
  const features = new Float64Array(rows.length * p);
  rows.forEach((r, i) => features.set(d.features.subarray(r * p, (r + 1) * p), i * p));
  const base = { customerIds: rows.map((r) => d.customerIds[r]!), featureNames: d.featureNames, features };
  return d.churned ? { ...base, churned: Uint8Array.from(rows, (r) => d.churned![r]!) } : base;
}

/**
 * Splits customers at random into a fitting part and a held-out part (about
 * `holdoutShare` of them), with an injected {@link RandomSource} so the split
 * is reproducible.
 *
 * @example
 * ```ts
 * import { seededRandom, splitChurnDataset } from '@memberkit/core';
 * const d = { customerIds: ['a', 'b', 'c', 'd'], featureNames: ['x'], features: Float64Array.of(1, 2, 3, 4) };
 * const { fit, holdout } = splitChurnDataset(d, 0.5, seededRandom(1));
 * fit.customerIds.length + holdout.customerIds.length;
 * //=> 4
 * ```
 */
export function splitChurnDataset(dataset: ChurnDataset, holdoutShare: number, random: RandomSource): { fit: ChurnDataset; holdout: ChurnDataset } {
  if (!(holdoutShare > 0 && holdoutShare < 1)) throw new MemberkitError('invalid_input', 'holdoutShare must be in (0, 1)', { field: 'holdoutShare' });
  const fit: number[] = [];
  const holdout: number[] = [];
  for (let i = 0; i < dataset.customerIds.length; i++) (random.next() < holdoutShare ? holdout : fit).push(i);
  return { fit: subset(dataset, fit), holdout: subset(dataset, holdout) };
}
