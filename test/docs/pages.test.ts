import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignNumbers, repoRoot, runCheckedExample } from './checkedExamples.ts';

// Each docs page's ```ts blocks run, and every `//=> value` line is checked
// against the statement above it, so no page can drift from the code.
// 'script' pages read as one program (later blocks use earlier names);
// 'blocks' pages reuse short names, so each block runs as its own module.
// loyalty.md, report.md and tracker.md need more than this and have their own tests.
const pages = [
  { page: 'analytics.md', mode: 'blocks', minChecks: 10 },
  { page: 'clv.md', mode: 'script', minChecks: 20 },
  { page: 'coupons.md', mode: 'script', minChecks: 20 },
  { page: 'events.md', mode: 'blocks', minChecks: 7 },
  { page: 'profiles.md', mode: 'script', minChecks: 15 },
  { page: 'rfm.md', mode: 'script', minChecks: 20 },
] as const;

for (const { page, mode, minChecks } of pages) {
  describe(`docs/${page}`, () => {
    const blocks = [...readFileSync(join(repoRoot, 'docs', page), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    const units = mode === 'script' ? [blocks.join('\n')] : blocks;
    let total = 0;
    units.forEach((code, i) => {
      const title = mode === 'script' ? 'the page as one script' : `block ${i + 1}: ${(code.split('\n').find((l) => l.startsWith('// ')) ?? '').slice(3)}`;
      it(title, async () => {
        const { checks, expected } = await runCheckedExample(code, `docs-${page.replace('.md', '')}-${i + 1}`);
        expect(expected, 'a block without a checked line proves nothing').toBeGreaterThan(0);
        expect(checks).toHaveLength(expected);
        total += expected;
        for (const c of checks) expect(alignNumbers(c.actual, c.expected), c.expression).toEqual(c.expected);
      });
    });
    it(`has at least ${minChecks} checked lines`, () => expect(total).toBeGreaterThanOrEqual(minChecks));
  });
}
