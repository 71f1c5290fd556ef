// RFM speed benchmark (issue 3 "Speed"): memberkit vs DuckDB on the same
// seeded data, each scenario in its own child process so that peak RSS
// (process.resourceUsage().maxRSS) is measured per scenario, honestly.
//
//   npx tsx --conditions=source test/bench/rfm.bench.ts      (or: npm run bench:rfm)
//   RFM_BENCH_ORDERS=1000000 RFM_BENCH_CUSTOMERS=100000 …    (a smaller run)
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { computeRfm, computeRfmColumns, readRfmCsv, type RfmOrder } from '@memberkit/core';
import { BENCH_AS_OF, generateRfmBenchData, writeRfmBenchCsv } from './rfmBenchData.ts';

const ORDERS = Number(process.env['RFM_BENCH_ORDERS'] ?? 10_000_000);
const CUSTOMERS = Number(process.env['RFM_BENCH_CUSTOMERS'] ?? 1_000_000);
const CSV = `/tmp/memberkit-rfm-${ORDERS}-${CUSTOMERS}.csv`;
const AS_OF_SQL = new Date(BENCH_AS_OF).toISOString().slice(0, 19).replace('T', ' ');
const SAMPLE_EVERY = Math.max(1, Math.floor(CUSTOMERS / 1000));

interface Result {
  scenario: string;
  ms: number;
  maxRssMb: number;
  rows: number;
  /** Σ score × (numeric id + 1) over all customers: equal digests = equal scores for everyone. */
  digest: number;
  /** Every SAMPLE_EVERY-th customer: id → [recencyDays, frequency, monetary, score]. */
  sample: Record<string, number[]>;
}

const SCORE_SQL = `
  WITH t AS (
    SELECT customer_id, max("at") AS last_at, count(*) AS frequency, sum(amount) AS monetary
    FROM orders GROUP BY customer_id
  ), s AS (
    SELECT customer_id,
      (epoch_ms(TIMESTAMP '${AS_OF_SQL}') - epoch_ms(last_at)) // 86400000 AS recency_days,
      frequency, monetary,
      ntile(5) OVER (ORDER BY last_at, customer_id) AS r,
      ntile(5) OVER (ORDER BY frequency, customer_id) AS f,
      ntile(5) OVER (ORDER BY monetary, customer_id) AS m
    FROM t
  )
  SELECT customer_id, recency_days, frequency, monetary, r, f, m, 100 * r + 10 * f + m AS score FROM s`;

function idNumber(id: string): number {
  return Number(id.slice(1));
}

/** Digest and sample of a result, read through accessors so that no object per customer is made after the clock stops (it would inflate peak RSS). */
function summarise(n: number, id: (i: number) => string, values: (i: number) => [number, number, number, number]): Pick<Result, 'digest' | 'sample' | 'rows'> {
  let digest = 0;
  const sample: Record<string, number[]> = {};
  for (let i = 0; i < n; i++) {
    const customer = id(i);
    const k = idNumber(customer);
    const v = values(i);
    digest += v[3] * (k + 1);
    if (k % SAMPLE_EVERY === 0) sample[customer] = v;
  }
  return { digest, sample, rows: n };
}

function summariseRows(rows: readonly { customerId: string; recencyDays: number; frequency: number; monetary: number; score: number }[]): Pick<Result, 'digest' | 'sample' | 'rows'> {
  return summarise(rows.length, (i) => rows[i]!.customerId, (i) => {
    const r = rows[i]!;
    return [r.recencyDays, r.frequency, r.monetary, r.score];
  });
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Uint8Array;
}

async function duck(): Promise<Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  return instance.connect();
}

