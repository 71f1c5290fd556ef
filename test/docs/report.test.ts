import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCheckedExample } from './checkedExamples.ts';
import { runCli } from '../../packages/cli/src/cli/runCli.ts';

const page = readFileSync(join(repoRoot, 'docs/report.md'), 'utf8');
const cliUrl = pathToFileURL(join(repoRoot, 'packages/cli/src/index.ts')).href;

describe('docs/report.md', () => {
  it('every `//=>` in the code example holds', async () => {
    const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    // Paths on the page are relative to the repository root.
    const source = blocks
      .join('\n')
      .replace(/from '@memberkit\/cli'/g, `from '${cliUrl}'`)
      .replace(/'examples\//g, `'${repoRoot}/examples/`);
    const { checks, expected } = await runCheckedExample(source, 'docs-report');
    expect(expected).toBeGreaterThanOrEqual(6);
    expect(checks).toHaveLength(expected);
    for (const c of checks) expect(c.actual, c.expression).toEqual(c.expected);
  });

  it('the documented command on the example writes the report', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mk-docs-report-')), 'report.html');
    const script = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts['report:example'] as string;
    const args = script.split(' ').slice(script.split(' ').indexOf('report'));
    args[args.indexOf('--out') + 1] = out;
    args[args.indexOf('examples/orders.csv')] = join(repoRoot, 'examples/orders.csv');
    const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
    expect(await runCli([...args, '-q'], quiet)).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('documents every flag the command accepts', async () => {
    const { REPORT_ARG_SPEC } = await import('../../packages/cli/src/cli/reportOptions.ts');
    for (const flag of Object.keys(REPORT_ARG_SPEC).filter((f) => !['help', 'quiet', 'title', 'top-rules'].includes(f))) expect(page, flag).toContain(`--${flag}`);
  });
});
