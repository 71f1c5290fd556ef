import { MemberkitError } from '../../errors/memberkitError.ts';
import { calibrationTable, type CalibrationBin } from './calibrationTable.ts';
import type { ChurnDataset } from './churnDataset.ts';
import { fitLogisticRegression, type LogisticOptions } from './fitLogisticRegression.ts';
import { rocAuc } from './rocAuc.ts';

/**
 * A customer's churn features: by name (as {@link ChurnDataset.featureNames})
 * or as an array in that order.
 *
 * @example
 * ```ts
 * import type { ChurnFeatures } from '@memberkit/core';
 * const f: ChurnFeatures = { recency: Math.log1p(45), frequency: Math.log1p(3) };
 * ```
 */
export type ChurnFeatures = Readonly<Record<string, number>> | ArrayLike<number>;

/**
 * A fitted churn model. `score` is a plain function, so a lifecycle engine can
 * hold it without knowing how it was fitted (R-LIFE-3 churn warnings).
 *
 * @example
 * ```ts
 * import type { ChurnModel } from '@memberkit/core';
 * const warn = (model: ChurnModel, f: Record<string, number>) => model.score(f) > 0.8;
 * ```
 */
export interface ChurnModel {
  readonly featureNames: readonly string[];
  /** Coefficient per feature, on the standardised scale (comparable across features). */
  readonly weights: Readonly<Record<string, number>>;
  readonly intercept: number;
  readonly iterations: number;
  /** Probability of churn for one customer; missing named features count as the training mean. */
  readonly score: (features: ChurnFeatures) => number;
  /** Probabilities for every customer of a dataset built with the same feature names. */
  scoreDataset(dataset: ChurnDataset): Float64Array;
}

/**
 * Fits a churn model (R-ANA-4): L2-penalised logistic regression by IRLS on
 * a {@link churnDataset} with labels. Deterministic: the same data gives the
 * same weights.
 *
 * @example
 * ```ts
 * import { churnDataset, fitChurnModel } from '@memberkit/core';
 * const day = 86_400_000;
 * const orders = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((c) => [
 *   { customerId: `c${c}`, at: c * day, amount: 1000 },
 *   ...(c % 2 === 0 ? [{ customerId: `c${c}`, at: (20 + c) * day, amount: 1000 }, { customerId: `c${c}`, at: 40 * day, amount: 1000 }] : []),
 * ]);
 * const model = fitChurnModel(churnDataset(orders, { asOf: 30 * day, labelEnd: 60 * day }));
 * model.score({ recency: Math.log1p(1), frequency: Math.log1p(2) }) < model.score({ recency: Math.log1p(29), frequency: Math.log1p(1) });
 * //=> true
 * ```
 */
export function fitChurnModel(dataset: ChurnDataset, options: LogisticOptions = {}): ChurnModel {
  if (!dataset.churned) throw new MemberkitError('invalid_input', 'the dataset has no labels: build it with labelEnd', { field: 'churned' });
  const names = dataset.featureNames;
  const p = names.length;
  const fit = fitLogisticRegression(dataset.features, dataset.churned, p, options);
  const index = new Map(names.map((name, j) => [name, j]));
  const row = new Float64Array(p);
  const toRow = (features: ChurnFeatures): ArrayLike<number> => {
    if (typeof (features as ArrayLike<number>).length === 'number') {
      if ((features as ArrayLike<number>).length !== p) throw new MemberkitError('invalid_input', `expected ${p} features`, { field: 'features' });
      return features as ArrayLike<number>;
    }
    row.set(fit.means);
    for (const [name, value] of Object.entries(features)) {
      const j = index.get(name);
      if (j === undefined) throw new MemberkitError('invalid_input', `unknown churn feature ${name}`, { field: `features.${name}` });
      if (!Number.isFinite(value)) throw new MemberkitError('invalid_input', `churn feature ${name} is not finite`, { field: `features.${name}` });
      row[j] = value;
    }
    return row;
  };
  return {
    featureNames: names,
    weights: Object.fromEntries(names.map((name, j) => [name, fit.coefficients[j]!])),
    intercept: fit.intercept,
    iterations: fit.iterations,
    score: (features) => fit.predict(toRow(features)),
    scoreDataset(d: ChurnDataset): Float64Array {
      if (d.featureNames.length !== p || d.featureNames.some((n, j) => n !== names[j])) {
        throw new MemberkitError('invalid_input', 'dataset features differ from the model features', { field: 'featureNames' });
      }
      const out = new Float64Array(d.customerIds.length);
      for (let i = 0; i < out.length; i++) out[i] = fit.predict(d.features.subarray(i * p, (i + 1) * p));
      return out;
    },
  };
}

/**
 * How a churn model does on labelled customers it was not fitted on: AUC
 * (Mann–Whitney), Brier score, base rate and a calibration table.
 *
 * @example
 * ```ts
 * import { evaluateChurnScores } from '@memberkit/core';
 * evaluateChurnScores([0.9, 0.2, 0.7, 0.1], Uint8Array.of(1, 0, 1, 0)).auc;
 * //=> 1
 * ```
 */
export function evaluateChurnScores(
  scores: ArrayLike<number>,
  churned: ArrayLike<number>,
  bins = 10,
): { auc: number; brier: number; baseRate: number; calibration: CalibrationBin[] } {
  const { brier, bins: calibration } = calibrationTable(scores, churned, bins);
  let positives = 0;
  for (let i = 0; i < churned.length; i++) positives += churned[i]!;
  return { auc: rocAuc(scores, churned), brier, baseRate: positives / churned.length, calibration };
}
