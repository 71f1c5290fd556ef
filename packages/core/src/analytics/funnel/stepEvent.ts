import { MemberkitError } from '../../errors/memberkitError.ts';

/**
 * One step of a visit: who (a customer or session id), when, and which page
 * or action (e.g. 'home', 'category', 'product', 'checkout').
 *
 * @example
 * ```ts
 * import type { StepEvent } from '@memberkit/core';
 * const e: StepEvent = { actorId: 'session-1', at: Date.UTC(2026, 0, 1, 9), step: 'home' };
 * ```
 */
export interface StepEvent {
  readonly actorId: string;
  readonly at: number | Date;
  readonly step: string;
}

/**
 * Validates a streamed step event and that each actor's events come in time
 * order (funnels and paths are about order, so unsorted input is an error,
 * not something to guess around). `lastSeen` holds each actor's last time.
 *
 * @example
 * ```ts
 * import { stepTime } from './stepEvent.ts';
 * stepTime({ actorId: 'a', at: 5, step: 'home' }, 0, new Map());
 * //=> 5
 * ```
 */
export function stepTime(e: StepEvent, row: number, lastSeen: Map<string, number>): number {
  const at = e.at instanceof Date ? e.at.getTime() : e.at;
  if (typeof e.actorId !== 'string' || typeof e.step !== 'string' || typeof at !== 'number' || !Number.isFinite(at)) {
    throw new MemberkitError('invalid_input', `event ${row} needs actorId, step and a finite time`, { field: `events.${row}` });
  }
  const before = lastSeen.get(e.actorId);
  if (before !== undefined && at < before) {
    throw new MemberkitError('invalid_input', `event ${row} of ${e.actorId} is earlier than the one before it: sort events by time`, { field: `events.${row}.at` });
  }
  lastSeen.set(e.actorId, at);
  return at;
}
