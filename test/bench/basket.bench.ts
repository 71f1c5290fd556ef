// Association rules on Groceries (support 0.001, confidence 0.8), memberkit side
// by side with the npm packages a user would find. Every tool runs in its own
// plain-Node child process (fair peak RSS without the tsx loader's ~35 MB, and
// a hung peer can be stopped) with a time cap: this file is bundled once with
// esbuild and the bundle is started once per tool.
//
//   npx tsx --conditions=source test/bench/basket.bench.ts [--cap=60]
//
// Not a timed test: it prints a markdown table and exits 0.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { associationRules } from '@memberkit/core';
import { build } from 'esbuild';

const MIN_SUPPORT = 0.001;
const MIN_CONFIDENCE = 0.8;
const EXPECTED_RULES = 410; // arules apriori(Groceries, support = 0.001, confidence = 0.8)
const here = fileURLToPath(import.meta.url);
const root = new URL('../../', import.meta.url);
// The bundle lives elsewhere, so a worker is told where the data is.
const fixture = process.argv.find((a) => a.startsWith('--data='))?.slice(7) ?? fileURLToPath(new URL('packages/core/test/fixtures/groceries.csv', root));
// Inside the repository so that the bundle resolves the peers from node_modules.
const bundle = fileURLToPath(new URL('node_modules/.cache/memberkit-bench/basket.bench.mjs', root));
const PEERS = ['node-fpgrowth', 'node-apriori', 'apriori'];

interface WorkerResult {
  /** ms of the first call in a fresh process (parse excluded), JIT warm-up included. */
  firstMs: number;
  /** median ms of repeated calls, when the tool was fast enough to repeat. */
  warmMs?: number;
  rules?: number;
  itemsets?: number;
  maxRssMb: number;
  baseRssMb: number;
}

function loadBaskets(): string[][] {
  const lines = readFileSync(fixture, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split(','));
}

const rssMb = (): number => process.memoryUsage().rss / 2 ** 20;
const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

async function timeIt<T>(f: () => T | Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await f();
  return [performance.now() - t0, out];
}

const workers: Record<string, (baskets: string[][]) => Promise<Omit<WorkerResult, 'maxRssMb' | 'baseRssMb'>>> = {
  async memberkit(baskets) {
    const run = (): ReturnType<typeof associationRules> => associationRules(baskets, { minSupport: MIN_SUPPORT, minConfidence: MIN_CONFIDENCE });
    const [firstMs, first] = await timeIt(run);
    peakAfterFirst = maxRssMb(); // one call's peak, before the repeats add garbage
    const times: number[] = [];
    for (let i = 0; i < 15; i++) times.push((await timeIt(run))[0]);
    times.sort((a, b) => a - b);
    return { firstMs, warmMs: times[times.length >> 1]!, rules: first.rules.length, itemsets: first.itemsetCount };
  },
  async 'node-fpgrowth'(baskets) {
    const { FPGrowth } = await import('node-fpgrowth');
    const [firstMs, itemsets] = await timeIt(() => new FPGrowth<string>(MIN_SUPPORT).exec(baskets));
    return { firstMs, itemsets: itemsets.length };
  },
  async 'node-apriori'(baskets) {
    const { Apriori } = await import('node-apriori');
    const [firstMs, result] = await timeIt(() => new Apriori<string>(MIN_SUPPORT).exec(baskets));
    return { firstMs, itemsets: result.itemsets.length };
  },
  async apriori(baskets) {
    const lib = createRequire(import.meta.url)('apriori') as {
      Algorithm: new (s: number, c: number, debug: boolean) => { analyze(t: string[][]): { associationRules: unknown[]; frequentItemSets: Record<string, unknown[]> } };
    };
    const [firstMs, result] = await timeIt(() => new lib.Algorithm(MIN_SUPPORT, MIN_CONFIDENCE, false).analyze(baskets));
    const itemsets = Object.values(result.frequentItemSets).reduce((s, l) => s + l.length, 0);
    return { firstMs, rules: result.associationRules.length, itemsets };
  },
};

let peakAfterFirst: number | undefined;

