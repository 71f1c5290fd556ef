import type { MemberkitEvent } from '@memberkit/core';
import { utf8Length } from './utf8Length.ts';

/**
 * The most bytes `fetch` with `keepalive` and `sendBeacon` accept in flight per page.
 *
 * @example
 * ```ts
 * import { MAX_BATCH_BYTES } from '@memberkit/tracker';
 * MAX_BATCH_BYTES;
 * //=> 64000
 * ```
 */
export const MAX_BATCH_BYTES = 64_000;

/**
 * Splits events into request bodies of at most `maxCount` events and
 * `maxBytes` UTF-8 bytes each (64 KB is the `keepalive`/beacon limit), in
 * order. An event too big to fit any body alone is returned in `oversize`
 * so the caller can drop it rather than retry it forever.
 *
 * @example
 * ```ts
 * import { splitBatches } from '@memberkit/tracker';
 * const e = (id: string) => ({ id, type: 'signed_in', timestamp: 0, anonymousId: 'a', source: 'client', properties: {} }) as const;
 * splitBatches([e('1'), e('2'), e('3')], 2).batches.map((b) => b.length);
 * //=> [2, 1]
 * ```
 */
export function splitBatches(
  events: readonly MemberkitEvent[],
  maxCount: number,
  maxBytes = MAX_BATCH_BYTES,
  envelopeBytes = 100,
): { batches: MemberkitEvent[][]; oversize: MemberkitEvent[] } {
  const batches: MemberkitEvent[][] = [];
  const oversize: MemberkitEvent[] = [];
  let cur: MemberkitEvent[] = [];
  let bytes = envelopeBytes;
  for (const e of events) {
    const n = utf8Length(JSON.stringify(e)) + 1;
    if (n + envelopeBytes > maxBytes) {
      oversize.push(e);
      continue;
    }
    if (cur.length >= maxCount || bytes + n > maxBytes) {
      batches.push(cur);
      cur = [];
      bytes = envelopeBytes;
    }
    cur.push(e);
    bytes += n;
  }
  if (cur.length) batches.push(cur);
  return { batches, oversize };
}
