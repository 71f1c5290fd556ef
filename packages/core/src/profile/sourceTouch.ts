import type { StoredEvent } from './profile.ts';

/**
 * Where a visit came from (R-EVT-3): UTM, referrer, mini-program scene,
 * referring friend, store, channel, as carried by one event's context.
 *
 * @example
 * ```ts
 * import type { SourceTouch } from '@memberkit/core';
 * const t: SourceTouch = { at: 0, eventId: 'e1', scene: 'store_scan', storeId: 'sh-01' };
 * ```
 */
export interface SourceTouch {
  readonly at: number;
  readonly eventId: string;
  readonly channel?: string;
  readonly utm?: Readonly<Record<string, string | undefined>>;
  readonly referrer?: string;
  readonly scene?: string | number;
  readonly referredBy?: string;
  readonly storeId?: string;
}

/**
 * The acquisition facts of an event's context, or undefined when it has none
 * (a plain in-site click is not a source).
 *
 * @example
 * ```ts
 * import { sourceTouch } from '@memberkit/core';
 * sourceTouch({ id: 'e1', type: 'page_viewed', timestamp: 5, anonymousId: 'a', source: 'client', properties: {}, profileId: 'p', context: { utm: { source: 'douyin' } } });
 * //=> { at: 5, eventId: 'e1', utm: { source: 'douyin' } }
 * ```
 */
export function sourceTouch(event: StoredEvent): SourceTouch | undefined {
  const c = event.context;
  if (!c) return undefined;
  const referrer = c.referrer ?? c.page?.referrer;
  const utm = c.utm && Object.values(c.utm).some((v) => v !== undefined) ? c.utm : undefined;
  if (!utm && referrer === undefined && c.scene === undefined && c.referredBy === undefined) return undefined;
  return {
    at: event.timestamp,
    eventId: event.id,
    ...(c.channel === undefined ? {} : { channel: c.channel }),
    ...(utm ? { utm } : {}),
    ...(referrer === undefined ? {} : { referrer }),
    ...(c.scene === undefined ? {} : { scene: c.scene }),
    ...(c.referredBy === undefined ? {} : { referredBy: c.referredBy }),
    ...(c.storeId === undefined ? {} : { storeId: c.storeId }),
  };
}
