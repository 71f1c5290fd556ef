import type { BgNbdParams } from './bgNbd.ts';
import { bgNbdLikelihood, levelWeights } from './bgNbdLikelihood.ts';
import { compressPatterns } from './customerPatterns.ts';
import { fitMaximumLikelihood } from './maximumLikelihood.ts';
import { fitSummary, startFrom, type FitSummary } from './modelSupport.ts';
import type { CustomerRow, FitOptions } from './transactionModel.ts';

/**
 * Parameter order of BG/NBD and MBG/NBD: the two share parameters, likelihood and fit.
 *
 * @example
 * ```ts
 * BG_NBD_NAMES.join(', ');
 * //=> 'r, alpha, a, b'
 * ```
 */
export const BG_NBD_NAMES = ['r', 'alpha', 'a', 'b'] as const;

/**
 * Fits BG/NBD (`shift` 0) or MBG/NBD (`shift` 1: the dropout coin is also
 * tossed right after the first purchase) by maximum likelihood on
 * weight-compressed patterns. The two models differ only in that shift, so
 * they share this fit; `fitBgNbd` and `fitModifiedBgNbd` build their model
 * from the result. `what` names the caller in errors.
 *
 * @example
 * ```ts
 * import { simulateBgNbd, seededRandom } from '@memberkit/core';
 * import { fitBgNbdFamily } from './fitBgNbdFamily.ts';
 * const rows = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, { customers: 2000, T: 39, random: seededRandom(1) });
 * const [params, fit] = fitBgNbdFamily(rows, {}, 0, 'fitBgNbd');
 * [params.r > 0, fit.diagnostics?.customers];
 * //=> [true, 2000]
 * ```
 */
export function fitBgNbdFamily(rows: Iterable<CustomerRow>, options: FitOptions<BgNbdParams>, shift: 0 | 1, what: string): [BgNbdParams, FitSummary<BgNbdParams>] {
  const p = compressPatterns(rows);
  const { levelWeight, meanT } = levelWeights(p);
  const fit = fitMaximumLikelihood(
    {
      names: BG_NBD_NAMES,
      start: startFrom(BG_NBD_NAMES, options.initialParams, { r: 1, alpha: Math.max(meanT, 1e-3), a: 1, b: 1 }),
      totalWeight: p.totalWeight,
      logLikelihood: (theta) => bgNbdLikelihood(p, levelWeight, shift, theta),
      gradient: (theta, out) => bgNbdLikelihood(p, levelWeight, shift, theta, out),
    },
    { ...options, what },
  );
  return fitSummary(BG_NBD_NAMES, fit, p.count, p.totalWeight);
}
