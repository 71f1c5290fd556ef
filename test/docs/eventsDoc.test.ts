import { readFileSync } from 'node:fs';
import * as core from '@memberkit/core';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Runs every ```ts block of docs/events.md. A line `//=> value` after a
// one-line expression statement becomes `expect(expression).toEqual(value)`,
// so the page cannot drift from what the code does.
const markdown = readFileSync(new URL('../../docs/events.md', import.meta.url), 'utf8');
const blocks = [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

function toRunnable(source: string): { code: string; checks: number } {
  const lines = source.split('\n');
  let checks = 0;
  for (let i = 1; i < lines.length; i++) {
    const expected = /^\s*\/\/=>\s*(.+)$/.exec(lines[i]!);
    if (expected === null) continue;
    const statement = /^(\s*)(.+);\s*$/.exec(lines[i - 1]!);
    if (statement === null) throw new Error(`//=> must follow a one-line expression statement: ${lines[i - 1]}`);
    lines[i - 1] = `${statement[1]}__check(${statement[2]}, ${expected[1]});`;
    lines[i] = '';
    checks++;
  }
  const body = lines.join('\n').replace(/import\s*\{([^}]*)\}\s*from\s*'@memberkit\/core';/g, (_m, names: string) => `const {${names}} = __core;`);
  const js = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  return { code: js, checks };
}

describe('docs/events.md examples', () => {
  it('has examples with assertions', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  blocks.forEach((block, index) => {
    it(`block ${index + 1} runs and its //=> values hold`, () => {
      const { code, checks } = toRunnable(block);
      let ran = 0;
      const check = (actual: unknown, expected: unknown) => {
        ran++;
        expect(actual).toEqual(expected);
      };
      new Function('__core', '__check', code)(core, check);
      expect(ran).toBe(checks);
      expect(checks).toBeGreaterThan(0);
    });
  });
});
