import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCheckedExample } from './checkedExamples.ts';

// Every TSDoc `@example` of the CLV models and the numeric layer that imports
// from '@memberkit/core' runs, and its `//=>` lines hold.
const files = ['packages/core/src/clv', 'packages/core/src/math'].flatMap((dir) =>
  readdirSync(join(repoRoot, dir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f}`),
);
const examples = files.flatMap((file) =>
  [...readFileSync(join(repoRoot, file), 'utf8').matchAll(/@example\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)].map((m, i) => ({
    name: `${file.split('/').pop()}#${i + 1}`,
    code: (m[1] ?? '').replace(/^\s*\* ?/gm, ''),
  })),
);

describe('CLV and math TSDoc examples', () => {
  it('finds them', () => expect(examples.length).toBeGreaterThan(40));
  for (const ex of examples.filter((e) => e.code.includes("from '@memberkit/core'"))) {
    it(ex.name, async () => {
      const { checks, expected } = await runCheckedExample(ex.code, ex.name);
      expect(checks).toHaveLength(expected);
      for (const c of checks) expect(c.actual, c.expression).toEqual(c.expected);
    });
  }
});
