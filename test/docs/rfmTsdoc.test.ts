import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCheckedExample } from './checkedExamples.ts';

// Every TSDoc `@example` of the rfm area that imports from '@memberkit/core'
// runs, and its `//=>` lines hold. (Examples of internal helpers, which have
// no import, are checked by test/docs/rfmInternalExamples.test.ts.)
const dir = 'packages/core/src/rfm';
const examples = readdirSync(join(repoRoot, dir))
  // refreshRfm.ts belongs to the profile area and is covered by its own tests.
  .filter((f) => f !== 'refreshRfm.ts')
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .flatMap((file) =>
    [...readFileSync(join(repoRoot, dir, file), 'utf8').matchAll(/@example\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)].map((m, i) => ({
      name: `${file}#${i + 1}`,
      code: (m[1] ?? '').replace(/^\s*\* ?/gm, ''),
    })),
  );

describe('rfm TSDoc examples', () => {
  it('finds them', () => expect(examples.filter((e) => e.code.includes("from '@memberkit/core'")).length).toBeGreaterThan(15));
  for (const ex of examples.filter((e) => e.code.includes("from '@memberkit/core'"))) {
    it(ex.name, async () => {
      const { checks, expected } = await runCheckedExample(ex.code, `rfm-${ex.name}`);
      expect(checks).toHaveLength(expected);
      for (const c of checks) expect(c.actual, c.expression).toEqual(c.expected);
    });
  }
});
