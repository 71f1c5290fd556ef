import { hyp2f1 } from '../math/hyp2f1.ts';
import { logBeta } from '../math/logBeta.ts';
import type { BgNbdParams } from './bgNbd.ts';
import { BG_NBD_NAMES, fitBgNbdFamily } from './fitBgNbdFamily.ts';
import { aroundOne, checkHorizon, checkPurchaseCount, checkRow, givenParams, modelBasics, type FitSummary } from './modelSupport.ts';
import { nbdProbability } from './nbdProbability.ts';
import type { CustomerRow, FitOptions, TransactionModel } from './transactionModel.ts';

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007): BG/NBD with
 * the dropout coin also tossed right after the first purchase, so a customer
 * without repeat purchases is not assumed alive. Same parameters as BG/NBD.
 *
 * @example
 * ```ts
 * import { fitModifiedBgNbd, simulateBgNbd, seededRandom } from '@memberkit/core';
 * const rows = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.9, b: 1.6 }, { customers: 2000, T: 39, random: seededRandom(2), modified: true });
 * fitModifiedBgNbd(rows).params.r > 0;
 * //=> true
 * ```
 */
export function fitModifiedBgNbd(rows: Iterable<CustomerRow>, options: FitOptions<BgNbdParams> = {}): TransactionModel<BgNbdParams> {
  return modifiedBgNbdModel(...fitBgNbdFamily(rows, options, 1, 'fitModifiedBgNbd'));
}

/**
 * An MBG/NBD model from known parameters. Its expectations follow from the
 * BG/NBD ones with the dropout mixing distribution shifted by one toss:
 * E[X(t)] = b/(a − 1) · [1 − (α/(α+t))^r ₂F₁(r, b + 1; a + b; t/(α+t))].
 *
 * @example
 * ```ts
 * import { modifiedBgNbdModel } from '@memberkit/core';
 * const m = modifiedBgNbdModel({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 });
 * m.probabilityAlive({ frequency: 0, recency: 0, T: 38.86 }) < 1;
 * //=> true
 * ```
 */
export function modifiedBgNbdModel(
  params: BgNbdParams,
  fit: FitSummary<BgNbdParams> = givenParams(BG_NBD_NAMES),
): TransactionModel<BgNbdParams> {
  const { r, alpha, a, b } = params;
  const lbAB = logBeta(a, b);
  const alive = (row: CustomerRow): number => {
    const x = row.frequency;
    const logOdds = Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + row.T) - Math.log(alpha + row.recency));
    return 1 / (1 + Math.exp(logOdds));
  };
  return {
    kind: 'modified_bg_nbd',
    ...modelBasics(params, fit),
    expectedPurchases(t) {
      checkHorizon(t);
      if (t === 0) return 0;
      return aroundOne(a, (aa) => (b / (aa - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b + 1, aa + b, t / (alpha + t))));
    },
    conditionalExpectedPurchases(t, row) {
      checkHorizon(t);
      checkRow(row);
      if (t === 0) return 0;
      const x = row.frequency;
      const aT = alpha + row.T;
      // Given alive at T: λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x + 1), then BG/NBD-style purchases.
      return (
        aroundOne(a, (aa) => ((aa + b + x) / (aa - 1)) * (1 - Math.pow(aT / (aT + t), r + x) * hyp2f1(r + x, b + x + 1, aa + b + x, t / (aT + t)))) *
        alive(row)
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
      // Still active with exactly n, or dropped out at the toss after the n-th purchase (or at the start).
      return Math.exp(logBeta(a, b + n + 1) - lbAB) * nbd.exactly + Math.exp(logBeta(a + 1, b + n) - lbAB) * (1 - nbd.fewer);
    },
  };
}
