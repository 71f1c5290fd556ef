import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manualTimers } from '../../test/support/manualTimers.ts';
import { memoryStorage } from '../platform/keyValueStorage.ts';
import { memoryQueue } from '../queue/memoryQueue.ts';
import { createTrackerCore } from './createTrackerCore.ts';

// Invariant of the delivery loop: whatever the collector answers (success,
// server errors, throttling, no answer, refusals) and however events and
// flushes interleave, every tracked event ends either stored by the
// collector or reported as refused — never silently lost — and the queue
// ends empty once the collector is healthy. Retries reuse ids, so the
// collector's store (deduped by id) holds each event once.
describe('delivery invariant (fast-check)', () => {
  it('no event is lost or stored twice under any sequence of collector answers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(200, 200, 204, 500, 503, 0, 429, 408, 400), { maxLength: 30 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3000 })), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 6 }),
        async (answers, script, batchSize) => {
          const clock = manualTimers();
          const queue = memoryQueue();
          const stored = new Map<string, number>();
          const refused = new Set<string>();
          const script_ = [...answers];
          const { tracker } = createTrackerCore(
            { endpoint: '/c', writeKey: 'wk', batchSize, flushInterval: 500, retryBaseMs: 100, retryMaxMs: 2000, now: clock.now, timers: clock.timers, random: () => 0.5, onError: () => {} },
            {
              channel: 'web',
              kv: memoryStorage(),
              queue,
              context: () => ({}),
              send: async (body) => {
                const status = script_.shift() ?? 200;
                const batch = (JSON.parse(body) as { batch: Array<{ id: string }> }).batch;
                if (status >= 200 && status < 300) for (const e of batch) stored.set(e.id, (stored.get(e.id) ?? 0) + 1);
                if (status === 400) for (const e of batch) refused.add(e.id);
                return { status, retryAfter: status === 429 ? '1' : null };
              },
            },
          );
          const ids: string[] = [];
          for (const [count, wait] of script) {
            for (let i = 0; i < count; i++) ids.push(tracker.track('products_searched', { query: 'q' }) as string);
            await clock.advance(wait);
          }
          await clock.advance(60_000);
          for (const id of ids) expect(stored.has(id) || refused.has(id)).toBe(true);
          expect(await queue.size()).toBe(0);
          // an acknowledged event is never sent again
          for (const n of stored.values()) expect(n).toBe(1);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
