import { describe, expect, it } from 'vitest';
import { main } from './rfm-demo.ts';

describe('the README demo', () => {
  it('prints the RFM segment table and Ms. Zhang’s merged 360° view', async () => {
    const lines: string[] = [];
    await main((l) => lines.push(l));
    const out = lines.join('\n');
    expect(out).toMatch(/9,\d{3} events → 1,500 profiles \(1 merged\)/);
    for (const name of ['Champions', 'Loyal', 'At Risk', 'Hibernating']) expect(out).toContain(name);
    // Shares in the table add up to 100%.
    const shares = [...out.matchAll(/ (\d+\.\d)%/g)].map((m) => Number(m[1]));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    expect(out).toContain('360° view of 张女士');
    expect(out).toMatch(/memberCardNo=VIP100000 .*userId=zhang-online/);
    expect(out).toMatch(/RFM +R\d F\d M\d = \d{3} → \w/);
  });
});
