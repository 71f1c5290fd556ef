import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignNumbers, repoRoot, runCheckedExample } from './checkedExamples.ts';

// docs/loyalty.md shows the example files verbatim (examples/loyalty.test.ts runs them and
// asserts the figures the page quotes); every other ```ts block runs here with its `//=>` checked.
describe('docs/loyalty.md', () => {
  const page = readFileSync(join(repoRoot, 'docs/loyalty.md'), 'utf8');
  const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').trimEnd());
  const files = ['quickStart', 'partialRefundAfterRedemption', 'tierDowngradeWithGrace'].map((n) => readFileSync(join(repoRoot, `examples/loyalty/${n}.ts`), 'utf8').trimEnd());

  it('shows each example file exactly as it is tested', () => {
    for (const f of files) expect(blocks).toContain(f);
  });

  it('every `//=>` in the other blocks holds', async () => {
    const others = blocks.filter((b) => !files.includes(b));
    let total = 0;
    for (const [i, block] of others.entries()) {
      const { checks, expected } = await runCheckedExample(block, `docs-loyalty-${i}`);
      expect(checks).toHaveLength(expected);
      total += expected;
      for (const c of checks) expect(alignNumbers(c.actual, c.expected), c.expression).toEqual(c.expected);
    }
    expect(total).toBeGreaterThan(0);
  });
});
