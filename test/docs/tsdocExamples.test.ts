import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

interface Manifest {
  exports: Record<string, { source?: string } | string>;
}

// Each entry point a package.json `exports` map lists, as its source file.
function entryFiles(pkg: string): string[] {
  const dir = join(repoRoot, 'packages', pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
  return Object.values(manifest.exports).flatMap((t) => (typeof t === 'object' && t.source ? [join(dir, t.source)] : []));
}

describe('public API', () => {
  for (const pkg of ['core', 'tracker', 'cli']) {
    it(`every export of @memberkit/${pkg}'s entry points has TSDoc with an @example`, () => {
      const missing: string[] = [];
      let checked = 0;
      for (const entry of entryFiles(pkg)) {
        const index = readFileSync(entry, 'utf8');
        for (const m of index.matchAll(/export (?:type )?\{([^}]*)\} from '(\.[^']+)'/g)) {
          const file = join(dirname(entry), m[2]!);
          const source = readFileSync(file, 'utf8');
          for (const raw of m[1]!.split(',')) {
            const name = raw.replace(/^\s*type\s+/, '').trim().split(/\s+as\s+/)[0]!;
            if (!name) continue;
            const decl = new RegExp(`^export (?:declare )?(?:async )?(?:function\\*? |const |class |interface |type |enum |abstract class )${name}\\b`, 'm').exec(source);
            if (!decl) continue; // re-exported from elsewhere: checked at its own declaration
            checked++;
            const before = source.slice(0, decl.index).trimEnd();
            const doc = before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : '';
            if (!doc.includes('@example')) missing.push(`${relative(join(repoRoot, 'packages', pkg, 'src'), file)}: ${name}`);
          }
        }
      }
      expect(checked).toBeGreaterThan(10);
      expect(missing).toEqual([]);
    });
  }
});
