import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { runCli } from '../src/cli/runCli.ts';

// A real browser proves what string checks cannot: the page lays out, the
// inline SVG charts have a size, nothing is fetched from the network.
// Debian's Chromium; on a machine without it the test is skipped with the
// reason printed, but in CI (CI=true) it must run and fails if it cannot.
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const mustRun = process.env['CI'] === 'true';
if (!available && !mustRun) console.log(`reportBrowser.test.ts skipped: ${CHROMIUM} not found (apt-get install chromium); set CI=true to require it`);

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'memberkit-browser-'));
// Evaluated in the page (a string, as this package's types have no DOM).
const SIDEWAYS_SCROLL = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
const silent = { stdout: { write: () => true }, stderr: { write: () => true }, generatedAt: '2026-11-23 12:00 UTC' };

describe('the report in Chromium', () => {
  it.runIf(available || mustRun)('opens offline, lays out every section without overflow, and is screenshotted', { timeout: 90_000 }, async () => {
    const report = join(dir, 'report.html');
    expect(await runCli(['report', join(root, 'examples/orders.csv'), '-o', report, '--currency', 'USD', '--calibration-end', '1997-09-30', '--margin', '0.3', '-q'], silent)).toBe(0);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const external: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) external.push(r.url());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(pathToFileURL(report).href);
      await expect(page.title()).resolves.toContain('orders.csv');
      for (const id of ['kpis', 'rfm', 'cohorts', 'tracking', 'p-alive', 'clv', 'rules', 'bad-rows']) {
        const box = await page.locator(`#${id}`).boundingBox();
        expect(box?.height ?? 0, id).toBeGreaterThan(40);
      }
      // Every chart is drawn at a real size.
      const charts = await page.locator('figure.mk-chart svg').evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width));
      expect(charts).toHaveLength(5);
      for (const width of charts) expect(width).toBeGreaterThan(300);
      expect(await page.locator('#bad-rows tbody tr').count()).toBe(3);
      const overflow = await page.evaluate(SIDEWAYS_SCROLL);
      expect(overflow).toBeLessThanOrEqual(0);
      const shot = join(dir, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);
      // Phones: the page reflows to one column without sideways scrolling.
      await page.setViewportSize({ width: 390, height: 800 });
      const narrow = await page.evaluate(SIDEWAYS_SCROLL);
      expect(narrow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(dir, 'report-mobile.png'), fullPage: true });
      console.log(`report screenshots: ${shot} and report-mobile.png beside it`);
      expect(external).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
