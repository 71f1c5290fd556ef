import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignNumbers, repoRoot, runCheckedExample } from './checkedExamples.ts';

// Each ```ts block of the page runs as its own module (the blocks reuse short
// names such as `orders`), and every `//=> value` line is checked against the
// statement above it, so the page cannot drift from the code.
const page = readFileSync(join(repoRoot, 'docs/analytics.md'), 'utf8');
const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('docs/analytics.md', () => {
  it('has its examples', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  blocks.forEach((block, i) => {
    const title = (block.split('\n').find((l) => l.startsWith('// ')) ?? `block ${i + 1}`).slice(3);
    it(`${i + 1}: ${title}`, async () => {
      const { checks, expected } = await runCheckedExample(block, `docs-analytics-${i + 1}`);
      expect(expected).toBeGreaterThan(0);
      expect(checks).toHaveLength(expected);
      for (const c of checks) expect(alignNumbers(c.actual, c.expected), c.expression).toEqual(c.expected);
    });
  });
});
