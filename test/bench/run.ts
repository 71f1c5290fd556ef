// Runs every benchmark in this folder, one after another, each in its own
// process (so peak memory is per benchmark), and prints their tables.
// Run: npx --yes pnpm@10 bench            (all)
//      npx --yes pnpm@10 bench rfm clv    (some)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')));
let failed = 0;
for (const file of benches) {
  console.log(`\n# ${file}\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=source', join(here, file)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`\n${file} exited with ${run.status ?? run.signal}`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
