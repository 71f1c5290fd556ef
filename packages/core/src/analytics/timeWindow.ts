import { MemberkitError } from '../errors/memberkitError.ts';

/**
 * A half-open time window [from, to), epoch ms or Dates; either end may be
 * left open.
 *
 * @example
 * ```ts
 * import type { TimeWindow } from '@memberkit/core';
 * const march: TimeWindow = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) };
 * ```
 */
export interface TimeWindow {
  readonly from?: number | Date;
  readonly to?: number | Date;
}

/**
 * Turns a {@link TimeWindow} into a fast membership test, rejecting a window
 * that ends before it starts.
 *
 * @example
 * ```ts
 * import { inWindow } from './timeWindow.ts';
 * const inside = inWindow({ from: 10, to: 20 }, 'window');
 * [inside(10), inside(20)];
 * //=> [true, false]
 * ```
 */
export function inWindow(window: TimeWindow | undefined, field: string): (at: number) => boolean {
  const from = window?.from === undefined ? -Infinity : +window.from;
  const to = window?.to === undefined ? Infinity : +window.to;
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) throw new MemberkitError('invalid_input', `${field}: the window must end after it starts`, { field });
  return (at) => at >= from && at < to;
}