async function worker(name: string): Promise<void> {
  const baskets = loadBaskets();
  const baseRssMb = rssMb();
  const out = await workers[name]!(baskets);
  process.stdout.write(`${JSON.stringify({ ...out, baseRssMb, maxRssMb: peakAfterFirst ?? maxRssMb() } satisfies WorkerResult)}\n`);
}

/** Peak RSS of a running child from /proc (Linux), read just before a capped child is stopped. */
function peakOf(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function runChild(name: string, capSeconds: number): Promise<WorkerResult | { timedOut: true; peakMb?: number } | { failed: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, `--worker=${name}`, `--data=${fixture}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let timedOut = false;
    let peakMb: number | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      peakMb = peakOf(child.pid);
      child.kill('SIGKILL');
    }, capSeconds * 1000);
    child.on('close', () => {
      clearTimeout(timer);
      if (timedOut) return resolve({ timedOut: true, ...(peakMb === undefined ? {} : { peakMb }) });
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as WorkerResult);
      } catch {
        resolve({ failed: (err.trim().split('\n').pop() ?? 'no output').slice(0, 120) });
      }
    });
  });
}

async function main(): Promise<void> {
  const capArg = process.argv.find((a) => a.startsWith('--cap='));
  const cap = capArg ? Number(capArg.slice(6)) : 60;
  const n = loadBaskets().length;
  await build({ entryPoints: [here], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', conditions: ['source'], external: [...PEERS, 'esbuild'], logLevel: 'warning' });
  console.log(`Groceries: ${n} baskets; support ${MIN_SUPPORT}, confidence ${MIN_CONFIDENCE}; arules finds ${EXPECTED_RULES} rules. Node ${process.version}, cap ${cap} s per tool.`);
  // Times are wall clock: on a shared machine they grow with its load, so say what it was.
  console.log(`Machine: ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)} at start.\n`);
  console.log('| tool | first call | warm (median of 15) | time / memberkit first call | rules | frequent itemsets | correct | peak RSS (process) |');
  console.log('|---|---:|---:|---:|---:|---:|---|---:|');
  let memberkitItemsets: number | undefined;
  let memberkitMs: number | undefined;
  for (const name of Object.keys(workers)) {
    const r = await runChild(name, cap);
    if ('timedOut' in r) {
      const ratio = memberkitMs === undefined ? '—' : `> ${((cap * 1000) / memberkitMs).toFixed(0)}×`;
      console.log(`| ${name} | did not finish in ${cap} s | — | ${ratio} | — | — | — | ${r.peakMb === undefined ? '—' : `≥ ${r.peakMb.toFixed(0)} MB`} |`);
      continue;
    }
    if ('failed' in r) {
      console.log(`| ${name} | failed: ${r.failed} | — | — | — | — | — | — |`);
      continue;
    }
    if (name === 'memberkit') {
      memberkitItemsets = r.itemsets;
      memberkitMs = r.firstMs;
    }
    const checks: string[] = [];
    if (r.rules !== undefined) checks.push(r.rules === EXPECTED_RULES ? 'rules ✓' : `rules ✗ (${r.rules} ≠ ${EXPECTED_RULES})`);
    if (r.itemsets !== undefined && memberkitItemsets !== undefined && name !== 'memberkit') {
      checks.push(r.itemsets === memberkitItemsets ? 'itemsets ✓' : `itemsets ✗ (${r.itemsets} ≠ ${memberkitItemsets})`);
    }
    if (r.rules === undefined) checks.push('no rules (itemsets only)');
    const s = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
    console.log(
      `| ${name} | ${s(r.firstMs)} | ${r.warmMs === undefined ? '—' : s(r.warmMs)} | ${memberkitMs === undefined ? '—' : `${(r.firstMs / memberkitMs).toFixed(1)}×`} | ${r.rules ?? '—'} | ${r.itemsets ?? '—'} | ${checks.join(', ')} | ${r.maxRssMb.toFixed(0)} MB (${r.baseRssMb.toFixed(0)} MB before mining) |`,
    );
  }
  console.log('\nTimes exclude reading the CSV. Peak RSS is the whole plain-Node process (memberkit: after its first call); "before mining" is its RSS with the data loaded.');
}

const workerArg = process.argv.find((a) => a.startsWith('--worker='));
await (workerArg ? worker(workerArg.slice(9)) : main());