const scenarios: Record<string, () => Promise<Omit<Result, 'scenario' | 'maxRssMb'>>> = {
  // (a) columnar compute: typed arrays in, typed arrays out
  async 'a-memberkit'() {
    const data = generateRfmBenchData(ORDERS, CUSTOMERS);
    const columns = { kind: 'columns' as const, ...data };
    const t0 = performance.now();
    const s = computeRfmColumns(columns, { asOf: BENCH_AS_OF });
    const ms = performance.now() - t0;
    return { ms, ...summarise(s.customerIds.length, (i) => s.customerIds[i]!, (i) => [s.recencyDays[i]!, s.frequency[i]!, s.monetary[i]!, s.score[i]!]) };
  },
  async 'a-duckdb'() {
    const con = await duck();
    await con.run(`CREATE TABLE orders AS SELECT * FROM read_csv('${CSV}')`);
    const t0 = performance.now();
    await con.run(`CREATE TABLE scores AS ${SCORE_SQL}`);
    const ms = performance.now() - t0;
    // Digest and sample computed inside DuckDB, so fetching them does not inflate its peak RSS.
    const num = 'CAST(substr(customer_id, 2) AS BIGINT)';
    const digest = (await con.runAndReadAll(`SELECT count(*), sum(score * (${num} + 1)) FROM scores`)).getRowsJS()[0]!;
    const sampled = (await con.runAndReadAll(`SELECT customer_id, recency_days, frequency, monetary, score FROM scores WHERE ${num} % ${SAMPLE_EVERY} = 0`)).getRowsJS();
    const sample: Record<string, number[]> = {};
    for (const r of sampled) sample[String(r[0])] = [Number(r[1]), Number(r[2]), Number(r[3]), Number(r[4])];
    return { ms, rows: Number(digest[0]), digest: Number(digest[1]), sample };
  },
  // (b) CSV file to scored rows in JavaScript
  async 'b-memberkit'() {
    const t0 = performance.now();
    const rows = computeRfm(await readRfmCsv(fileChunks(CSV)), { asOf: BENCH_AS_OF, order: 'input' });
    const ms = performance.now() - t0;
    return { ms, ...summariseRows(rows) };
  },
  async 'b-memberkit-sorted'() {
    const t0 = performance.now();
    const rows = computeRfm(await readRfmCsv(fileChunks(CSV)), { asOf: BENCH_AS_OF });
    const ms = performance.now() - t0;
    return { ms, ...summariseRows(rows) };
  },
  async 'b-duckdb'() {
    const t0 = performance.now();
    const con = await duck();
    await con.run(`CREATE TABLE orders AS SELECT * FROM read_csv('${CSV}')`);
    const reader = await con.runAndReadAll(SCORE_SQL);
    const objects = reader.getRowObjectsJS();
    const ms = performance.now() - t0;
    return {
      ms,
      ...summarise(objects.length, (i) => String(objects[i]!['customer_id']), (i) => {
        const r = objects[i]!;
        return [Number(r['recency_days']), Number(r['frequency']), Number(r['monetary']), Number(r['score'])];
      }),
    };
  },
  // (c) an iterable of order objects with string ids
  async 'c-memberkit'() {
    const data = generateRfmBenchData(ORDERS, CUSTOMERS);
    const orders: Iterable<RfmOrder> = {
      *[Symbol.iterator]() {
        for (let i = 0; i < ORDERS; i++) yield { customerId: data.customerIds[data.customerIndex[i]!]!, at: data.at[i]!, amount: data.amount[i]! };
      },
    };
    const t0 = performance.now();
    const rows = computeRfm(orders, { asOf: BENCH_AS_OF, order: 'input' });
    const ms = performance.now() - t0;
    return { ms, ...summariseRows(rows) };
  },
};

async function child(name: string): Promise<void> {
  const run = scenarios[name];
  if (!run) throw new Error(`unknown scenario ${name}`);
  const r = await run();
  const result: Result = { scenario: name, maxRssMb: process.resourceUsage().maxRSS / 1024, ...r };
  process.stdout.write(`@@RESULT ${JSON.stringify(result)}\n`);
}

function runChild(name: string): Result {
  const p = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--scenario', name], {
    env: process.env,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const line = p.stdout.split('\n').find((l) => l.startsWith('@@RESULT '));
  if (!line) throw new Error(`scenario ${name} failed:\n${p.stderr}`);
  return JSON.parse(line.slice(9)) as Result;
}

