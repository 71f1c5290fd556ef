import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './checkedExamples.ts';
import { entryPoints, manifestOf, tsdocExamples } from './tsdocExamples.ts';

// Every TSDoc example compiles against the package's source types: a reader
// who copies one gets no type error. Running them is tsdocExamples.test.ts's
// job; this also covers the type-only sketches (`declare const x: T`).
const packages = ['core', 'tracker', 'cli'];
// Fewest examples each holds today: a broken extractor must not pass vacuously.
const minimum: Record<string, number> = { core: 400, tracker: 65, cli: 75 };

// '@memberkit/<pkg>[/sub]' → that package's source file, from its exports map;
// any other package an example imports (zod, echarts, web-vitals: an optional
// peer the tracker installs as a devDependency) → the copy in the node_modules
// of the package that depends on it.
function paths(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pkg of packages) {
    for (const [specifier, file] of Object.entries(entryPoints(pkg))) out[specifier] = [file];
    const manifest = manifestOf(pkg);
    const modules = join(repoRoot, 'packages', pkg, 'node_modules');
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (!dep.startsWith('@memberkit/') && existsSync(join(modules, dep))) out[dep] ??= [join(modules, dep)];
    }
  }
  return out;
}

describe('TSDoc examples typecheck', () => {
  it(`every example of ${packages.join(', ')} compiles`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk-tsdoc-types-'));
    const counts: Record<string, number> = {};
    for (const pkg of packages) {
      const examples = tsdocExamples(pkg);
      counts[pkg] = examples.length;
      for (const ex of examples) {
        // runtime URLs back to paths; `export {}` makes each file its own module
        const code = ex.code.replace(/from '(file:[^']+)'/g, (_, url: string) => `from '${fileURLToPath(url)}'`);
        writeFileSync(join(dir, `${pkg}-${ex.name.replace(/\W/g, '_')}.ts`), `${code}\nexport {};\n`);
      }
    }
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
          paths: paths(),
        },
        include: ['*.ts'],
      }),
    );
    for (const [pkg, least] of Object.entries(minimum)) expect(counts[pkg], pkg).toBeGreaterThanOrEqual(least);
    let output = '';
    try {
      execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output.split('\n').filter((l) => l.includes('error TS'))).toEqual([]);
  }, 120_000);
});
