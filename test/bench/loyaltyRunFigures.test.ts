import { describe, expect, it } from 'vitest';
import { loyaltyRunFigures } from './loyaltyRunFigures.ts';
import { median } from './median.ts';

// The lines of one real run of `pnpm bench:loyalty` (c4a580f, 2026-11-24) that the figures come from.
const RUN = `
| recordRefund (half, by amount) | 100,000 | 514 | 194,499 | 159,706 | 10 · 66 ms | – |
| **ledger writes, one kind at a time** (adjust, order, redeem, action, refund; target ≥ 200,000 ops/s) | 500,000 | 2386 | 209,535 | 161,290 | 50 · 318 ms | 2 · 20 ms |
| **all engine commands above** (writes, mixed, replays, settle) | 800,000 | 3883 | 206,034 | 158,103 | 76 · 517 ms | 2 · 20 ms |
| **peer: ledger writes, one kind at a time** (hand-rolled Map + entry objects; no lots, expiry, tiers or schema) | 500,000 | 967 | 517,326 | 393,952 | 34 · 282 ms | – |

Machine calibration (same run): JSON.stringify of one order event 1.34 µs, Map.set of a new string key 0.27 µs. CPU time is …
`;

describe('loyaltyRunFigures', () => {
  it('reads the headline, the peer and the calibration line of a run', () => {
    expect(loyaltyRunFigures(RUN)).toEqual({ writesPerSecond: 209_535, peerWritesPerSecond: 517_326, mapSetMicros: 0.27, jsonMicros: 1.34 });
  });

  it('names the figure a broken run lacks', () => {
    const noPeer = RUN.split('\n').filter((l) => !l.includes('**peer:')).join('\n');
    expect(() => loyaltyRunFigures(noPeer)).toThrow(/no peerWritesPerSecond figure/);
    expect(() => loyaltyRunFigures('')).toThrow(/no writesPerSecond figure/);
    const garbled = RUN.replace('209,535', 'n/a');
    expect(() => loyaltyRunFigures(garbled)).toThrow(/no writesPerSecond figure/);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});
