// `pnpm bench:loyalty:runs` — the loyalty benchmark's headline as the issue judges it: the median
// of several runs, each in a fresh process with no warm-up and no V8 flags. One run says little
// on a shared machine (the same code gave 167,000–212,000 one-kind writes per second in one day),
// so this runs `loyalty.bench.ts` N times in a row and prints each run's figures and the median.
//   npx --yes pnpm@10 bench:loyalty:runs                      (5 runs)
//   npx --yes pnpm@10 bench:loyalty:runs --runs 10 --pause 90  (10 runs, 90 s apart)
//   add --quick for 5,000 members (a smoke test of this script, not a figure)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { loyaltyRunFigures, type LoyaltyRunFigures } from './loyaltyRunFigures.ts';
import { median } from './median.ts';

const TARGET = 200_000;
const args = process.argv.slice(2);

function option(name: string, fallback: number, min: number, max: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`${name} takes a whole number from ${min} to ${max}, got ${args[i + 1] ?? 'nothing'}`);
    process.exit(2);
  }
  return value;
}

const runs = option('--runs', 5, 1, 100);
const pauseSeconds = option('--pause', 0, 0, 3600);
const quick = args.includes('--quick');
const bench = join(dirname(fileURLToPath(import.meta.url)), 'loyalty.bench.ts');
const n = (x: number) => Math.round(x).toLocaleString('en');

console.log(`# Loyalty benchmark: ${runs} fresh process(es)${quick ? ' (--quick: 5,000 members)' : ''}, node ${process.version}\n`);
console.log('| run | one-kind writes/s | peer writes/s | ratio to peer | Map.set µs | JSON.stringify µs |');
console.log('|---:|---:|---:|---:|---:|---:|');
const all: LoyaltyRunFigures[] = [];
for (let i = 1; i <= runs; i++) {
  if (i > 1 && pauseSeconds > 0) await sleep(pauseSeconds * 1000);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=source', bench, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    console.error(`run ${i} exited with ${run.status ?? run.signal}:\n${run.stderr.slice(-2000)}`);
    process.exit(1);
  }
  const f = loyaltyRunFigures(run.stdout);
  all.push(f);
  console.log(`| ${i} | ${n(f.writesPerSecond)} | ${n(f.peerWritesPerSecond)} | ${(f.writesPerSecond / f.peerWritesPerSecond).toFixed(2)} | ${f.mapSetMicros.toFixed(2)} | ${f.jsonMicros.toFixed(2)} |`);
}

const rates = all.map((f) => f.writesPerSecond);
const reached = rates.filter((r) => r >= TARGET).length;
// The target is for 100,000 members: a --quick run (5,000, mostly before V8 has optimised the engine) is not held to it.
const verdict = quick ? '' : `; ${reached} of ${runs} reached the target of ${n(TARGET)}`;
console.log(`\nOne-kind writes over ${runs} run(s): ${n(Math.min(...rates))} – ${n(Math.max(...rates))}, median **${n(median(rates))}**${verdict}.`);
console.log(`Ratio to the hand-rolled peer: median ${median(all.map((f) => f.writesPerSecond / f.peerWritesPerSecond)).toFixed(2)}.`);
if (runs >= 4) {
  // The calibration line tracks the machine's spell: split the runs at its median to show how much.
  const cut = median(all.map((f) => f.mapSetMicros));
  const fast = all.filter((f) => f.mapSetMicros <= cut).map((f) => f.writesPerSecond);
  const slow = all.filter((f) => f.mapSetMicros > cut).map((f) => f.writesPerSecond);
  if (slow.length > 0) console.log(`Runs whose Map.set line read ≤ ${cut.toFixed(2)} µs: median ${n(median(fast))} (${fast.length}); slower ones: median ${n(median(slow))} (${slow.length}).`);
}
