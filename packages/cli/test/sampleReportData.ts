import type { ReportData } from '../src/report/reportData.ts';

// A hand-made ReportData with every section filled, so the renderer is
// tested (and can be looked at) independently of the analytics behind it.
// The numbers are shaped like the CDNOW example's but are not results.
const segments = ['Champions', 'Loyal Customers', 'Potential Loyalist', 'New Customers', 'Promising', 'Need Attention', 'About To Sleep', 'At Risk', "Can't Lose Them", 'Hibernating', 'Lost'];

function segmentOf(r: number, f: number): string {
  if (r >= 4 && f >= 4) return 'Champions';
  if (r >= 3 && f >= 4) return 'Loyal Customers';
  if (r >= 4 && f >= 2) return 'Potential Loyalist';
  if (r === 5 && f === 1) return 'New Customers';
  if (r === 4 && f === 1) return 'Promising';
  if (r === 3) return 'Need Attention';
  if (r === 2 && f <= 2) return 'About To Sleep';
  if (r <= 2 && f >= 4) return "Can't Lose Them";
  if (r === 2) return 'At Risk';
  if (f >= 2) return 'Hibernating';
  return 'Lost';
}

const cells = [];
for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) cells.push({ r, f, customers: 20 + ((r * 37 + f * 53) % 140), segment: segmentOf(r, f) });

export const sampleReportData: ReportData = {
  sourceName: 'orders.csv',
  generatedAt: '2026-11-23 12:00 UTC',
  currency: 'USD',
  period: { from: '1997-01-01', to: '1998-06-30' },
  ingest: {
    rowsRead: 12945,
    orders: 6919,
    lines: 12942,
    products: 26,
    badRowCount: 2,
    badRows: [
      { line: 1001, kind: 'missing_value', column: 'customer_id', value: '', message: 'customer id is empty' },
      { line: 5001, kind: 'invalid_date', column: 'order_date', value: '<script>alert(1)</script>', message: 'not a calendar date' },
    ],
    columns: { customer: 'customer_id', date: 'order_date', amount: 'amount', order: 'order_id', product: 'product' },
  },
  kpis: { customers: 2357, orders: 6919, revenue: 24409194, aov: 3528, repurchaseRate: 0.49, unitsPerTransaction: 1.87 },
  rfm: {
    ok: true,
    data: {
      cells,
      segments: segments.map((segment, i) => ({ segment, customers: 300 - i * 20, revenue: 3_000_000 - i * 200_000, meanRecencyDays: 20 + i * 40, meanFrequency: 6 - i * 0.4 })),
    },
  },
  cohorts: {
    ok: true,
    data: {
      cohorts: ['1997-01', '1997-02', '1997-03'],
      sizes: [781, 793, 783],
      retention: [
        [1, 0.22, 0.14, 0.12, 0.1, 0.09],
        [1, 0.19, 0.12, 0.1, 0.09, null],
        [1, 0.17, 0.11, 0.09, null, null],
      ],
    },
  },
  tracking: {
    ok: true,
    data: {
      weeks: Array.from({ length: 79 }, (_, w) => w),
      actual: Array.from({ length: 79 }, (_, w) => Math.round(4400 * (1 - Math.exp(-w / 45)))),
      predicted: Array.from({ length: 79 }, (_, w) => 4350 * (1 - Math.exp(-w / 44))),
      calibrationWeek: 39,
      calibrationEnd: '1997-09-30',
      params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      logLikelihood: -9582.4,
      customers: 2357,
    },
  },
  pAlive: {
    ok: true,
    data: { bins: Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: [120, 90, 80, 70, 75, 90, 110, 160, 240, 1322][i] as number })), mean: 0.72, median: 0.93, customers: 2357, oneTime: [0, 0, 0, 0, 0, 0, 0, 0, 10, 1200] },
  },
  clv: {
    ok: true,
    data: {
      bins: Array.from({ length: 8 }, (_, i) => ({ from: i * 2000, to: (i + 1) * 2000, count: Math.round(1200 / (i + 1)) })),
      mean: 4210,
      median: 1730,
      customers: 2357,
      total: 9_923_000,
      horizonWeeks: 52,
      margin: 0.3,
      discountRate: 0.1,
      top: [
        { customerId: 'C0123', clv: 84_000, pAlive: 0.98, orders: 29 },
        { customerId: 'C2041', clv: 61_200, pAlive: 0.95, orders: 21 },
      ],
    },
  },
  rules: {
    ok: true,
    data: {
      rules: [
        { antecedent: ['classical', 'baroque'], consequent: ['opera'], support: 0.012, confidence: 0.61, lift: 7.9, count: 83 },
        { antecedent: ['jazz'], consequent: ['blues'], support: 0.031, confidence: 0.42, lift: 4.1, count: 214 },
      ],
      totalRules: 2,
      baskets: 6919,
      minSupport: 0.005,
      minConfidence: 0.2,
    },
  },
};
