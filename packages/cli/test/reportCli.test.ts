import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/runCli.ts';

const root = resolve(import.meta.dirname, '../../..');
const example = join(root, 'examples/orders.csv');
const dir = mkdtempSync(join(tmpdir(), 'memberkit-cli-'));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, generatedAt: '2026-11-23 12:00 UTC' },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

describe('memberkit report (end to end on examples/orders.csv)', () => {
  it('writes a self-contained HTML report with every section and the bad rows by line', async () => {
    const out = join(dir, 'nested', 'report.html');
    const c = capture();
    const code = await runCli(['report', example, '--out', out, '--currency', 'USD', '--calibration-end', '1997-09-30', '--margin', '0.3'], c.io);
    expect(c.stderr()).toContain('wrote');
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    for (const id of ['kpis', 'rfm', 'cohorts', 'tracking', 'p-alive', 'clv', 'rules', 'bad-rows']) expect(html).toContain(`id="${id}"`);
    const section = (id: string) => {
      const start = html.indexOf(`<section class="mk-section" id="${id}"`);
      return html.slice(start, html.indexOf('</section>', start));
    };
    for (const id of ['rfm', 'cohorts', 'tracking', 'p-alive', 'clv']) expect(section(id), id).toContain('<svg');
    expect(html).not.toContain('Not available');
    // The calibration fit is CDNOW's published BG/NBD.
    expect(section('tracking')).toContain('r = 0.243, alpha = 4.414, a = 0.793, b = 2.426; log-likelihood -9582.4');
    expect(section('rfm')).toContain('Champions');
    // The example plants genre families: classical/opera/baroque buyers should show up together.
    expect(section('rules')).toMatch(/<span class="mk-item[^"]*">(opera|baroque|classical)<\/span>/);
    // CDNOW sample: 2,357 customers, 6,919 orders, $244,091.94.
    expect(html).toContain('2,357');
    expect(html).toContain('6,919');
    expect(html).toContain('$244,092');
    // The three planted bad rows, by line, in the report and on stderr.
    for (const line of ['1001', '5001', '9001']) {
      expect(html).toContain(`<td class="mk-num">${line}</td>`);
      expect(c.stderr()).toContain(`line ${line}:`);
    }
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('writes the report in Chinese with --lang zh-CN', async () => {
    const out = join(dir, 'zh.html');
    const code = await runCli(['report', example, '-o', out, '--currency', 'USD', '--lang', 'zh-CN', '-q'], capture().io);
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('客户分析报告');
    expect(html).toContain('未使用的行 (3)');
  });

  it('fails with --strict, naming the bad lines, and writes nothing', async () => {
    const out = join(dir, 'strict.html');
    const c = capture();
    const code = await runCli(['report', example, '-o', out, '--currency', 'USD', '--strict'], c.io);
    expect(code).toBe(1);
    expect(c.stderr()).toMatch(/^error \[invalid_csv\]: 3 row\(s\) of orders.csv cannot be read \(--strict\):/m);
    expect(c.stderr()).toContain('line 5001: order_date: not a calendar date');
    expect(existsSync(out)).toBe(false);
  });

  it('explains a missing file, a missing column and a bad flag without a stack trace', async () => {
    const missing = capture();
    expect(await runCli(['report', join(dir, 'nope.csv')], missing.io)).toBe(1);
    expect(missing.stderr()).toMatch(/^error \[not_found\]: cannot read .*nope\.csv: no such file\n$/);

    const column = capture();
    expect(await runCli(['report', example, '--amount-col', 'total_paid'], column.io)).toBe(1);
    expect(column.stderr()).toContain('error [invalid_csv]: --amount-col "total_paid" is not a column');

    const flag = capture();
    expect(await runCli(['report', example, '--margin', '3'], flag.io)).toBe(2);
    expect(flag.stderr()).toMatch(/^error \[invalid_input\]: Invalid command line at margin/);

    const unknown = capture();
    expect(await runCli(['report', example, '--colour', 'blue'], unknown.io)).toBe(2);
    for (const c of [missing, column, flag, unknown]) expect(c.stderr()).not.toMatch(/\n\s+at /);
  });

  it('passes --penalizer to the model fits (a strong one visibly shrinks the BG/NBD parameters)', async () => {
    const out = join(dir, 'penalized.html');
    expect(await runCli(['report', example, '-o', out, '--currency', 'USD', '--calibration-end', '1997-09-30', '--penalizer', '0.1', '-q'], capture().io)).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Fitted parameters');
    expect(html).not.toContain('r = 0.243, alpha = 4.414');
  });

  it('runs as a real process: exit code and message from the bin', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=source', join(root, 'packages/cli/src/bin/memberkit.ts'), 'report', join(dir, 'absent.csv')], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error [not_found]');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
