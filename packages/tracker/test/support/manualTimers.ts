import type { TimeoutProvider } from '../../src/platform/timeoutManager.ts';

/** Timers and a clock that move only when the test says so. */
export function manualTimers(start = Date.UTC(2026, 5, 1)) {
  let now = start;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: TimeoutProvider = {
    setTimeout: (fn, ms) => {
      due.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void due.delete(h as number),
  };
  /** Advances time, firing due timers in order, letting promises settle between them. */
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      await settle();
      const next = [...due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      due.delete(next[0]);
      now = Math.max(now, next[1].at);
      next[1].fn();
    }
    now = end;
    await settle();
  };
  return { timers, now: () => now, advance, pending: () => due.size };
}

/** Lets every queued promise callback run (a real macrotask turn; tracker timers are manual). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
}
