import type { RandomSource } from '../ports/random.ts';

/** A standard normal draw (Box–Muller; the second value is discarded to stay stateless). */
function normal(random: RandomSource): number {
  let u = random.next();
  while (u <= 0) u = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/**
 * A draw from Gamma(shape, rate) (mean shape / rate) by Marsaglia & Tsang's
 * method, from an injected random source so simulations are reproducible.
 *
 * @example
 * ```ts
 * import { sampleGamma, seededRandom } from '@memberkit/core';
 * const rng = seededRandom(1);
 * let sum = 0;
 * for (let i = 0; i < 20000; i++) sum += sampleGamma(rng, 2, 4);
 * Math.round((sum / 20000) * 10) / 10;
 * //=> 0.5
 * ```
 */
export function sampleGamma(random: RandomSource, shape: number, rate: number): number {
  if (shape < 1) {
    // Boost: Gamma(k) = Gamma(k + 1) · U^(1/k).
    let u = random.next();
    while (u <= 0) u = random.next();
    return sampleGamma(random, shape + 1, rate) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.next();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}
