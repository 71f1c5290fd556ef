const CANDIDATES = [',', ';', '\t', '|'] as const;

/**
 * Guesses the field delimiter from the header line: the candidate that
 * occurs most often outside quotes (comma when none does). Excel in a
 * Chinese or European locale writes `;` or tab-separated "CSV", so guessing
 * beats asking every merchant for `--delimiter`.
 *
 * @example
 * ```ts
 * import { sniffDelimiter } from './sniffDelimiter.ts';
 * sniffDelimiter('customer_id;date;amount\n1;2026-01-01;9,90');
 * //=> ';'
 * ```
 */
export function sniffDelimiter(sample: string): string {
  const end = sample.search(/\r?\n/);
  const line = end < 0 ? sample : sample.slice(0, end);
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [c, n] of counts) {
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}
