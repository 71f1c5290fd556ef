import { describe, expect, it } from 'vitest';
import { createProgressBar } from './progressBar.ts';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, columns: 100, write: (s: string) => writes.push(s) };
}

describe('createProgressBar', () => {
  it('draws nothing when stderr is not a terminal (pipes, CI logs)', () => {
    const s = stream(false);
    const bar = createProgressBar({ stream: s });
    bar.start('reading', 100, 'bytes');
    bar.update(50);
    bar.finish();
    expect(s.writes).toEqual([]);
  });

  it('on a terminal draws a bar in place, throttled, and leaves one line per finished step', () => {
    const s = stream(true);
    let now = 0;
    const bar = createProgressBar({ stream: s, now: () => now });
    bar.start('reading orders.csv', 4 * 1024 * 1024, 'bytes');
    now = 100;
    bar.update(2 * 1024 * 1024);
    now = 120; // within 80 ms of the last draw: skipped
    bar.update(3 * 1024 * 1024);
    now = 1500;
    bar.finish('12 rows');
    expect(s.writes).toHaveLength(3);
    expect(s.writes[1]).toBe('\r\x1b[2Kreading orders.csv [############------------]  50% 2.0 MB / 4.0 MB');
    expect(s.writes[2]).toBe('\r\x1b[2K✓ reading orders.csv 1.5 s (12 rows)\n');
    bar.start('fitting');
    expect(s.writes[3]).toBe('\r\x1b[2K… fitting');
  });
});
