import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignNumbers, repoRoot, runCheckedExample } from './checkedExamples.ts';

// The page runs as one script: its ```ts blocks in order, every `//=>` checked.
describe('docs/profiles.md', () => {
  it('every `//=>` on the page holds', async () => {
    const page = readFileSync(join(repoRoot, 'docs/profiles.md'), 'utf8');
    const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    const { checks, expected } = await runCheckedExample(blocks.join('\n'), 'docs-profiles');
    expect(expected).toBeGreaterThan(15);
    expect(checks).toHaveLength(expected);
    for (const c of checks) expect(alignNumbers(c.actual, c.expected), c.expression).toEqual(c.expected);
  });
});
