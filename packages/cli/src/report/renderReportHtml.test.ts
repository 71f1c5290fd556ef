import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './renderReportHtml.ts';
import { sampleReportData } from '../../test/sampleReportData.ts';
import type { ReportData } from './reportData.ts';

describe('renderReportHtml', () => {
  const html = renderReportHtml(sampleReportData, { lang: 'en' });

  it('writes every section, each chart as inline SVG', () => {
    for (const id of ['kpis', 'rfm', 'cohorts', 'tracking', 'p-alive', 'clv', 'clv-top', 'rules', 'bad-rows']) expect(html).toContain(`id="${id}"`);
    // RFM grid, cohorts, tracking, P(alive), CLV.
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).toContain('Champions');
    expect(html).toContain('$244,092');
    expect(html).toContain('$35.28');
    expect(html).toContain('49.0%');
  });

  it('is self-contained: no script, no external URL', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\((?!#)/);
  });

  it('escapes values that come from the file', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('speaks Chinese with --lang zh-CN, segment names included', () => {
    const zh = renderReportHtml(sampleReportData, { lang: 'zh-CN' });
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('客单价');
    expect(zh).toContain('复购率');
    expect(zh).toContain('冠军客户');
    expect(zh).toContain('日期无效');
  });

  it('shows why a section is missing instead of failing the page', () => {
    const data: ReportData = { ...sampleReportData, rules: { ok: false, reason: 'the file has no product column' } };
    const out = renderReportHtml(data);
    expect(out).toContain('Not available: the file has no product column');
    expect(out).not.toContain('class="mk-item');
  });
});
