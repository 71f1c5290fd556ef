import type { MemberkitEvent } from '@memberkit/core';
import type { KeyValueStorage } from '../platform/keyValueStorage.ts';

const KEY = 'mk_spill';

/**
 * At unload, writes the newest `max` unsent events synchronously to the
 * small store: an IndexedDB write started a millisecond before the tab died
 * may never land. {@link recoverSpill} puts them back on the next load.
 *
 * @example
 * ```ts
 * import { memoryStorage, spillEvents, recoverSpill } from '@memberkit/tracker';
 * const kv = memoryStorage();
 * spillEvents(kv, [{ id: 'e1', type: 'signed_in', timestamp: 0, anonymousId: 'a', source: 'client', properties: {} }]);
 * recoverSpill(kv).map((e) => e.id);
 * //=> ['e1']
 * ```
 */
export function spillEvents(kv: KeyValueStorage, events: readonly MemberkitEvent[], max = 50): void {
  if (events.length) kv.set(KEY, JSON.stringify(events.slice(-max)));
}

/**
 * Takes the events spilled by the last unload (and clears them); an
 * unreadable spill yields nothing rather than an error.
 *
 * @example
 * ```ts
 * import { memoryStorage, recoverSpill } from '@memberkit/tracker';
 * recoverSpill(memoryStorage());
 * //=> []
 * ```
 */
export function recoverSpill(kv: KeyValueStorage): MemberkitEvent[] {
  const raw = kv.get(KEY);
  if (raw === null) return [];
  kv.remove(KEY);
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? (v as MemberkitEvent[]) : [];
  } catch {
    return [];
  }
}
