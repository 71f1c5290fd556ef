/**
 * What to do with a batch after the collector answered `status` (0 = no
 * answer: offline, DNS, CORS, timeout). 2xx: done. 408, 429, 5xx and no
 * answer: retry later. Any other 4xx: the collector will never accept it,
 * drop it so it cannot block the queue.
 *
 * @example
 * ```ts
 * import { classifyStatus } from '@memberkit/tracker';
 * [classifyStatus(204), classifyStatus(429), classifyStatus(400)];
 * //=> ['ok', 'retry', 'drop']
 * ```
 */
export function classifyStatus(status: number): 'ok' | 'retry' | 'drop' {
  if (status >= 200 && status < 300) return 'ok';
  return status >= 400 && status < 500 && status !== 408 && status !== 429 ? 'drop' : 'retry';
}

/**
 * The wait before retry number `attempt` (1-based): exponential from
 * `baseMs`, capped at `maxMs`, with "equal jitter" (half fixed, half random)
 * so tabs and devices that failed together do not retry together. `random`
 * is injected for deterministic tests.
 *
 * @example
 * ```ts
 * import { backoffDelay } from '@memberkit/tracker';
 * backoffDelay(3, () => 0.5, 1000, 60_000);
 * //=> 3000
 * ```
 */
export function backoffDelay(attempt: number, random: () => number, baseMs: number, maxMs: number): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}

/**
 * Milliseconds to wait from a `Retry-After` header (delta-seconds or an HTTP
 * date), or 0 when absent or unreadable.
 *
 * @example
 * ```ts
 * import { parseRetryAfter } from '@memberkit/tracker';
 * [parseRetryAfter('120', 0), parseRetryAfter('Thu, 01 Jan 1970 00:00:30 GMT', 10_000), parseRetryAfter(null, 0)];
 * //=> [120000, 20000, 0]
 * ```
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number {
  if (!header) return 0;
  const s = Number(header);
  const ms = Number.isFinite(s) ? s * 1000 : Date.parse(header) - now;
  return ms > 0 ? ms : 0;
}
