import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCheckedExample } from './checkedExamples.ts';

// The page runs as one script: its ```ts blocks in order, every `//=>` checked.
describe('docs/clv.md', () => {
  it('every `//=>` on the page holds', async () => {
    const page = readFileSync(join(repoRoot, 'docs/clv.md'), 'utf8');
    const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    const { checks, expected } = await runCheckedExample(blocks.join('\n'), 'docs-clv');
    expect(expected).toBeGreaterThan(20);
    expect(checks).toHaveLength(expected);
    for (const c of checks) expect(c.actual, c.expression).toEqual(c.expected);
  });
});
