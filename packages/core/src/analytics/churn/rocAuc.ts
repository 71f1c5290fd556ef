import { MemberkitError } from '../../errors/memberkitError.ts';

/**
 * Area under the ROC curve by the Mann–Whitney U statistic: the probability
 * that a random positive scores above a random negative, ties counting one
 * half (average ranks). O(n log n); 0.5 is chance, 1 a perfect ranking.
 *
 * @example
 * ```ts
 * import { rocAuc } from '@memberkit/core';
 * rocAuc([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0]);
 * //=> 0.75
 * ```
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  if (labels.length !== n) throw new MemberkitError('invalid_input', 'scores and labels differ in length', { field: 'labels' });
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) if (!Number.isFinite(scores[i]!)) throw new MemberkitError('invalid_input', `score ${i} is not finite`, { field: `scores.${i}` });
  order.sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const rank = (i + j) / 2 + 1; // average rank of the tie block, 1-based
    for (let m = i; m <= j; m++) {
      if (labels[order[m]!] === 1) {
        positives++;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) throw new MemberkitError('insufficient_data', 'AUC needs both positives and negatives', { field: 'labels' });
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
