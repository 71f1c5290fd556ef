// CLV fitting benchmark: memberkit's BTYD fitters side by side with a
// numpy/scipy fit done the way lifetimes does it (test/bench/clv/scipyFits.py),
// on the full CDNOW cohort and on a simulated 1,000,000-customer population.
// Run: npx tsx --conditions=source test/bench/clv.bench.ts [--quick]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  fitBgNbd,
  fitModifiedBgNbd,
  fitParetoNbd,
  seededRandom,
  simulateBgNbd,
  summarizeCustomers,
  type CustomerRow,
  type CustomerTransaction,
  type TransactionModel,
} from '@memberkit/core';
import { median } from './median.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const quick = process.argv.includes('--quick');
const runs = quick ? 1 : 5;

/** ../shared/data beside the repository (a worktree sits one level deeper, so look there too). */
function dataFile(name: string): string | undefined {
  const candidates = [process.env['MEMBERKIT_DATA'], join(repo, '../shared/data'), join(repo, '../../shared/data')].filter((d): d is string => !!d);
  return candidates.map((d) => join(d, name)).find((p) => existsSync(p));
}

function readCdnowMaster(path: string): CustomerTransaction[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: CustomerTransaction[] = [];
  for (let i = 1; i < lines.length; i++) {
    const parts = lines[i]!.trim().split(/\s+/);
    if (parts.length < 4) continue;
    const d = parts[1]!;
    out.push({
      customerId: parts[0]!,
      at: Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8))),
      amount: Math.round(Number(parts[3]) * 100),
    });
  }
  return out;
}

type Fitter = (rows: Iterable<CustomerRow>) => TransactionModel<Record<string, number>>;
const MODELS: { key: string; name: string; fit: Fitter; start: (rows: CustomerRow[]) => number[] }[] = [
  { key: 'bg_nbd', name: 'BG/NBD', fit: fitBgNbd as unknown as Fitter, start: (rows) => [1, meanT(rows), 1, 1] },
  { key: 'mbg_nbd', name: 'MBG/NBD', fit: fitModifiedBgNbd as unknown as Fitter, start: (rows) => [1, meanT(rows), 1, 1] },
  { key: 'pareto_nbd', name: 'Pareto/NBD', fit: fitParetoNbd as unknown as Fitter, start: (rows) => [1, meanT(rows), 1, meanT(rows)] },
];
function meanT(rows: CustomerRow[]): number {
  return rows.reduce((s, r) => s + r.T, 0) / rows.length;
}

interface PeerResult {
  model: string;
  seconds: number;
  ll: number;
  success: boolean;
  message: string;
  rss_mb: number;
}

