import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './checkedExamples.ts';
import { tsdocExamples } from './tsdocExamples.ts';

// Every TSDoc example compiles against the package's source types: a reader
// who copies one gets no type error. Running them is tsdocExamples.test.ts's
// job; this also covers the type-only sketches (`declare const x: T`).
const packages = ['core'];

// '@memberkit/<pkg>[/sub]' → that package's source file, from its exports map.
function paths(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pkg of packages) {
    const dir = join(repoRoot, 'packages', pkg);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; exports: Record<string, { source?: string } | string> };
    for (const [sub, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'object' && target.source) out[manifest.name + sub.slice(1)] = [join(dir, target.source)];
    }
  }
  return out;
}

describe('TSDoc examples typecheck', () => {
  it('every example of core compiles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk-tsdoc-types-'));
    let count = 0;
    for (const pkg of packages) {
      for (const ex of tsdocExamples(pkg)) {
        // runtime URLs back to paths; `export {}` makes each file its own module
        const code = ex.code.replace(/from '(file:[^']+)'/g, (_, url: string) => `from '${fileURLToPath(url)}'`);
        writeFileSync(join(dir, `${pkg}-${ex.name.replace(/\W/g, '_')}.ts`), `${code}\nexport {};\n`);
        count++;
      }
    }
    const zod = join(repoRoot, 'packages/core/node_modules/zod');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: join(repoRoot, 'tsconfig.base.json'),
        compilerOptions: {
          noEmit: true,
          // examples index arrays as a reader does; strict otherwise
          noUncheckedIndexedAccess: false,
          noUnusedLocals: false,
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          typeRoots: [join(repoRoot, 'node_modules/@types')],
          paths: { ...paths(), zod: [zod] },
        },
        include: ['*.ts'],
      }),
    );
    expect(count).toBeGreaterThan(400);
    let output = '';
    try {
      execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output.split('\n').filter((l) => l.includes('error TS'))).toEqual([]);
  }, 120_000);
});
