import { z } from 'zod';
import { parseOrThrow } from '../../errors/parseOrThrow.ts';
import { stepTime, type StepEvent } from './stepEvent.ts';

/**
 * One row of a funnel: how many actors reached the step (having done the
 * earlier ones in order), and the drop-off from the step before.
 *
 * @example
 * ```ts
 * import type { FunnelStep } from '@memberkit/core';
 * const s: FunnelStep = { step: 'product', reached: 40, conversion: 0.4, stepConversion: 0.5, dropOff: 40 };
 * ```
 */
export interface FunnelStep {
  readonly step: string;
  readonly reached: number;
  /** reached / reached at the first step. */
  readonly conversion: number;
  /** reached / reached at the previous step (1 for the first). */
  readonly stepConversion: number;
  /** Actors lost since the previous step. */
  readonly dropOff: number;
}

const optionsSchema = z.object({
  steps: z.array(z.string()).min(1),
  /** Steps after the first must happen within this many ms of it; default no limit. */
  windowMs: z.number().positive().optional(),
});

/**
 * An ordered funnel with drop-off per step (R-ANA-2), e.g. home → category →
 * product → checkout. An actor reaches step k when it did steps 1..k in that
 * order (other events in between are fine) within `windowMs` of step 1.
 * Events must be in time order per actor. Memory: one small state per actor.
 *
 * @example
 * ```ts
 * import { funnelReport } from '@memberkit/core';
 * const events = [
 *   { actorId: 's1', at: 1, step: 'home' }, { actorId: 's1', at: 2, step: 'product' }, { actorId: 's1', at: 3, step: 'checkout' },
 *   { actorId: 's2', at: 1, step: 'home' }, { actorId: 's2', at: 2, step: 'product' },
 *   { actorId: 's3', at: 1, step: 'home' },
 * ];
 * funnelReport(events, { steps: ['home', 'product', 'checkout'] }).map((s) => s.reached);
 * //=> [3, 2, 1]
 * ```
 */
export function funnelReport(events: Iterable<StepEvent>, options: { steps: readonly string[]; windowMs?: number }): FunnelStep[] {
  const { steps, windowMs } = parseOrThrow(optionsSchema, options, 'invalid_input', 'funnel options');
  const limit = windowMs ?? Infinity;
  // Per actor: steps done in the current attempt, when it started, best so far.
  const progress = new Map<string, { current: number; start: number; best: number }>();
  const lastSeen = new Map<string, number>();
  let row = 0;
  for (const e of events) {
    const at = stepTime(e, row++, lastSeen);
    const p = progress.get(e.actorId);
    if (!p) {
      if (e.step !== steps[0]) continue;
      progress.set(e.actorId, { current: 1, start: at, best: 1 });
      continue;
    }
    if (p.current < steps.length && e.step === steps[p.current] && at - p.start <= limit) p.current++;
    else if (e.step === steps[0] && at - p.start > limit) {
      p.current = 1; // the window ran out: a fresh attempt starts here
      p.start = at;
    }
    if (p.current > p.best) p.best = p.current;
  }
  const reached = new Array<number>(steps.length).fill(0);
  for (const p of progress.values()) for (let k = 0; k < p.best; k++) reached[k]!++;
  return steps.map((step, k) => ({
    step,
    reached: reached[k]!,
    conversion: reached[0] === 0 ? 0 : reached[k]! / reached[0]!,
    stepConversion: k === 0 ? 1 : reached[k - 1] === 0 ? 0 : reached[k]! / reached[k - 1]!,
    dropOff: k === 0 ? 0 : reached[k - 1]! - reached[k]!,
  }));
}
