// The main demo: a shop's order history goes into memberkit (embedded memory
// store), profiles are merged from identifiers, every customer is scored by
// RFM, and we print the segment table and one customer's 360° view.
// Run: npx --yes pnpm@10 install && npx --yes pnpm@10 demo
import { createMemberkit, defaultRfmSegments, manualClock, type ProfileRfm } from '@memberkit/core';
import { generateShopEvents } from './shopHistory.ts';

const yuan = (fen: number): string => `¥${(fen / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pad = (s: string | number, w: number, right = false): string => {
  const text = String(s);
  // CJK characters take two columns in a terminal.
  const width = [...text].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, w - width));
  return right ? fill + text : text + fill;
};

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const asOf = '2026-11-01T00:00:00+08:00';
  const mk = createMemberkit({
    clock: manualClock(asOf),
    segments: [{ id: 'card-holders', name: '会员卡客户', rule: { field: 'identities.memberCardNo', op: 'exists' } }],
  });
  const events = generateShopEvents({ customers: 1500 });
  let merges = 0;
  for (let i = 0; i < events.length; i += 200) {
    for (const r of await mk.ingestBatch(events.slice(i, i + 200))) if (r.status === 'accepted') merges += r.merges.length;
  }
  const rows = await mk.refreshRfm({ asOf });
  log(`memberkit demo: ${events.length.toLocaleString('en')} events → ${(await mk.context.store.countProfiles()).toLocaleString('en')} profiles (${merges} merged), ${rows.length.toLocaleString('en')} customers scored by RFM as of 2026-11-01\n`);

  log(`${pad('Segment', 20)}${pad('客群', 14)}${pad('Customers', 11, true)}${pad('Share', 8, true)}${pad('Recency d', 11, true)}${pad('Orders', 8, true)}${pad('Avg spend', 13, true)}`);
  log('-'.repeat(85));
  for (const seg of [...defaultRfmSegments.map((s) => ({ name: s.name, label: s.label ?? '' })), { name: 'Others', label: '其他' }]) {
    const members = rows.filter((r) => r.segment === seg.name);
    if (members.length === 0) continue;
    const avg = (f: (r: (typeof rows)[number]) => number) => members.reduce((s, r) => s + f(r), 0) / members.length;
    log(
      `${pad(seg.name, 20)}${pad(seg.label, 14)}${pad(members.length, 11, true)}${pad(`${((100 * members.length) / rows.length).toFixed(1)}%`, 8, true)}${pad(avg((r) => r.recencyDays).toFixed(0), 11, true)}${pad(avg((r) => r.frequency).toFixed(1), 8, true)}${pad(yuan(Math.round(avg((r) => r.monetary))), 13, true)}`,
    );
  }

  const zhang = await mk.findProfile('phone', '13900000000');
  if (!zhang) throw new Error('demo data lost Ms. Zhang');
  const v = await mk.view(zhang.id);
  const rfm = v.attributes['rfm'] as ProfileRfm | undefined;
  log(`\n360° view of ${String(v.traits['name'] ?? v.id)} (${v.id})`);
  log(`  identifiers     ${Object.entries(v.identifiers).map(([k, vs]) => `${k}=${vs!.join(',')}`).join('  ')}`);
  log(`  basics          ${['gender', 'city'].map((k) => `${k}=${String(v.traits[k] ?? '-')}`).join('  ')}`);
  log(`  orders          ${v.orders.orderCount} orders, ${yuan(v.orders.netRevenue)} net (${yuan(v.orders.refundedAmount)} refunded), AOV 客单价 ${yuan(v.orders.aov)}, ${v.orders.unitsPerOrder.toFixed(2)} units/order 连带率`);
  log(`  repurchase      every ${v.orders.repurchaseIntervalDays?.toFixed(0) ?? '-'} days 复购周期, first ${new Date(v.orders.firstOrderAt ?? 0).toISOString().slice(0, 10)}, last ${new Date(v.orders.lastOrderAt ?? 0).toISOString().slice(0, 10)}`);
  log(`  preferences     hour ${v.preferredHour}:00, channel ${v.preferredChannel}`);
  log(`  first source    ${JSON.stringify({ ...v.firstSource, at: undefined, eventId: undefined })}`);
  log(`  latest source   ${JSON.stringify({ ...v.latestSource, at: undefined, eventId: undefined })}`);
  log(`  RFM             R${rfm?.r} F${rfm?.f} M${rfm?.m} = ${rfm?.score} → ${rfm?.segment}`);
  log(`  segments        ${v.segments.join(', ') || '-'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
