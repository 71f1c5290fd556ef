/**
 * A source of uniform random numbers in [0, 1). Holdout groups, sampling and
 * id generation take one so that a seeded run is reproducible.
 *
 * @example
 * ```ts
 * import type { RandomSource } from '@memberkit/core';
 * const rng: RandomSource = { next: () => 0.5 };
 * ```
 */
export interface RandomSource {
  next(): number;
}

/**
 * A fast, seeded generator (sfc32 seeded through splitmix32): the same seed
 * gives the same sequence on every platform.
 *
 * @example
 * ```ts
 * import { seededRandom } from '@memberkit/core';
 * const a = seededRandom(42), b = seededRandom(42);
 * a.next() === b.next();
 * //=> true
 * ```
 */
export function seededRandom(seed: number): RandomSource {
  // splitmix32 expands one seed into the four words sfc32 needs, so that
  // nearby seeds do not give correlated streams.
  let s = seed >>> 0;
  const mix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  return {
    next: () => {
      const t = (((a + b) >>> 0) + d) >>> 0;
      d = (d + 1) >>> 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) >>> 0;
      c = ((c << 21) | (c >>> 11)) >>> 0;
      c = (c + t) >>> 0;
      return t / 4294967296;
    },
  };
}