function sameScores(a: Result, b: Result): string {
  const ids = Object.keys(a.sample);
  const equal = ids.filter((id) => JSON.stringify(a.sample[id]) === JSON.stringify(b.sample[id])).length;
  const ok = a.digest === b.digest && equal === ids.length && ids.length === Object.keys(b.sample).length && a.rows === b.rows;
  return `${ok ? 'SAME' : 'DIFFERENT'}: ${a.rows} vs ${b.rows} rows, digest ${a.digest} vs ${b.digest}, ${equal}/${ids.length} sampled customers identical (recency days, frequency, monetary, score)`;
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--scenario');
  if (i >= 0) return child(process.argv[i + 1] ?? '');
  const t0 = performance.now();
  await writeRfmBenchCsv(CSV, generateRfmBenchData(ORDERS, CUSTOMERS));
  console.error(`data: ${ORDERS} orders, ${CUSTOMERS} customers, ${CSV} (ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const names = Object.keys(scenarios);
  const results: Record<string, Result> = {};
  for (const name of names) {
    results[name] = runChild(name);
    console.error(`${name}: ${results[name].ms.toFixed(0)} ms, ${results[name].maxRssMb.toFixed(0)} MB`);
  }
  const r = (n: string): Result => results[n] as Result;
  const s = (ms: number): string => (ms / 1000).toFixed(2);
  const lines = [
    `RFM benchmark: ${ORDERS.toLocaleString('en')} orders, ${CUSTOMERS.toLocaleString('en')} customers, DuckDB ${'@duckdb/node-api'} threads=2, one child process per row`,
    '',
    '| scenario | memberkit | DuckDB | ratio | target | memberkit peak RSS | DuckDB peak RSS |',
    '|---|---|---|---|---|---|---|',
    `| (a) columnar compute vs GROUP BY + 3×NTILE query | ${s(r('a-memberkit').ms)} s | ${s(r('a-duckdb').ms)} s | ${(r('a-memberkit').ms / r('a-duckdb').ms).toFixed(2)}× | ≤ 0.6×, < 600 MB | ${r('a-memberkit').maxRssMb.toFixed(0)} MB | ${r('a-duckdb').maxRssMb.toFixed(0)} MB |`,
    `| (b) CSV file → scored rows in JS vs load + query + fetch | ${s(r('b-memberkit').ms)} s | ${s(r('b-duckdb').ms)} s | ${(r('b-memberkit').ms / r('b-duckdb').ms).toFixed(2)}× | ≤ 1.0×, < 600 MB | ${r('b-memberkit').maxRssMb.toFixed(0)} MB | ${r('b-duckdb').maxRssMb.toFixed(0)} MB |`,
    `| (b′) same, rows sorted by customer id (default order) | ${s(r('b-memberkit-sorted').ms)} s | ${s(r('b-duckdb').ms)} s | ${(r('b-memberkit-sorted').ms / r('b-duckdb').ms).toFixed(2)}× | (no target) | ${r('b-memberkit-sorted').maxRssMb.toFixed(0)} MB | |`,
    `| (c) iterable of ${ORDERS.toLocaleString('en')} order objects, string ids | ${s(r('c-memberkit').ms)} s | | | < 3 s | ${r('c-memberkit').maxRssMb.toFixed(0)} MB | |`,
    '',
    `(a) scores: ${sameScores(r('a-memberkit'), r('a-duckdb'))}`,
    `(b) scores: ${sameScores(r('b-memberkit'), r('b-duckdb'))}`,
    `(b′) scores: ${sameScores(r('b-memberkit-sorted'), r('b-duckdb'))}`,
    `(c) scores: ${sameScores(r('c-memberkit'), r('b-duckdb'))}`,
  ];
  console.log(lines.join('\n'));
  if (lines.some((l) => l.includes('DIFFERENT'))) process.exitCode = 1;
}

await main();
