import { MemberkitError } from '../errors/memberkitError.ts';
import { digamma } from '../math/digamma.ts';
import { logGamma } from '../math/logGamma.ts';
import { fitMaximumLikelihood } from './maximumLikelihood.ts';
import { fitSummary, givenParams, modelBasics, startFrom, type FitSummary } from './modelSupport.ts';
import type { FitDiagnostics, FitOptions } from './transactionModel.ts';

/**
 * A customer's spend history for the Gamma-Gamma model: `frequency` repeat
 * purchases x and `monetary` their mean value (any consistent unit, e.g.
 * minor units net of discounts).
 *
 * @example
 * ```ts
 * import type { SpendRow } from '@memberkit/core';
 * const row: SpendRow = { frequency: 2, monetary: 22.35 };
 * ```
 */
export interface SpendRow {
  readonly frequency: number;
  readonly monetary: number;
  readonly weight?: number;
}

/**
 * Gamma-Gamma parameters: transaction values ~ Gamma(p, ν) with each
 * customer's ν ~ Gamma(q, γ); the population mean value is pγ/(q − 1).
 *
 * @example
 * ```ts
 * import type { GammaGammaParams } from '@memberkit/core';
 * const cdnow: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
 * ```
 */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/**
 * A fitted (or given) Gamma-Gamma spend model.
 *
 * @example
 * ```ts
 * import { gammaGammaModel, type SpendModel } from '@memberkit/core';
 * const m: SpendModel = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
 * Math.round(m.conditionalExpectedValue({ frequency: 2, monetary: 22.35 }) * 100) / 100;
 * //=> 24.66
 * ```
 */
export interface SpendModel {
  readonly params: Readonly<GammaGammaParams>;
  readonly logLikelihood: number;
  readonly standardErrors: Readonly<GammaGammaParams>;
  readonly diagnostics?: FitDiagnostics;
  /** E[mean transaction value | x, m̄]: a credibility-weighted mix of the population mean and the customer's own mean. */
  conditionalExpectedValue(row: SpendRow): number;
}

const NAMES = ['p', 'q', 'gamma'] as const;

/**
 * Fits the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV";
 * Colombo & Jiang 1999) to customers with at least one repeat purchase
 * (rows with frequency 0 carry no spend information and are skipped), with
 * analytic gradients. Assumes spend is independent of purchase frequency.
 *
 * @example
 * ```ts
 * import { fitGammaGamma } from '@memberkit/core';
 * const m = fitGammaGamma([{ frequency: 2, monetary: 22 }, { frequency: 1, monetary: 12 }, { frequency: 7, monetary: 74 }, { frequency: 3, monetary: 30 }, { frequency: 1, monetary: 15 }], { penalizer: 0.01 });
 * m.params.q > 0;
 * //=> true
 * ```
 */
export function fitGammaGamma(rows: Iterable<SpendRow>, options: FitOptions<GammaGammaParams> = {}): SpendModel {
  const xs: number[] = [];
  const ms: number[] = [];
  const ws: number[] = [];
  let index = 0;
  for (const row of rows) {
    const { frequency: x, monetary: m } = row;
    const w = row.weight ?? 1;
    if (!Number.isInteger(x) || x < 0) throw new MemberkitError('invalid_input', `rows[${index}].frequency must be a whole number ≥ 0`, { field: `rows[${index}].frequency` });
    if (!Number.isFinite(w) || w <= 0) throw new MemberkitError('invalid_input', `rows[${index}].weight must be positive`, { field: `rows[${index}].weight` });
    if (x > 0) {
      if (!Number.isFinite(m) || m <= 0) {
        throw new MemberkitError('invalid_input', `rows[${index}].monetary must be a positive mean spend for a repeat customer, got ${m}`, { field: `rows[${index}].monetary` });
      }
      xs.push(x);
      ms.push(m);
      ws.push(w);
    }
    index++;
  }
  if (xs.length === 0) throw new MemberkitError('insufficient_data', 'no customer with a repeat purchase to fit spend on', { field: 'rows' });
  const totalWeight = ws.reduce((a, b) => a + b, 0);
  const meanSpend = xs.reduce((s, _x, i) => s + (ws[i] as number) * (ms[i] as number), 0) / totalWeight;
  // Per-row constants of the likelihood that do not depend on the parameters.
  const logM = ms.map(Math.log);
  const logX = xs.map(Math.log);
  const gradientAt = (theta: Float64Array, out?: Float64Array): number => {
    const p = theta[0] as number;
    const q = theta[1] as number;
    const v = theta[2] as number;
    const lgQ = logGamma(q);
    const logV = Math.log(v);
    const dgQ = out ? digamma(q) : 0;
    let total = 0;
    let gp = 0;
    let gq = 0;
    let gv = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] as number;
      const w = ws[i] as number;
      const px = p * x;
      const denom = v + x * (ms[i] as number);
      const logDenom = Math.log(denom);
      total += w * (logGamma(px + q) - logGamma(px) - lgQ + q * logV + (px - 1) * (logM[i] as number) + px * (logX[i] as number) - (px + q) * logDenom);
      if (out) {
        const dgPQ = digamma(px + q);
        gp += w * x * (dgPQ - digamma(px) + (logM[i] as number) + (logX[i] as number) - logDenom);
        gq += w * (dgPQ - dgQ + logV - logDenom);
        gv += w * (q / v - (px + q) / denom);
      }
    }
    if (out) {
      out[0] = gp;
      out[1] = gq;
      out[2] = gv;
    }
    return total;
  };
  const fit = fitMaximumLikelihood(
    {
      names: NAMES,
      start: startFrom(NAMES, options.initialParams, { p: 1, q: 2, gamma: meanSpend }),
      totalWeight,
      logLikelihood: (theta) => gradientAt(theta),
      gradient: (theta, out) => gradientAt(theta, out),
    },
    { ...options, what: 'fitGammaGamma' },
  );
  return gammaGammaModel(...fitSummary(NAMES, fit, xs.length, totalWeight));
}

/**
 * A Gamma-Gamma spend model from known parameters.
 *
 * @example
 * ```ts
 * import { gammaGammaModel } from '@memberkit/core';
 * // A customer with no repeat purchase gets the population mean pγ/(q − 1).
 * Math.round(gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 }).conditionalExpectedValue({ frequency: 0, monetary: 0 }) * 100) / 100;
 * //=> 35.22
 * ```
 */
export function gammaGammaModel(
  params: GammaGammaParams,
  fit: FitSummary<GammaGammaParams> = givenParams(NAMES),
): SpendModel {
  const { p, q, gamma } = params;
  return {
    ...modelBasics(params, fit),
    conditionalExpectedValue(row) {
      const x = row.frequency;
      const m = x > 0 ? row.monetary : 0;
      if (!Number.isInteger(x) || x < 0) throw new MemberkitError('invalid_input', `frequency must be a whole number ≥ 0, got ${x}`, { field: 'row.frequency' });
      if (!Number.isFinite(m) || m < 0) throw new MemberkitError('invalid_input', `monetary must be a finite amount ≥ 0, got ${row.monetary}`, { field: 'row.monetary' });
      if (p * x + q <= 1) {
        throw new MemberkitError('insufficient_data', `the expected spend is infinite for q = ${q} ≤ 1 without repeat purchases`, { field: 'row.frequency' });
      }
      return (p * (gamma + x * m)) / (p * x + q - 1);
    },
  };
}
