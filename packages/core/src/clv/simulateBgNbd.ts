import { MemberkitError } from '../errors/memberkitError.ts';
import { sampleGamma } from '../math/sampleGamma.ts';
import type { RandomSource } from '../ports/random.ts';
import type { BgNbdParams } from './bgNbd.ts';
import type { CustomerRow } from './transactionModel.ts';

/**
 * Options for {@link simulateBgNbd}.
 *
 * @example
 * ```ts
 * import type { SimulateBgNbdOptions } from '@memberkit/core';
 * declare const options: SimulateBgNbdOptions;
 * ```
 */
export interface SimulateBgNbdOptions {
  readonly customers: number;
  /** Each customer's observation length T, or a function of the customer's index. */
  readonly T: number | ((index: number) => number);
  readonly random: RandomSource;
  /** Round purchase times down to this grid (e.g. 1/7 for days in weeks), as real logs are. Default: exact times. */
  readonly timeStep?: number;
  /** `true` simulates the MBG/NBD variant, where a customer may also drop out right after the first purchase. */
  readonly modified?: boolean;
}

/**
 * Simulates a population from the BG/NBD (or MBG/NBD) process with an
 * injected random source: λ ~ Gamma(r, α), p ~ Beta(a, b), Poisson
 * purchases, and a coin with probability p after each purchase to drop out.
 * For tests of the fitters and for benchmarks at any size.
 *
 * @example
 * ```ts
 * import { simulateBgNbd, seededRandom } from '@memberkit/core';
 * const rows = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 3, T: 39, random: seededRandom(1) });
 * rows.length;
 * //=> 3
 * ```
 */
export function simulateBgNbd(params: BgNbdParams, options: SimulateBgNbdOptions): CustomerRow[] {
  const { r, alpha, a, b } = params;
  const { random, customers } = options;
  if (!Number.isInteger(customers) || customers < 0) {
    throw new MemberkitError('invalid_input', `customers must be a whole number ≥ 0, got ${customers}`, { field: 'customers' });
  }
  const step = options.timeStep ?? 0;
  const rows: CustomerRow[] = new Array(customers);
  for (let i = 0; i < customers; i++) {
    const T = typeof options.T === 'number' ? options.T : options.T(i);
    const lambda = sampleGamma(random, r, alpha);
    const g1 = sampleGamma(random, a, 1);
    const p = g1 / (g1 + sampleGamma(random, b, 1));
    let x = 0;
    let tx = 0;
    let t = 0;
    let last = 0;
    let alive = !(options.modified && random.next() < p);
    while (alive) {
      t += -Math.log(1 - random.next()) / lambda;
      if (t > T) break;
      const when = step > 0 ? Math.floor(t / step) * step : t;
      // Two purchases on the same grid cell are one purchase day.
      if (when > last) {
        x++;
        tx = when;
        last = when;
      }
      if (random.next() < p) alive = false;
    }
    rows[i] = { frequency: x, recency: tx, T };
  }
  return rows;
}
