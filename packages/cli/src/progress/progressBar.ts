/**
 * Where the progress bar draws: a TTY-like writable (stderr by default).
 *
 * @example
 * ```ts
 * import type { ProgressStream } from '@memberkit/cli';
 * const stream: ProgressStream = process.stderr;
 * ```
 */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * A step-by-step progress display; every method is a no-op when disabled.
 *
 * @example
 * ```ts
 * import type { ProgressBar } from '@memberkit/cli';
 * const silent: ProgressBar = { start() {}, update() {}, finish() {} };
 * ```
 */
export interface ProgressBar {
  /** Starts a step; with `total` it draws a bar (of bytes or items), without it a "working" line. */
  start(label: string, total?: number, unit?: 'bytes' | 'items'): void;
  /** Moves the current step to `done` of its total. */
  update(done: number, total?: number): void;
  /** Ends the current step, leaving one line with its duration. */
  finish(note?: string): void;
}

const WIDTH = 24;
const REDRAW_MS = 80;

function formatAmount(n: number, bytes: boolean): string {
  if (!bytes) return n.toLocaleString('en');
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A tiny progress bar for long steps, drawn on stderr only when it is a
 * terminal, so piped output and CI logs stay clean. Redraws at most every
 * 80 ms; each finished step leaves one line (`✓ reading orders.csv 0.3 s`).
 *
 * @example
 * ```ts
 * import { createProgressBar } from '@memberkit/cli';
 * const bar = createProgressBar({ stream: process.stderr });
 * bar.start('reading orders.csv', 2_000_000, 'bytes');
 * bar.update(1_000_000); // reading orders.csv [############------------]  50% 977 KB / 1.9 MB
 * bar.finish();          // ✓ reading orders.csv 0.3 s
 * ```
 */
export function createProgressBar(options: { stream: ProgressStream; enabled?: boolean; now?: () => number }): ProgressBar {
  const { stream } = options;
  const enabled = options.enabled ?? stream.isTTY === true;
  const now = options.now ?? (() => performance.now());
  let label = '';
  let total: number | undefined;
  let startedAt = 0;
  let drawnAt = -Infinity;
  let bytes = false;

  const draw = (done: number) => {
    const width = Math.max(40, (stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80) - 1);
    let text: string;
    if (total === undefined || total <= 0) {
      text = `… ${label}`;
    } else {
      const ratio = Math.min(1, Math.max(0, done / total));
      const filled = Math.round(ratio * WIDTH);
      text = `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${formatAmount(done, bytes)} / ${formatAmount(total, bytes)}`;
    }
    stream.write(`\r\x1b[2K${text.slice(0, width)}`);
  };

  if (!enabled) return { start: () => undefined, update: () => undefined, finish: () => undefined };
  return {
    start(nextLabel, nextTotal, unit = 'items') {
      label = nextLabel;
      total = nextTotal;
      bytes = unit === 'bytes';
      startedAt = now();
      drawnAt = -Infinity;
      draw(0);
    },
    update(done, nextTotal) {
      if (nextTotal !== undefined) total = nextTotal;
      const t = now();
      if (t - drawnAt < REDRAW_MS) return;
      drawnAt = t;
      draw(done);
    },
    finish(note) {
      const seconds = ((now() - startedAt) / 1000).toFixed(1);
      stream.write(`\r\x1b[2K✓ ${label} ${seconds} s${note === undefined ? '' : ` (${note})`}\n`);
    },
  };
}
