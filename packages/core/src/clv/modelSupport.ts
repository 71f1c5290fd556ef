import { MemberkitError } from '../errors/memberkitError.ts';
import type { CustomerRow } from './transactionModel.ts';

/**
 * Starting values for a fit in parameter order: the caller's where given
 * (validated by the fitter), otherwise the model's defaults.
 *
 * @example
 * ```ts
 * import { startFrom } from './modelSupport.ts';
 * startFrom(['r', 'alpha'], { alpha: 5 }, { r: 1, alpha: 1 });
 * //=> [1, 5]
 * ```
 */
export function startFrom<K extends string>(names: readonly K[], given: Partial<Record<K, number>> | undefined, defaults: Record<K, number>): number[] {
  return names.map((n) => given?.[n] ?? defaults[n]);
}

/**
 * A named parameter record from a vector in parameter order.
 *
 * @example
 * ```ts
 * import { paramsFrom } from './modelSupport.ts';
 * paramsFrom(['p', 'q'], [1, 2]);
 * //=> { p: 1, q: 2 }
 * ```
 */
export function paramsFrom<K extends string>(names: readonly K[], values: ArrayLike<number>): Record<K, number> {
  const out = {} as Record<K, number>;
  names.forEach((n, i) => {
    out[n] = values[i] as number;
  });
  return out;
}

/**
 * Throws `invalid_input` unless `t` is a finite horizon ≥ 0.
 *
 * @example
 * ```ts
 * import { checkHorizon } from './modelSupport.ts';
 * checkHorizon(39);
 * //=> undefined
 * ```
 */
export function checkHorizon(t: number, field = 't'): void {
  if (!Number.isFinite(t) || t < 0) throw new MemberkitError('invalid_input', `${field} must be a finite number ≥ 0, got ${t}`, { field });
}

/**
 * Throws `invalid_input` unless `n` is a whole number ≥ 0.
 *
 * @example
 * ```ts
 * import { checkPurchaseCount } from './modelSupport.ts';
 * checkPurchaseCount(3);
 * //=> undefined
 * ```
 */
export function checkPurchaseCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new MemberkitError('invalid_input', `n must be a whole number ≥ 0, got ${n}`, { field: 'n' });
}

/**
 * Throws `invalid_input` naming the field unless the row is a valid
 * recency–frequency history (0 ≤ recency ≤ T, whole frequency ≥ 0).
 *
 * @example
 * ```ts
 * import { checkRow } from './modelSupport.ts';
 * checkRow({ frequency: 2, recency: 30.43, T: 38.86 });
 * //=> undefined
 * ```
 */
export function checkRow(row: CustomerRow): void {
  if (!Number.isInteger(row.frequency) || row.frequency < 0) {
    throw new MemberkitError('invalid_input', `frequency must be a whole number ≥ 0, got ${row.frequency}`, { field: 'row.frequency' });
  }
  if (!Number.isFinite(row.recency) || row.recency < 0) {
    throw new MemberkitError('invalid_input', `recency must be a finite number ≥ 0, got ${row.recency}`, { field: 'row.recency' });
  }
  if (!Number.isFinite(row.T) || row.T < row.recency) {
    throw new MemberkitError('invalid_input', `T must be ≥ recency (${row.recency}), got ${row.T}`, { field: 'row.T' });
  }
}

/**
 * True when a shape parameter is so close to 1 that a formula with a
 * 1/(a − 1) factor must be evaluated around it instead.
 *
 * @example
 * ```ts
 * import { nearOne } from './modelSupport.ts';
 * nearOne(1 + 1e-9);
 * //=> true
 * ```
 */
export function nearOne(a: number): boolean {
  return Math.abs(a - 1) < 1e-7;
}
