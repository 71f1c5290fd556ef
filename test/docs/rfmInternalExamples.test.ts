import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCheckedExample } from './checkedExamples.ts';

// The rfm area's internal helpers are not exported from '@memberkit/core', so
// their TSDoc examples have no import line: run each against its own module.
const dir = 'packages/core/src/rfm';
const examples = readdirSync(join(repoRoot, dir))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .flatMap((file) => {
    const source = readFileSync(join(repoRoot, dir, file), 'utf8');
    const names = [...source.matchAll(/^export (?:async )?(?:function|class|const) (\w+)/gm)].map((m) => m[1]);
    const url = pathToFileURL(join(repoRoot, dir, file)).href;
    return [...source.matchAll(/@example\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)]
      .map((m) => (m[1] ?? '').replace(/^\s*\* ?/gm, ''))
      .filter((code) => !code.includes('import '))
      .map((code, i) => ({ name: `${file}#${i + 1}`, code: `import { ${names.join(', ')} } from '${url}';\n${code}` }));
  });

describe('rfm internal TSDoc examples', () => {
  it('finds them', () => expect(examples.length).toBeGreaterThan(10));
  for (const ex of examples) {
    it(ex.name, async () => {
      const { checks, expected } = await runCheckedExample(ex.code, `rfm-internal-${ex.name}`);
      expect(expected).toBeGreaterThan(0);
      expect(checks).toHaveLength(expected);
      for (const c of checks) expect(c.actual, c.expression).toEqual(c.expected);
    });
  }
});
