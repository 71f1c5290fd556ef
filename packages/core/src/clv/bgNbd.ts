import { hyp2f1 } from '../math/hyp2f1.ts';
import { logBeta } from '../math/logBeta.ts';
import { BG_NBD_NAMES, fitBgNbdFamily } from './fitBgNbdFamily.ts';
import { nbdProbability } from './nbdProbability.ts';
import { aroundOne, checkHorizon, checkPurchaseCount, checkRow, givenParams, modelBasics, type FitSummary } from './modelSupport.ts';
import type { CustomerRow, FitOptions, TransactionModel } from './transactionModel.ts';

/**
 * BG/NBD parameters: purchase rates λ ~ Gamma(r, α) (α a time scale),
 * dropout after each purchase with probability p ~ Beta(a, b).
 *
 * @example
 * ```ts
 * import type { BgNbdParams } from '@memberkit/core';
 * const cdnow: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * ```
 */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers
 * the easy way") by maximum likelihood with analytic gradients, on
 * weight-compressed (x, t_x, T) patterns.
 *
 * @example
 * ```ts
 * import { fitBgNbd, simulateBgNbd, seededRandom } from '@memberkit/core';
 * const rows = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, { customers: 4000, T: 39, random: seededRandom(1) });
 * const model = fitBgNbd(rows);
 * Math.round(model.params.r * 10) / 10;
 * //=> 0.5
 * ```
 */
export function fitBgNbd(rows: Iterable<CustomerRow>, options: FitOptions<BgNbdParams> = {}): TransactionModel<BgNbdParams> {
  return bgNbdModel(...fitBgNbdFamily(rows, options, 0, 'fitBgNbd'));
}

/**
 * A BG/NBD model from known parameters (for example published ones), with
 * the predictions of Fader, Hardie & Lee (2005): E[X(t)] eq. 9, P(X(t) = x)
 * eq. 8, P(alive) and the conditional expectation eq. 10.
 *
 * @example
 * ```ts
 * import { bgNbdModel } from '@memberkit/core';
 * const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * Math.round(m.conditionalExpectedPurchases(39, { frequency: 2, recency: 30.43, T: 38.86 }) * 1000) / 1000;
 * //=> 1.226
 * ```
 */
export function bgNbdModel(
  params: BgNbdParams,
  fit: FitSummary<BgNbdParams> = givenParams(BG_NBD_NAMES),
): TransactionModel<BgNbdParams> {
  const { r, alpha, a, b } = params;
  const lbAB = logBeta(a, b);
  const alive = (row: CustomerRow): number => {
    if (row.frequency === 0) return 1;
    const x = row.frequency;
    const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + row.T) - Math.log(alpha + row.recency));
    return 1 / (1 + Math.exp(logOdds));
  };
  return {
    kind: 'bg_nbd',
    ...modelBasics(params, fit),
    expectedPurchases(t) {
      checkHorizon(t);
      if (t === 0) return 0;
      return aroundOne(a, (aa) => ((aa + b - 1) / (aa - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, aa + b - 1, t / (alpha + t))));
    },
    conditionalExpectedPurchases(t, row) {
      checkHorizon(t);
      checkRow(row);
      if (t === 0) return 0;
      const x = row.frequency;
      const aT = alpha + row.T;
      const z = t / (aT + t);
      return (
        aroundOne(
          a,
          (aa) => ((aa + b + x - 1) / (aa - 1)) * (1 - Math.pow(aT / (aT + t), r + x) * hyp2f1(r + x, b + x, aa + b + x - 1, z)),
        ) * alive(row)
      );
    },
    probabilityAlive(row) {
      checkRow(row);
      return alive(row);
    },
    probabilityOfPurchases(n, t) {
      checkPurchaseCount(n);
      checkHorizon(t);
      const nbd = nbdProbability(r, alpha, t, n);
      // Inactive after exactly n purchases, or still active with exactly n (FHL 2005 eq. 8).
      let p = Math.exp(logBeta(a, b + n) - lbAB) * nbd.exactly;
      if (n > 0) p += Math.exp(logBeta(a + 1, b + n - 1) - lbAB) * (1 - nbd.fewer);
      return p;
    },
  };
}
