import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './checkedExamples.ts';

/** One TSDoc `@example` block, its imports made absolute so it runs from anywhere. */
export interface TsdocExample {
  /** `area/file.ts#n`, relative to the package's src. */
  readonly name: string;
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'fixtures' ? [] : sourceFiles(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

// Examples of internal helpers import them relatively, or not at all (then the
// file's own value exports are in scope, as a reader of that file sees them).
function examplesOf(file: string, srcRoot: string): TsdocExample[] {
  const source = readFileSync(file, 'utf8');
  const own = [...source.matchAll(/^export (?:async )?(?:function\*?|class|const) (\w+)/gm)].map((m) => m[1]);
  return [...source.matchAll(/@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)].map((m, i) => {
    const code = (m[1] ?? '')
      .replace(/^\s*\* ?/gm, '')
      .replace(/from '(\.{1,2}\/[^']+)'/g, (_, rel: string) => `from '${pathToFileURL(resolve(dirname(file), rel)).href}'`);
    const header = /^\s*import /m.test(code) || own.length === 0 ? '' : `import { ${own.join(', ')} } from '${pathToFileURL(file).href}';\n`;
    return { name: `${relative(srcRoot, file)}#${i + 1}`, code: header + code };
  });
}

/** Every TSDoc example in `packages/<pkg>/src`, in file order. */
export function tsdocExamples(pkg: string): TsdocExample[] {
  const srcRoot = join(repoRoot, 'packages', pkg, 'src');
  return sourceFiles(srcRoot).flatMap((file) => examplesOf(file, srcRoot));
}

interface Manifest {
  readonly name: string;
  readonly exports: Record<string, { source?: string } | string>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

/** `packages/<pkg>/package.json`, with the fields the docs tests read. */
export function manifestOf(pkg: string): Manifest {
  return JSON.parse(readFileSync(join(repoRoot, 'packages', pkg, 'package.json'), 'utf8')) as Manifest;
}

/** Each `@memberkit/<pkg>[/sub]` specifier its exports map lists → that entry's source file. */
export function entryPoints(pkg: string): Record<string, string> {
  const manifest = manifestOf(pkg);
  const out: Record<string, string> = {};
  for (const [sub, target] of Object.entries(manifest.exports)) {
    if (typeof target === 'object' && target.source) out[manifest.name + sub.slice(1)] = join(repoRoot, 'packages', pkg, target.source);
  }
  return out;
}
