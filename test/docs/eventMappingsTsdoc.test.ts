import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCheckedExample } from './checkedExamples.ts';

// Every TSDoc `@example` of the event-mapping files that imports from
// '@memberkit/core' runs, and its `//=>` lines hold.
const files = ['segmentEventNames', 'ga4EventNames', 'toSegmentMessage', 'fromSegmentMessage', 'toGa4Event', 'fromGa4Event'].map((f) => `packages/core/src/events/${f}.ts`);
const examples = files.flatMap((file) =>
  [...readFileSync(join(repoRoot, file), 'utf8').matchAll(/@example\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)].map((m, i) => ({
    name: `${file.split('/').pop()}#${i + 1}`,
    code: (m[1] ?? '').replace(/^\s*\* ?/gm, ''),
  })),
);

describe('event mapping TSDoc examples', () => {
  it('finds them', () => expect(examples.length).toBeGreaterThanOrEqual(15));
  for (const ex of examples.filter((e) => e.code.includes("from '@memberkit/core'") && e.code.includes('//=>'))) {
    it(ex.name, async () => {
      const { checks, expected } = await runCheckedExample(ex.code, ex.name);
      expect(checks).toHaveLength(expected);
      for (const c of checks) expect(c.actual, c.expression).toEqual(c.expected);
    });
  }
});
