import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alignNumbers, repoRoot, runCheckedExample } from './checkedExamples.ts';
import { entryPoints, tsdocExamples } from './tsdocExamples.ts';

// Every TSDoc `@example` runs, and each `//=>` line in it holds: the examples
// are documentation a reader copies, so they are tested. `declare const x: T`
// sketches show types only; tsdocTypecheck compiles them (and all the rest).
const packages = ['core', 'tracker', 'cli'];

// '@memberkit/<pkg>[/sub]' → its source entry, so examples run without a build;
// paths into `examples/` are relative to the repository root, as a reader of
// the repository runs them.
const entryUrls = Object.fromEntries(packages.flatMap((pkg) => Object.entries(entryPoints(pkg)).map(([specifier, file]) => [specifier, pathToFileURL(file).href])));
function runnable(code: string): string {
  return code.replace(/from '(@memberkit\/[\w/-]+)'/g, (all, specifier: string) => (specifier === '@memberkit/core' ? all : `from '${entryUrls[specifier]}'`)).replace(/'examples\//g, `'${repoRoot}/examples/`);
}

// Core examples run whole. Tracker and cli examples run when they claim an
// output (`//=>`), except the tracker's browser-only ones (Web Locks,
// localStorage, IndexedDB, location): Node has none of those, so they are
// only compiled. The rest of the two (set-up snippets that open a tracker on
// `window` or write a report) are compiled only as well.
const browserOnly = /\b(?:navigator|localStorage|sessionStorage|indexedDB|idbQueue|location|document|window|history)\b/;
function runs(pkg: string, code: string): boolean {
  if (/^declare /m.test(code)) return false;
  if (pkg === 'core') return true;
  return /^\s*\/\/=> /m.test(code) && !(pkg === 'tracker' && browserOnly.test(code));
}
const minimum: Record<string, number> = { core: 300, tracker: 20, cli: 30 };

for (const pkg of packages) {
  const examples = tsdocExamples(pkg).filter((e) => runs(pkg, e.code));
  describe(`@memberkit/${pkg} TSDoc examples`, () => {
    it('finds them', () => expect(examples.length).toBeGreaterThanOrEqual(minimum[pkg] ?? 1));
    for (const ex of examples) {
      it(ex.name, async () => {
        const { checks, expected } = await runCheckedExample(runnable(ex.code), `${pkg}-${ex.name.replace(/[/#]/g, '-')}`);
        expect(checks).toHaveLength(expected);
        for (const c of checks) expect(alignNumbers(c.actual, c.expected), c.expression).toEqual(c.expected);
      });
    }
  });
}

const declaration = (name: string) => new RegExp(`^export (?:declare )?(?:async )?(?:function\\*? |const |class |interface |type |enum |abstract class )${name}\\b`, 'm');

// Whether the TSDoc block right above `decl` has an @example.
function documented(source: string, decl: RegExpExecArray): boolean {
  const before = source.slice(0, decl.index).trimEnd();
  return before.endsWith('*/') && before.slice(before.lastIndexOf('/**')).includes('@example');
}

describe('public API', () => {
  for (const pkg of packages) {
    it(`every export of each @memberkit/${pkg} entry point has TSDoc with an @example`, () => {
      const missing: string[] = [];
      let checked = 0;
      for (const entry of Object.values(entryPoints(pkg))) {
        const index = readFileSync(entry, 'utf8');
        for (const m of index.matchAll(/export (?:type )?\{([^}]*)\} from '(\.[^']+)'/g)) {
          const file = join(dirname(entry), m[2]!);
          const source = readFileSync(file, 'utf8');
          for (const raw of m[1]!.split(',')) {
            const name = raw.replace(/^\s*type\s+/, '').trim().split(/\s+as\s+/)[0]!;
            if (!name) continue;
            const decl = declaration(name).exec(source);
            if (!decl) continue; // re-exported from elsewhere: checked at its own declaration
            checked++;
            if (!documented(source, decl)) missing.push(`${relative(join(repoRoot, 'packages', pkg, 'src'), file)}: ${name}`);
          }
        }
      }
      expect(checked).toBeGreaterThan(10);
      expect(missing).toEqual([]);
    });
  }

  // House style asks the same of internal exports.
  for (const pkg of packages) {
    it(`every exported declaration in @memberkit/${pkg}'s src has TSDoc with an @example`, () => {
      const srcRoot = join(repoRoot, 'packages', pkg, 'src');
      const missing: string[] = [];
      const files = readdirSync(srcRoot, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
      for (const file of files) {
        const source = readFileSync(join(srcRoot, file), 'utf8');
        for (const m of source.matchAll(/^export (?:declare )?(?:async )?(?:function\*? |const |class |interface |type |enum |abstract class )(\w+)/gm)) {
          if (!documented(source, declaration(m[1]!).exec(source)!)) missing.push(`${file}: ${m[1]}`);
        }
      }
      expect(files.length).toBeGreaterThan(20);
      expect(missing).toEqual([]);
    });
  }
});
