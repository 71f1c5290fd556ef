import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7Generator } from '../ids/uuidv7.ts';
import { backoffDelay, classifyStatus, parseRetryAfter } from './retryPolicy.ts';
import { MAX_BATCH_BYTES, splitBatches } from './splitBatches.ts';
import { utf8Length } from './utf8Length.ts';

const ev = (id: string, query = '') => ({ id, type: 'products_searched' as const, timestamp: 0, anonymousId: 'a', source: 'client' as const, properties: { query } });

describe('delivery helpers', () => {
  it('utf8Length agrees with TextEncoder on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => utf8Length(s) === new TextEncoder().encode(s).length));
    expect(utf8Length('\ud800x')).toBe(new TextEncoder().encode('\ud800x').length);
  });

  it('classifies statuses: 2xx ok, 408/429/5xx/none retry, other 4xx drop', () => {
    expect([200, 202, 408, 429, 500, 503, 0, 400, 401, 413].map(classifyStatus)).toEqual(['ok', 'ok', 'retry', 'retry', 'retry', 'retry', 'retry', 'drop', 'drop', 'drop']);
  });

  it('backoff grows exponentially, stays within [exp/2, exp] and respects the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const exp = Math.min(60_000, 1000 * 2 ** (attempt - 1));
        const d = backoffDelay(attempt, () => r, 1000, 60_000);
        return d >= Math.floor(exp / 2) && d <= exp;
      }),
    );
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter(new Date(65_000).toUTCString(), 5_000)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBe(0);
  });

  it('splits into bodies under 64 KB, in order, and sets aside an event too big to ever send', () => {
    const big = 'x'.repeat(3000);
    const events = Array.from({ length: 60 }, (_, i) => ev(String(i).padStart(3, '0'), big));
    const huge = ev('zzz', 'y'.repeat(70_000));
    const { batches, oversize } = splitBatches([...events, huge], 1000);
    expect(oversize.map((e) => e.id)).toEqual(['zzz']);
    expect(batches.flat().map((e) => e.id)).toEqual(events.map((e) => e.id));
    for (const b of batches) expect(utf8Length(JSON.stringify({ writeKey: 'wk_live_0123456789', sentAt: Date.now(), batch: b }))).toBeLessThanOrEqual(MAX_BATCH_BYTES);
  });

  it('UUIDv7 ids carry the millisecond and sort in creation order, even within one millisecond', () => {
    const next = uuidv7Generator(Math.random);
    const t = Date.UTC(2026, 0, 1);
    expect(next(t).slice(0, 13).replace('-', '')).toBe(t.toString(16).padStart(12, '0'));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 200 }), (steps) => {
        const gen = uuidv7Generator(Math.random);
        let now = t;
        const ids = steps.map((s) => gen((now += s)));
        return ids.every((id, i) => i === 0 || (ids[i - 1] as string) < id);
      }),
    );
  });
});
