import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root, for reading pages and sources. */
export const repoRoot = resolve(import.meta.dirname, '../..');

const coreUrl = pathToFileURL(join(repoRoot, 'packages/core/src/index.ts')).href;
// Examples may import core's own dependencies (zod): resolve them as core does.
const fromCore = createRequire(join(repoRoot, 'packages/core/package.json'));
const zodUrl = pathToFileURL(fromCore.resolve('zod')).href.replace(/index\.cjs$/, 'index.js');
const scratch = mkdtempSync(join(tmpdir(), 'mk-examples-'));

/** One `expr;` + `//=> expected` pair found in an example, with both values. */
export interface ExampleCheck {
  readonly expression: string;
  readonly actual: unknown;
  readonly expected: unknown;
}

/**
 * Runs example code (a docs page's ```ts blocks or a TSDoc `@example`) as an
 * ES module importing `@memberkit/core` from source, and returns every
 * `//=> value` line paired with the value of the single-line statement just
 * above it, for the caller to compare.
 */
export async function runCheckedExample(source: string, name: string): Promise<{ checks: ExampleCheck[]; expected: number }> {
  const lines = source
    .replace(/from '@memberkit\/core'/g, `from '${coreUrl}'`)
    .replace(/from 'zod'/g, `from '${zodUrl}'`)
    .split('\n');
  let expected = 0;
  for (let i = 1; i < lines.length; i++) {
    const m = /^\s*\/\/=> (.*)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const prev = (lines[i - 1] ?? '').replace(/;\s*(\/\/.*)?$/, '');
    lines[i - 1] = `__checks.push({ expression: ${JSON.stringify(prev.trim())}, actual: ${prev}, expected: ${m[1]} });`;
    lines[i] = '';
    expected++;
  }
  const file = join(scratch, `${name.replace(/[^\w-]/g, '_')}.ts`);
  writeFileSync(file, `export const __checks: { expression: string; actual: unknown; expected: unknown }[] = [];\n${lines.join('\n')}`);
  const mod = (await import(pathToFileURL(file).href)) as { __checks: ExampleCheck[] };
  return { checks: mod.__checks, expected };
}

/**
 * Replaces numbers in `actual` that agree with `expected` to 12 significant
 * digits by the expected ones, so an example may print a result the way a
 * person writes it (0.0833…) while every other difference still fails.
 */
export function alignNumbers(actual: unknown, expected: unknown): unknown {
  if (typeof actual === 'number' && typeof expected === 'number') {
    return Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)) ? expected : actual;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) return actual.map((a, i) => alignNumbers(a, expected[i]));
  if (actual !== null && expected !== null && typeof actual === 'object' && typeof expected === 'object' && Object.getPrototypeOf(actual) === Object.prototype) {
    return Object.fromEntries(Object.entries(actual).map(([k, v]) => [k, alignNumbers(v, (expected as Record<string, unknown>)[k])]));
  }
  return actual;
}
