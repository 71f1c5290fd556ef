import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the ```ts blocks of docs/coupons.md, in order, as one module and checks each
// `//=> value` line against the statement just above it, so the page cannot
// drift from the code.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const page = readFileSync(join(root, 'docs/coupons.md'), 'utf8');
const core = pathToFileURL(join(root, 'packages/core/src/index.ts')).href;
const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const dir = mkdtempSync(join(tmpdir(), 'mk-docs-coupons-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Turns `expr;` followed by `//=> value` into a recorded check. */
function toModule(source: string): { code: string; checks: number } {
  const lines = source.replace(/from '@memberkit\/core'/g, `from '${core}'`).split('\n');
  let checks = 0;
  for (let i = 1; i < lines.length; i++) {
    const m = /^\/\/=> (.*)$/.exec(lines[i] ?? '');
    if (!m) continue;
    const prev = (lines[i - 1] ?? '').replace(/;\s*(\/\/.*)?$/, '');
    lines[i - 1] = `__checks.push([${JSON.stringify(prev)}, ${prev}, ${m[1]}]);`;
    lines[i] = '';
    checks++;
  }
  return { code: `export const __checks: [string, unknown, unknown][] = [];\n${lines.join('\n')}`, checks };
}

describe('docs/coupons.md examples', () => {
  // The page reads as one script: later blocks use what earlier ones set up.
  it('every `//=>` on the page holds', async () => {
    const { code, checks } = toModule(blocks.join('\n'));
    expect(checks).toBeGreaterThan(20);
    const file = join(dir, 'coupons.ts');
    writeFileSync(file, code);
    const mod = (await import(pathToFileURL(file).href)) as { __checks: [string, unknown, unknown][] };
    expect(mod.__checks).toHaveLength(checks);
    for (const [expr, actual, expected] of mod.__checks) expect(actual, expr).toEqual(expected);
  });
});
