import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, 'test', '.tmp');

describe('README quick start', () => {
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('runs as written and prints what it says', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const lines = block!.split('\n');
    expect(lines.length).toBeLessThanOrEqual(22);
    const expected = lines.find((l) => l.startsWith('//=> '))!.slice(5);
    mkdirSync(tmp, { recursive: true });
    const file = join(tmp, 'quickstart.ts');
    writeFileSync(file, block!);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import(file);
    const printed = log.mock.calls.map((args) => args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    log.mockRestore();
    expect(printed).toEqual([expected.replace("[ 'baby-buyers' ]", '["baby-buyers"]')]);
  });
});
