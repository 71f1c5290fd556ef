import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCheckedExample } from './checkedExamples.ts';

// Each ```ts block of docs/events.md runs on its own (blocks reuse names like
// `caught`), and every `//=> value` line in it is checked.
const page = readFileSync(join(repoRoot, 'docs/events.md'), 'utf8');
const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('docs/events.md', () => {
  it('has checked examples', () => expect(blocks.length).toBeGreaterThanOrEqual(7));
  blocks.forEach((block, index) => {
    it(`block ${index + 1}: every //=> holds`, async () => {
      const { checks, expected } = await runCheckedExample(block, `docs-events-${index + 1}`);
      expect(expected).toBeGreaterThan(0);
      expect(checks).toHaveLength(expected);
      for (const c of checks) expect(c.actual, c.expression).toEqual(c.expected);
    });
  });
});
