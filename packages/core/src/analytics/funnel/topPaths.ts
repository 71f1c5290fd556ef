import { z } from 'zod';
import { parseOrThrow } from '../../errors/parseOrThrow.ts';
import { stepTime, type StepEvent } from './stepEvent.ts';

const SEP = '\u0000';

const optionsSchema = z.object({
  /** Steps kept from the start of each actor's path, default 5. */
  maxSteps: z.number().int().min(1).default(5),
  /** Paths returned, default 10. */
  limit: z.number().int().min(1).default(10),
});

/**
 * The most common paths (R-ANA-2): each actor's sequence of steps from the
 * start, repeats of the same step in a row collapsed (a reload is not a
 * step), cut at `maxSteps`; paths counted and ranked by count, ties by path.
 * Events must be in time order per actor.
 *
 * @example
 * ```ts
 * import { topPaths } from '@memberkit/core';
 * const events = [
 *   { actorId: 's1', at: 1, step: 'home' }, { actorId: 's1', at: 2, step: 'home' }, { actorId: 's1', at: 3, step: 'product' },
 *   { actorId: 's2', at: 1, step: 'home' }, { actorId: 's2', at: 2, step: 'product' },
 *   { actorId: 's3', at: 1, step: 'search' },
 * ];
 * topPaths(events, { limit: 1 });
 * //=> [{ path: ['home', 'product'], count: 2, share: 0.6666666666666666 }]
 * ```
 */
export function topPaths(events: Iterable<StepEvent>, options: { maxSteps?: number; limit?: number } = {}): { path: string[]; count: number; share: number }[] {
  const { maxSteps, limit } = parseOrThrow(optionsSchema, options, 'invalid_input', 'path options');
  const paths = new Map<string, string[]>();
  const lastSeen = new Map<string, number>();
  let row = 0;
  for (const e of events) {
    stepTime(e, row++, lastSeen);
    const path = paths.get(e.actorId);
    if (!path) paths.set(e.actorId, [e.step]);
    else if (path.length < maxSteps && path[path.length - 1] !== e.step) path.push(e.step);
  }
  const counts = new Map<string, number>();
  for (const path of paths.values()) {
    const k = path.join(SEP);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const total = paths.size;
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([k, count]) => ({ path: k.split(SEP), count, share: count / total }));
}
