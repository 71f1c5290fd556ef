import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignNumbers, repoRoot, runCheckedExample } from './checkedExamples.ts';

// Every TSDoc `@example` in @memberkit/core runs, and each `//=>` line in it
// holds: the examples are documentation a reader copies, so they are tested.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'fixtures' ? [] : sourceFiles(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sourceFiles(join(repoRoot, 'packages/core/src'));
const examples = files.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/@example\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)].map((m, i) => ({
    name: `${relative(join(repoRoot, 'packages/core/src'), file)}#${i + 1}`,
    code: (m[1] ?? '').replace(/^\s*\* ?/gm, ''),
  })),
);

describe('@memberkit/core TSDoc examples', () => {
  it('finds them', () => expect(examples.length).toBeGreaterThan(200));
  for (const ex of examples.filter((e) => e.code.includes("from '@memberkit/core'") && e.code.includes('//=>'))) {
    it(ex.name, async () => {
      const { checks, expected } = await runCheckedExample(ex.code, ex.name);
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
