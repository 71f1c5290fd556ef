import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCheckedExample } from '../../../test/docs/checkedExamples.ts';
import { installPageGlobals } from './support/pageGlobals.ts';

// docs/tracker.md reads as one script: its ```ts blocks run in order as one
// module against the sources (```tsx framework snippets are illustrations),
// every `//=>` line is checked, and the web examples really post to the
// collector.
describe('docs/tracker.md', () => {
  it('runs, and every `//=>` on the page holds', async () => {
    const { posted } = installPageGlobals();
    const g = globalThis as Record<string, unknown>;
    const pages: unknown[] = [];
    const store = new Map<string, unknown>();
    g.App = () => {};
    g.Page = (o: unknown) => void pages.push(o);
    g.Component = (o: unknown) => void pages.push(o);
    g.wx = { getStorageSync: (k: string) => store.get(k) ?? '', setStorageSync: (k: string, v: unknown) => void store.set(k, v), removeStorageSync: (k: string) => void store.delete(k), request: () => {} };
    const src = (f: string) => pathToFileURL(join(repoRoot, 'packages/tracker/src', f)).href;
    const map: Record<string, string> = {
      '@memberkit/tracker': src('index.ts'),
      '@memberkit/tracker/retail': src('retail.ts'),
      '@memberkit/tracker/miniprogram': src('miniprogram.ts'),
      '@memberkit/tracker/autocapture': src('autocapture.ts'),
      '@memberkit/tracker/errors': src('errors.ts'),
      '@memberkit/tracker/web-vitals': src('webVitals.ts'),
      'web-vitals': pathToFileURL(join(repoRoot, 'packages/tracker/node_modules/web-vitals/dist/web-vitals.js')).href,
    };
    const page = readFileSync(join(repoRoot, 'docs/tracker.md'), 'utf8');
    const seen = new Set<string>();
    const code = [...page.matchAll(/```ts\n([\s\S]*?)```/g)]
      .map((m) => m[1] ?? '')
      .join('\n')
      .split('\n')
      // one import per module: a block may repeat an import an earlier block made
      .filter((line) => !line.startsWith('import ') || (!seen.has(line) && seen.add(line)))
      .join('\n')
      .replace(/from '([^']+)'/g, (all, spec: string) => (map[spec] ? `from '${map[spec]}'` : all));
    const { checks, expected } = await runCheckedExample(code, 'docs-tracker');
    expect(expected).toBeGreaterThanOrEqual(3);
    expect(checks).toHaveLength(expected);
    for (const c of checks) expect(c.actual, c.expression).toEqual(c.expected);
    expect(pages).toHaveLength(2);
    // the web example's events reach the collector after the 5 s batch wait
    for (let i = 0; i < 100 && posted.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const types = posted.flatMap((b) => (JSON.parse(b) as { batch: Array<{ type: string }> }).batch.map((e) => e.type));
    expect(types).toEqual(expect.arrayContaining(['products_searched', 'product_added', 'coupon_claimed', 'checkout_started', 'checkout_step_completed', 'identified']));
  }, 20_000);
});
