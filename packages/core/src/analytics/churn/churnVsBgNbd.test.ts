import { describe, expect, it } from 'vitest';
import summaryText from '../../../test/fixtures/cdnow/cdnow_customers_summary.csv?raw';
import { cdnowOrders } from '../../../test/fixtures/cdnow.ts';
import { fitBgNbd } from '../../clv/bgNbd.ts';
import { seededRandom } from '../../ports/random.ts';
import { churnDataset } from './churnDataset.ts';
import { evaluateChurnScores, fitChurnModel } from './fitChurnModel.ts';
import { rocAuc } from './rocAuc.ts';
import { splitChurnDataset } from './splitChurnDataset.ts';

// Churn label: no purchase in the 39-week holdout after 1997-09-30. BG/NBD is
// fitted (unsupervised) on Hardie's published calibration summary; the
// logistic model is fitted on one seeded half and both are scored on the
// other half. AUC bars are the measured values less a small margin.
describe('churn model vs 1 − P(alive) from BG/NBD on CDNOW', () => {
  const data = churnDataset(cdnowOrders(), { asOf: Date.UTC(1997, 8, 30), labelEnd: Date.UTC(1998, 5, 30) });
  const summary = new Map(
    summaryText
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [id, x, tx, T] = line.split(',').map(Number);
        return [id!, { frequency: x!, recency: tx!, T: T! }] as const;
      }),
  );
  const bgNbd = fitBgNbd(summary.values());
  const { fit, holdout } = splitChurnDataset(data, 0.5, seededRandom(1));
  const logistic = evaluateChurnScores(fitChurnModel(fit).scoreDataset(holdout), holdout.churned!);
  const bgScores = holdout.customerIds.map((id) => 1 - bgNbd.probabilityAlive(summary.get(Number(id))!));
  const bgAuc = rocAuc(bgScores, holdout.churned!);

  it('uses the BG/NBD fit of the published CDNOW figures (r = 0.243, α = 4.414, a = 0.793, b = 2.426)', () => {
    expect(bgNbd.params.r).toBeCloseTo(0.243, 3);
    expect(bgNbd.params.b).toBeCloseTo(2.426, 2);
  });

  const logisticScores = fitChurnModel(fit).scoreDataset(holdout);
  const repeat = holdout.customerIds.map((id, i) => [summary.get(Number(id))!, i] as const).filter(([row]) => row.frequency > 0);
  const repeatLabels = repeat.map(([, i]) => holdout.churned![i]!);

  it('1 − P(alive) is no churn score for one-time buyers: BG/NBD gives them P(alive) = 1, so overall it ranks backwards', () => {
    for (const [id, row] of summary) if (row.frequency === 0) expect(bgNbd.probabilityAlive(row), `customer ${id}`).toBe(1);
    expect(bgAuc).toBeLessThan(0.5); // measured 0.30
  });

  it('among repeat buyers 1 − P(alive) ranks churners, and the logistic model ranks them better', () => {
    const bgRepeat = rocAuc(repeat.map(([row]) => 1 - bgNbd.probabilityAlive(row)), repeatLabels); // measured 0.66
    const logisticRepeat = rocAuc(repeat.map(([, i]) => logisticScores[i]!), repeatLabels); // measured 0.70
    expect(bgRepeat).toBeGreaterThan(0.6);
    expect(logisticRepeat).toBeGreaterThan(bgRepeat);
  });

  it('overall the logistic model (AUC 0.79) beats even BG/NBD’s expected holdout purchases as a score (0.78)', () => {
    const expected = rocAuc(holdout.customerIds.map((id) => -bgNbd.conditionalExpectedPurchases(39, summary.get(Number(id))!)), holdout.churned!);
    expect(expected).toBeGreaterThan(0.75);
    expect(logistic.auc).toBeGreaterThan(0.75);
    expect(logistic.auc).toBeGreaterThanOrEqual(expected);
  });
});
