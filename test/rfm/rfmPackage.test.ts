// Reproduces the published outputs of the R package rfm 0.3.0 exactly (no
// tolerance: scores are integers, recency whole days, amounts integers).
// Provenance of the fixtures: test/fixtures/rfm/README.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeRfm, readRfmCsv, rfmPackageSegments, type RfmRow, type RfmSegmentRule } from '@memberkit/core';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/rfm/${name}`, import.meta.url));

let rows: RfmRow[];
let byId: Map<string, RfmRow>;

async function rfmTableOrder(segments: readonly RfmSegmentRule[] = rfmPackageSegments): Promise<RfmRow[]> {
  const totals = await readRfmCsv([new Uint8Array(readFileSync(fixture('rfm_data_orders.csv')))], { columns: { at: 'order_date', amount: 'revenue' } });
  return computeRfm(totals, { asOf: '2006-12-31', method: 'breaks', segments, fallback: 'Others' });
}

beforeAll(async () => {
  rows = await rfmTableOrder();
  byId = new Map(rows.map((r) => [r.customerId, r]));
});

/** [customer, recency_days, transaction_count, amount, recency_score, frequency_score, monetary_score, rfm_score, segment] */
type Published = [string, number, number, number, number, number, number, number, string];

// README.md (rfm_result and segments, first 5 rows) and the rfm-introduction vignette (first 10 rows).
const published: Published[] = [
  ["Abbey O'Reilly", 205, 6, 472, 3, 4, 3, 343, 'Potential Loyalist'],
  ['Add Senger', 140, 3, 340, 4, 1, 2, 412, 'New Customers'],
  ['Aden Lesch', 194, 4, 405, 3, 2, 3, 323, 'Loyal Customers'],
  ['Aden Murphy', 98, 7, 596, 5, 4, 4, 544, 'Potential Loyalist'],
  ['Admiral Senger', 132, 5, 448, 4, 3, 3, 433, 'Potential Loyalist'],
  ["Agness O'Keefe", 90, 9, 843, 5, 5, 5, 555, 'Champions'],
  ['Aileen Barton', 84, 9, 763, 5, 5, 5, 555, 'Champions'],
  ['Ailene Hermann', 281, 8, 699, 3, 5, 5, 355, 'Potential Loyalist'],
  ['Aiyanna Bruen', 246, 4, 157, 3, 2, 1, 321, 'About To Sleep'],
  ['Akeelah Walsh', 160, 7, 779, 4, 4, 5, 445, 'Potential Loyalist'],
];

const toTuple = (r: RfmRow): Published => [r.customerId, r.recencyDays, r.frequency, r.monetary, r.r, r.f, r.m, r.score, r.segment];

describe('R package rfm 0.3.0: rfm_table_order() + rfm_segment() on rfm_data_orders, analysis date 2006-12-31', () => {
  it('has 995 customers and 4,906 orders (tests/testthat/test-rfm-table.R)', () => {
    expect(rows).toHaveLength(995);
    expect(rows.reduce((a, r) => a + r.frequency, 0)).toBe(4906);
  });

  it('reproduces the first rows printed in the README and the vignette', () => {
    expect(published.map(([id]) => toTuple(byId.get(id)!))).toEqual(published);
  });

  it('reproduces rfm_segment_summary() from the vignette: customers, orders and revenue per segment', () => {
    // segment, customers, orders, revenue (vignette rfm-introduction, pkgdown site of 0.3.0)
    const summary: [string, number, number, number][] = [
      ['About To Sleep', 102, 283, 23449],
      ['At Risk', 28, 216, 22227],
      ["Can't Lose Them", 47, 274, 32446],
      ['Champions', 35, 316, 31646],
      ['Lost', 148, 393, 35324],
      ['Loyal Customers', 170, 799, 76562],
      ['Need Attention', 10, 57, 4562],
      ['New Customers', 104, 329, 28837],
      ['Potential Loyalist', 342, 2211, 204856],
      ['Promising', 9, 28, 4249],
    ];
    const got = summary.map(([name]) => {
      const seg = rows.filter((r) => r.segment === name);
      return [name, seg.length, seg.reduce((a, r) => a + r.frequency, 0), seg.reduce((a, r) => a + r.monetary, 0)];
    });
    expect(got).toEqual(summary);
    expect(rows.some((r) => r.segment === 'Others')).toBe(false);
  });

  it('reproduces the alternative table of tests/testthat/test-rfm-segment.R: Champions = 158 customers, 1,234 orders, 120,178 revenue', async () => {
    const names = ['Champions', 'Loyal Customers', 'Potential Loyalist', 'New Customers', 'Promising', 'Need Attention', 'About To Sleep', 'At Risk', "Can't Lose Them", 'Lost'];
    const rl = [4, 2, 3, 4, 3, 2, 2, 1, 1, 1], ru = [5, 5, 5, 5, 4, 3, 3, 2, 1, 2];
    const fl = [4, 3, 1, 1, 1, 2, 1, 2, 4, 1], fu = [5, 5, 3, 1, 1, 3, 2, 5, 5, 2];
    const ml = [4, 3, 1, 1, 1, 2, 1, 2, 4, 1], mu = [5, 5, 3, 1, 1, 3, 2, 5, 5, 2];
    const table: RfmSegmentRule[] = names.map((name, i) => ({ name, r: [rl[i]!, ru[i]!], f: [fl[i]!, fu[i]!], m: [ml[i]!, mu[i]!] }));
    const champions = (await rfmTableOrder(table)).filter((r) => r.segment === 'Champions');
    expect([champions.length, champions.reduce((a, r) => a + r.frequency, 0), champions.reduce((a, r) => a + r.monetary, 0)]).toEqual([158, 1234, 120178]);
  });

  it('matches the package run on every one of the 995 customers (fixture made by the package code itself)', () => {
    const lines = readFileSync(fixture('rfm_table_order_expected.csv'), 'utf8').trim().split('\n').slice(1);
    const expected = lines.map((line): Published => {
      const m = /^"(.*)",(\d+),(\d+),(\d+),(\d),(\d),(\d),(\d+),"(.*)"$/.exec(line);
      if (!m) throw new Error(`bad fixture line ${line}`);
      return [m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!, +m[8]!, m[9]!];
    });
    expect(expected).toHaveLength(995);
    expect(expected.map(([id]) => toTuple(byId.get(id)!))).toEqual(expected);
  });
});