function pythonAvailable(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import numpy, scipy; print(numpy.__version__, scipy.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  return probe.stdout.trim();
}

function runPeer(rows: CustomerRow[], models: typeof MODELS, peerRuns: number): Map<string, PeerResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mk-clv-'));
  try {
    const csv = join(dir, 'rows.csv');
    writeFileSync(csv, rows.map((r) => `${r.frequency},${r.recency},${r.T}`).join('\n'));
    const starts = join(dir, 'starts.json');
    writeFileSync(starts, JSON.stringify(Object.fromEntries(models.map((m) => [m.key === 'mbg_nbd' ? 'mbg_nbd' : m.key, m.start(rows)]))));
    const result = spawnSync('python3', [join(here, 'clv/scipyFits.py'), csv, models.map((m) => m.key).join(','), starts, String(peerRuns)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (result.status !== 0) console.log(`numpy/scipy peer failed: ${result.stderr.trim().split('\n').slice(-1)[0]}\n`);
    const out = result.stdout;
    return new Map(
      out
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as PeerResult)
        .map((r) => [r.model, r]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rowsOut: string[] = [];
function report(dataset: string, customers: number, name: string, seconds: number, ll: number, patterns: number, peer: PeerResult | string | undefined): void {
  const peerCell = typeof peer === 'object' ? `${peer.seconds.toFixed(3)} s` : (peer ?? 'n/a');
  const ratio = typeof peer === 'object' ? `${(seconds / peer.seconds).toFixed(3)}×` : '–';
  const rss = `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} / ${typeof peer === 'object' ? peer.rss_mb.toFixed(0) : '–'} MB`;
  const dLL = typeof peer === 'object' ? (ll - peer.ll).toExponential(1) : '–';
  const peerLL = typeof peer === 'object' ? peer.ll.toFixed(4) + (peer.success ? '' : ` (${peer.message})`) : '–';
  rowsOut.push(
    `| ${dataset} | ${customers.toLocaleString('en')} | ${patterns.toLocaleString('en')} | ${name} | ${seconds.toFixed(3)} s | ${peerCell} | ${ratio} | ${ll.toFixed(4)} | ${peerLL} | ${dLL} | ${rss} |`,
  );
}

function bench(dataset: string, rows: CustomerRow[], models: typeof MODELS, peerModels: string[], peerRuns: number, why: string | undefined): void {
  const peer = why === undefined && peerModels.length > 0 ? runPeer(rows, models.filter((m) => peerModels.includes(m.key)), peerRuns) : new Map<string, PeerResult>();
  for (const m of models) {
    const times: number[] = [];
    // One untimed warm-up so the median measures the fit, not V8 compiling it.
    let model: TransactionModel<Record<string, number>> | undefined = m.fit(rows);
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      model = m.fit(rows);
      times.push((performance.now() - t0) / 1000);
    }
    const p = peer.get(m.key) ?? (why ?? (peerModels.includes(m.key) ? 'failed' : 'skipped (see note)'));
    report(dataset, rows.length, m.name, median(times), model!.logLikelihood, model!.diagnostics!.patterns, p);
  }
}

const versions = pythonAvailable();
const why = versions === undefined ? 'python3 with numpy and scipy not found' : undefined;
console.log(`# CLV fits: memberkit vs numpy/scipy BFGS (lifetimes' method)\n`);
console.log(`node ${process.version}; ${versions === undefined ? why : `numpy ${versions.split(' ')[0]}, scipy ${versions.split(' ')[1]}`}; median of ${runs} run(s) each side after one untimed warm-up, timed in-process.\n`);

const master = dataFile('CDNOW_master.txt');
if (master === undefined) {
  console.log('CDNOW_master.txt not found under ../shared/data (set MEMBERKIT_DATA): skipping the CDNOW cohort.\n');
} else {
  const t0 = performance.now();
  const summary = summarizeCustomers(readCdnowMaster(master), { calibrationEnd: Date.UTC(1997, 8, 30), unit: 'week', observationEnd: Date.UTC(1998, 5, 30) });
  console.log(`summarizeCustomers on CDNOW_master.txt (69,659 transactions): ${((performance.now() - t0) / 1000).toFixed(3)} s, ${summary.length} customers.\n`);
  bench('CDNOW full cohort', summary, MODELS, ['bg_nbd', 'mbg_nbd', 'pareto_nbd'], runs, why);
}

const size = quick ? 100_000 : 1_000_000;
const t1 = performance.now();
// Customers join over 12 weeks and are observed to week 39, on a daily grid (weeks = days / 7).
const population = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: size, T: (i) => 39 - (i % 84) / 7, timeStep: 1 / 7, random: seededRandom(2024) });
console.log(`simulateBgNbd: ${size.toLocaleString('en')} customers in ${((performance.now() - t1) / 1000).toFixed(2)} s.\n`);
bench(`simulated`, population, MODELS, ['bg_nbd', 'mbg_nbd'], 1, why);

console.log('| data | customers | patterns | model | memberkit | numpy/scipy | ratio | memberkit LL | scipy LL | ΔLL | peak RSS so far (memberkit / python) |');
console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const line of rowsOut) console.log(line);
console.log(`\nTimes include compressing the rows to patterns and the standard errors (Hessian). The memberkit process also holds the`);
console.log('raw CDNOW log and the 1M simulated rows, so its RSS is an upper bound for the fits.');
console.log('scipy Pareto/NBD on the simulated population is skipped: its finite-difference BFGS over 1M hyp2f1 calls per evaluation takes minutes.');
