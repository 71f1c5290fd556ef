import type { RandomSource } from './random.ts';

/**
 * Makes new ids for profiles, ledger entries, coupons and merges.
 *
 * @example
 * ```ts
 * import type { IdGenerator } from '@memberkit/core';
 * let n = 0;
 * const ids: IdGenerator = { next: (prefix) => `${prefix}_${++n}` };
 * ```
 */
export interface IdGenerator {
  /** A new unique id; `prefix` names the kind (`prof`, `lot`, `cpn`). */
  next(prefix: string): string;
}

/**
 * Readable, ordered ids (`prof_1`, `prof_2`, …): the default for tests and
 * the memory store.
 *
 * @example
 * ```ts
 * import { sequentialIds } from '@memberkit/core';
 * const ids = sequentialIds();
 * ids.next('prof');
 * //=> 'prof_1'
 * ```
 */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next: (prefix) => {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${n}`;
    },
  };
}

/**
 * Random 80-bit ids (`prof_5f0c…`) from a random source; seed it for
 * reproducible runs.
 *
 * @example
 * ```ts
 * import { randomIds, seededRandom } from '@memberkit/core';
 * randomIds(seededRandom(1)).next('cpn').startsWith('cpn_');
 * //=> true
 * ```
 */
export function randomIds(random: RandomSource): IdGenerator {
  return {
    next: (prefix) => {
      let hex = '';
      for (let i = 0; i < 5; i++) hex += Math.floor(random.next() * 65536).toString(16).padStart(4, '0');
      return `${prefix}_${hex}`;
    },
  };
}
