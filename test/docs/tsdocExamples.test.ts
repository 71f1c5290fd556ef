import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignNumbers, repoRoot, runCheckedExample } from './checkedExamples.ts';
import { tsdocExamples } from './tsdocExamples.ts';

// Every TSDoc `@example` in @memberkit/core runs, and each `//=>` line in it
// holds: the examples are documentation a reader copies, so they are tested.
const examples = tsdocExamples('core');

describe('@memberkit/core TSDoc examples', () => {
  it('finds them', () => expect(examples.length).toBeGreaterThan(300));
  // `declare const x: T` sketches show types only; tsdocTypecheck compiles them
  for (const ex of examples.filter((e) => !/^declare /m.test(e.code))) {
    it(ex.name, async () => {
      const { checks, expected } = await runCheckedExample(ex.code, ex.name.replace(/[/#]/g, '-'));
      expect(checks).toHaveLength(expected);
      for (const c of checks) expect(alignNumbers(c.actual, c.expected), c.expression).toEqual(c.expected);
    });
  }
});

describe('@memberkit/core public API', () => {
  it('every export of src/index.ts has TSDoc with an @example', () => {
    const index = readFileSync(join(repoRoot, 'packages/core/src/index.ts'), 'utf8');
    const missing: string[] = [];
    for (const m of index.matchAll(/export (?:type )?\{([^}]*)\} from '(\.[^']+)'/g)) {
      const source = readFileSync(join(repoRoot, 'packages/core/src', m[2]!), 'utf8');
      for (const raw of m[1]!.split(',')) {
        const name = raw.replace(/^\s*type\s+/, '').trim().split(/\s+as\s+/)[0]!;
        if (!name) continue;
        const decl = new RegExp(`^export (?:declare )?(?:async )?(?:function\\*? |const |class |interface |type |enum |abstract class )${name}\\b`, 'm').exec(source);
        if (!decl) continue; // re-exported from elsewhere: checked at its own declaration
        const before = source.slice(0, decl.index).trimEnd();
        const doc = before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : '';
        if (!doc.includes('@example')) missing.push(`${m[2]}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
