import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignNumbers, repoRoot, runCheckedExample } from './checkedExamples.ts';

// Every TSDoc `@example` in packages/core/src/analytics is run (so it must at
// least execute), and each `//=> value` checked against the statement above it.
const root = join(repoRoot, 'packages/core/src/analytics');
const files = (readdirSync(root, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => join(root, f))
  .sort();

const examples = files.flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g)].map((m, i) => ({
    name: `${relative(root, file)}#${i + 1}`,
    // strip the comment gutter; relative imports become absolute so the example runs from anywhere
    code: m[1]!
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n')
      .replace(/from '(\.{1,2}\/[^']+)'/g, (_, rel: string) => `from '${pathToFileURL(resolve(dirname(file), rel)).href}'`),
  }));
});

describe('TSDoc examples of packages/core/src/analytics', () => {
  it('every source file has examples', () => {
    expect(examples.length).toBeGreaterThan(files.length);
  });

  for (const ex of examples) {
    it(ex.name, async () => {
      const { checks, expected } = await runCheckedExample(ex.code, `tsdoc-${ex.name}`);
      expect(checks).toHaveLength(expected);
      for (const c of checks) expect(alignNumbers(c.actual, c.expected), c.expression).toEqual(c.expected);
    });
  }
});
