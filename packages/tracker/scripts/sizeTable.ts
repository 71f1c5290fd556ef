// Size table: ours and the peers a shop would pick instead, measured the same
// way in the same run (esbuild bundle, minified, ESM, browser, then gzip -9).
// Run: npx --yes pnpm@10 --filter @memberkit/tracker run size:table
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const require = createRequire(import.meta.url);

interface Row {
  name: string;
  code: string;
  budget?: number;
}

const ours: Row[] = [
  { name: '@memberkit/tracker web core', code: "import { createTracker } from '@memberkit/tracker'; globalThis.x = createTracker;", budget: 8 },
  {
    name: '@memberkit/tracker web core + retail helpers',
    code: "import { createTracker } from '@memberkit/tracker'; import { retail } from '@memberkit/tracker/retail'; globalThis.x = [createTracker, retail];",
    budget: 10,
  },
  { name: '@memberkit/tracker/miniprogram', code: "import { createMiniTracker, trackPage, trackComponent } from '@memberkit/tracker/miniprogram'; globalThis.x = [createMiniTracker, trackPage, trackComponent];", budget: 10 },
  { name: '@memberkit/tracker/autocapture', code: "import { autocapture } from '@memberkit/tracker/autocapture'; globalThis.x = autocapture;", budget: 3 },
  { name: '@memberkit/tracker/web-vitals (wrapper)', code: "import { webVitals } from '@memberkit/tracker/web-vitals'; globalThis.x = webVitals;", budget: 3 },
  {
    name: '@memberkit/tracker/web-vitals + onLCP/onINP/onCLS from web-vitals',
    code: "import { webVitals } from '@memberkit/tracker/web-vitals'; import { onCLS, onINP, onLCP } from 'web-vitals'; globalThis.x = (t) => webVitals(t, [onLCP, onINP, onCLS]);",
  },
  { name: '@memberkit/tracker/errors', code: "import { errorCapture } from '@memberkit/tracker/errors'; globalThis.x = errorCapture;", budget: 3 },
];
const peers: Row[] = [
  { name: '@segment/analytics-next (AnalyticsBrowser)', code: "import { AnalyticsBrowser } from '@segment/analytics-next'; globalThis.x = AnalyticsBrowser;" },
  { name: 'posthog-js', code: "import posthog from 'posthog-js'; globalThis.x = posthog;" },
  { name: '@amplitude/analytics-browser', code: "import * as amplitude from '@amplitude/analytics-browser'; globalThis.x = amplitude;" },
  { name: 'mixpanel-browser (default entry, bundles session recording)', code: "import mixpanel from 'mixpanel-browser'; globalThis.x = mixpanel;" },
  { name: 'mixpanel-browser/dist/mixpanel-core.cjs.js (no recorder)', code: "import mixpanel from 'mixpanel-browser/dist/mixpanel-core.cjs.js'; globalThis.x = mixpanel;" },
  { name: '@snowplow/browser-tracker', code: "import { newTracker, trackPageView } from '@snowplow/browser-tracker'; globalThis.x = [newTracker, trackPageView];" },
];

/** Bundles `code` as a page would and returns minified and gzip -9 bytes. */
export async function measure(code: string, conditions: string[] = ['source']): Promise<{ min: number; gzip: number; modules: string[] }> {
  const r = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    conditions,
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const out = r.outputFiles[0]?.contents ?? new Uint8Array();
  // Modules that really contribute bytes (tree-shaken ones are listed with 0).
  const inputs = Object.values(r.metafile.outputs)[0]?.inputs ?? {};
  const modules = Object.entries(inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
  return { min: out.length, gzip: gzipSync(out, { level: 9 }).length, modules };
}

const kb = (n: number) => (n / 1024).toFixed(1);

async function main() {
  if (process.argv.includes('--modules')) {
    for (const row of ours) console.log(row.name, (await measure(row.code)).modules);
    return;
  }
  const lines = ['| bundle | minified KB | gzip -9 KB | budget KB |', '|---|---:|---:|---:|'];
  let over = false;
  for (const row of ours) {
    const m = await measure(row.code);
    if (m.modules.some((p) => p.includes('/zod/'))) throw new Error(`${row.name} pulls zod into the bundle`);
    if (row.budget !== undefined && m.gzip > row.budget * 1024) over = true;
    lines.push(`| ${row.name} | ${kb(m.min)} | ${kb(m.gzip)} | ${row.budget ?? ''} |`);
  }
  for (const row of peers) {
    const pkg = row.code.match(/from '([^']+)'/)?.[1] ?? '';
    try {
      require.resolve(pkg, { paths: [root, dirname(root)] });
      const m = await measure(row.code, []);
      lines.push(`| ${row.name} | ${kb(m.min)} | ${kb(m.gzip)} | |`);
    } catch (e) {
      lines.push(`| ${row.name} | not measured: ${(e as Error).message.split('\n')[0]?.slice(0, 80)} | | |`);
    }
  }
  console.log(lines.join('\n'));
  if (over) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) void main();
