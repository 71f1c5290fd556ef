import type { DistributionData, HistogramBin } from '../reportData.ts';

/** A "nice" step (1, 2 or 5 × 10^k) that cuts `range` into about `target` bins. */
function niceStep(range: number, target: number): number {
  const raw = range / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/**
 * Summarises values as a histogram with mean and median. With fixed
 * `bounds` (P(alive) in [0, 1]) the bins split that range evenly; otherwise
 * they run in nice steps from 0 to the 95th percentile and a last open bin
 * collects the long tail, which CLV always has.
 *
 * @example
 * ```ts
 * import { distribution } from './histogramBins.ts';
 * distribution([0.05, 0.5, 0.95], { bounds: [0, 1], bins: 10 }).bins[0];
 * //=> { from: 0, to: 0.1, count: 1 }
 * ```
 */
export function distribution(values: ArrayLike<number>, options: { bounds?: [number, number]; bins?: number }): DistributionData {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  for (const v of sorted) sum += v;
  const median = n === 0 ? 0 : n % 2 === 1 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  const target = options.bins ?? 10;
  const edges: number[] = [];
  if (options.bounds !== undefined) {
    const [lo, hi] = options.bounds;
    for (let i = 0; i <= target; i++) edges.push(lo + ((hi - lo) * i) / target);
  } else {
    const p95 = n === 0 ? 1 : (sorted[Math.min(n - 1, Math.floor(0.95 * (n - 1)))] as number);
    const step = niceStep(Math.max(p95, 1e-9), target);
    for (let e = 0; e <= p95 + step / 2 && edges.length <= target + 1; e += step) edges.push(Math.round(e / step) * step);
    edges.push(Math.max(edges[edges.length - 1] as number, sorted[n - 1] ?? 0) + step);
  }
  const bins: HistogramBin[] = [];
  for (let b = 0; b + 1 < edges.length; b++) bins.push({ from: edges[b] as number, to: edges[b + 1] as number, count: 0 });
  const counts = new Int32Array(bins.length);
  const first = edges[0] as number;
  const width = (edges[1] as number) - first;
  for (const v of sorted) {
    let b = Math.floor((v - first) / width);
    if (b < 0) b = 0;
    if (b >= bins.length) b = bins.length - 1;
    counts[b]!++;
  }
  return { bins: bins.map((bin, i) => ({ ...bin, count: counts[i] as number })), mean: n === 0 ? 0 : sum / n, median, customers: n };
}
