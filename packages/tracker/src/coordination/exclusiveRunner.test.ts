import { describe, expect, it } from 'vitest';
import { manualTimers } from '../../test/support/manualTimers.ts';
import { memoryStorage } from '../platform/keyValueStorage.ts';
import { leaseRunner } from './exclusiveRunner.ts';

describe('leaseRunner (no Web Locks)', () => {
  it('lets one tab in at a time and hands over after the TTL when the holder died', async () => {
    const kv = memoryStorage();
    const clock = manualTimers();
    const a = leaseRunner('lease', kv, 'A', clock.now, clock.timers, 10_000, 50);
    const b = leaseRunner('lease', kv, 'B', clock.now, clock.timers, 10_000, 50);
    let release!: () => void;
    const holding = a(() => new Promise<string>((r) => (release = () => r('A done'))));
    await clock.advance(60);
    expect(await b(async () => 'B ran')).toBeUndefined();
    release();
    expect(await holding).toBe('A done');
    const bRun = b(async () => 'B ran');
    await clock.advance(60);
    expect(await bRun).toBe('B ran');
    // A tab that dies holding the lease blocks others only until the TTL passes.
    kv.set('lease', JSON.stringify({ o: 'dead', e: clock.now() + 10_000 }));
    expect(await b(async () => 'x')).toBeUndefined();
    await clock.advance(10_001);
    const late = b(async () => 'after ttl');
    await clock.advance(60);
    expect(await late).toBe('after ttl');
  });
});
