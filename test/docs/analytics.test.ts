// Runs every ```ts block of docs/analytics.md and checks each `//=> value`
// line against what the `console.log` before it printed, so the page cannot
// drift from the code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as core from '@memberkit/core';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';

const page = readFileSync(fileURLToPath(new URL('../../docs/analytics.md', import.meta.url)), 'utf8');
const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

async function run(source: string): Promise<unknown[]> {
  // `import { a, b } from '@memberkit/core'` becomes a destructuring of the real module.
  const code = source.replace(/import\s*(type\s*)?\{([^}]*)\}\s*from\s*'@memberkit\/core';/g, (_, isType: string | undefined, names: string) =>
    isType ? '' : `const {${names.replace(/\btype\s+\w+\s*,?/g, '')}} = core;`,
  );
  const js = (await transform(code, { loader: 'ts', format: 'esm' })).code;
  const logged: unknown[] = [];
  const fakeConsole = { log: (value: unknown) => logged.push(value) };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
  await new AsyncFunction('core', 'console', js)(core, fakeConsole);
  return logged;
}

describe('docs/analytics.md examples', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  blocks.forEach((block, i) => {
    const title = block.split('\n').find((l) => l.startsWith('// ')) ?? `block ${i + 1}`;
    it(`${i + 1}: ${title.slice(3)}`, async () => {
      const expected = block
        .split('\n')
        .filter((l) => l.startsWith('//=> '))
        .map((l) => (0, eval)(`(${l.slice(5)})`) as unknown);
      const logged = await run(block);
      expect(logged).toEqual(expected);
    });
  });
});
