/**
 * Where time comes from. Every rule that depends on "now" (expiry, windows,
 * recency, quiet hours) reads it from an injected clock so tests and
 * simulations are deterministic.
 *
 * @example
 * ```ts
 * import type { Clock } from '@memberkit/core';
 * const clock: Clock = { now: () => Date.UTC(2026, 0, 1) };
 * ```
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/**
 * The real wall clock.
 *
 * @example
 * ```ts
 * import { systemClock } from '@memberkit/core';
 * systemClock.now() > 0;
 * //=> true
 * ```
 */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock tests can move by hand; see {@link manualClock}.
 *
 * @example
 * ```ts
 * import { manualClock, type ManualClock } from '@memberkit/core';
 * const clock: ManualClock = manualClock(0);
 * clock.set('1970-01-02T00:00:00Z');
 * clock.now();
 * //=> 86400000
 * ```
 */
export interface ManualClock extends Clock {
  set(epochMs: number | Date | string): void;
  advance(ms: number): void;
}

/**
 * A clock that only moves when told to, for tests and `simulate()` runs.
 *
 * @example
 * ```ts
 * import { manualClock } from '@memberkit/core';
 * const clock = manualClock('2026-01-01T00:00:00Z');
 * clock.advance(86_400_000);
 * new Date(clock.now()).toISOString();
 * //=> '2026-01-02T00:00:00.000Z'
 * ```
 */
export function manualClock(start: number | Date | string = 0): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => t,
    set: (value) => {
      t = new Date(value).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
