import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCheckedExample } from '../../../test/docs/checkedExamples.ts';
import { installPageGlobals } from './support/pageGlobals.ts';

// Every TSDoc `@example` of the tracker with `//=>` lines runs against the
// sources (through the project's checked-example runner) and its values hold.
const src = join(repoRoot, 'packages/tracker/src');
const files = (function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
})(src);
const entry = (sub: string) => pathToFileURL(join(src, sub)).href;
const ENTRIES: Record<string, string> = {
  '@memberkit/tracker': entry('index.ts'),
  '@memberkit/tracker/miniprogram': entry('miniprogram.ts'),
  '@memberkit/tracker/retail': entry('retail.ts'),
};
const examples = files.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/@example\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)].map((m, i) => ({
    name: `${file.slice(src.length + 1)}#${i + 1}`,
    code: (m[1] ?? '').replace(/^\s*\* ?/gm, '').replace(/from '(@memberkit\/tracker[^']*)'/g, (all, spec: string) => (ENTRIES[spec] ? `from '${ENTRIES[spec]}'` : all)),
  })),
);

// What the examples assume of their host: a page, and a WeChat `wx` for the mini-program ones.
installPageGlobals();
const g = globalThis as Record<string, unknown>;
const wxStore = new Map<string, unknown>();
g.wx = { getStorageSync: (k: string) => wxStore.get(k) ?? '', setStorageSync: (k: string, v: unknown) => void wxStore.set(k, v), removeStorageSync: (k: string) => void wxStore.delete(k), request: () => {} };

describe('tracker TSDoc examples', () => {
  it('every exported symbol has an @example', () => {
    const exported = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?:^|\n)(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n)?export (?:async )?(?:function|const|interface|type|class) (\w+)/g)].map((m) => ({ name: m[2], doc: m[1] ?? '' })));
    expect(exported.filter((e) => !e.doc.includes('@example')).map((e) => e.name)).toEqual([]);
  });
  for (const ex of examples.filter((e) => e.code.includes('//=>'))) {
    it(ex.name, async () => {
      const { checks, expected } = await runCheckedExample(ex.code, 'tracker-' + ex.name);
      expect(checks).toHaveLength(expected);
      for (const c of checks) expect(c.actual, c.expression).toEqual(c.expected);
    });
  }
});
