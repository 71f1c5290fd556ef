import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignNumbers, repoRoot, runCheckedExample } from './checkedExamples.ts';

// The page reads as one script: its ```ts blocks run in order as one module,
// and every `//=> value` line is checked, so the page cannot drift from the code.
describe('docs/coupons.md', () => {
  it('every `//=>` on the page holds', async () => {
    const page = readFileSync(join(repoRoot, 'docs/coupons.md'), 'utf8');
    const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    const { checks, expected } = await runCheckedExample(blocks.join('\n'), 'docs-coupons');
    expect(expected).toBeGreaterThan(20);
    expect(checks).toHaveLength(expected);
    for (const c of checks) expect(alignNumbers(c.actual, c.expected), c.expression).toEqual(c.expected);
  });
});
